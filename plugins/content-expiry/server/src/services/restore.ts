import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { announceChange, CONTENT_EVENTS } from '@buurtplein/plugin-kit';
import { PLUGIN_ID } from '../plugin-id';
import { createItemsRepository } from '../repositories/items';
import { pluginConfig } from '../utils/plugin-config';

export interface Restored {
  uid: string;
  documentId: string;
  republished: boolean;
}

/**
 * One action brings an archived item back as it was: archivedAt cleared,
 * published again if it was, and everything archived because of it (an
 * organisation's activities) restored too — exactly those, nothing else.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const items = () => createItemsRepository(strapi);

  async function restoreOne(uid: string, documentId: string, now: Date, done: Restored[]) {
    const type = pluginConfig(strapi).types.find((t) => t.uid === uid);
    if (!type) throw new errors.ValidationError(`${uid} is not a content type content-expiry manages`);
    const archived = await strapi.db.query(uid as any).count({ where: { documentId, archivedAt: { $notNull: true } } });
    const { own, cascaded } = await items().openRecords(uid, documentId);
    if (!archived && !own.length) throw new errors.NotFoundError('No archived item with this documentId');

    await strapi.db.query(uid as any).updateMany({
      where: { documentId },
      data: { archivedAt: null, ...(type.touchOnRestore ? { [type.touchOnRestore]: now } : {}) },
    });
    const republish = own.some((r: any) => r.wasPublished);
    if (republish) await strapi.documents(uid as any).publish({ documentId, locale: '*' } as any);
    await items().markRestored(own.map((r: any) => r.id), now);
    done.push({ uid, documentId, republished: republish });
    await announceChange(strapi, PLUGIN_ID, CONTENT_EVENTS.restored, { uid, documentIds: [documentId] });

    for (const record of cascaded as any[]) {
      await restoreOne(record.uid, record.itemId, now, done);
    }
    return done;
  }

  return {
    restore: (uid: string, documentId: string) => restoreOne(uid, documentId, new Date(), []),

    /** Archived items of a managed type, newest first, for the staff screen. */
    async archived(uid: string, page: number, pageSize: number) {
      if (!pluginConfig(strapi).types.some((t) => t.uid === uid)) throw new errors.ValidationError(`${uid} is not a content type content-expiry manages`);
      const { ids, total } = await items().archivedPage(uid, page, pageSize);
      const rows = await strapi.db.query(uid as any).findMany({ where: { documentId: { $in: ids }, publishedAt: null }, orderBy: { id: 'asc' } });
      const first = new Map<string, any>();
      for (const row of rows as any[]) if (!first.has(row.documentId)) first.set(row.documentId, row);
      const data = ids.map((documentId) => {
        const row = first.get(documentId);
        return { documentId, title: row?.title ?? row?.name ?? documentId, archivedAt: row?.archivedAt, locale: row?.locale };
      });
      return { data, pagination: { page, pageSize, total } };
    },
  };
};
