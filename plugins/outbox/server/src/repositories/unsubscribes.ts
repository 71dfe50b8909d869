import type { Core } from '@strapi/strapi';
import { claimRow, sqlNames } from '@buurtplein/plugin-kit';

export const UNSUBSCRIBE_UID = 'plugin::outbox.unsubscribe';

/** Who left which list. Addresses are stored lower-case, as they are compared. */
export function createUnsubscribesRepository(strapi: Core.Strapi) {
  const rows = () => strapi.db.query(UNSUBSCRIBE_UID as any);
  const { column, table } = sqlNames(strapi);
  return {
    /** True when this call recorded it (false: they had left already). */
    add: async (list: string, email: string) => (await claimRow(strapi, UNSUBSCRIBE_UID, { list, email: email.toLowerCase() }, ['list', 'email'])) !== null,
    remove: async (list: string, email: string) => rows().deleteMany({ where: { list, email: email.toLowerCase() } }),
    /** Whether the address left any of these lists (asked before every chosen mail: one plain SELECT). */
    async onAny(lists: string[], email: string) {
      const found = await table(strapi.db.connection, UNSUBSCRIBE_UID).select('id').whereIn(column(UNSUBSCRIBE_UID, 'list'), lists).where(column(UNSUBSCRIBE_UID, 'email'), email.toLowerCase()).first();
      return Boolean(found);
    },
    async countsPerList(): Promise<Record<string, number>> {
      const list = column(UNSUBSCRIBE_UID, 'list');
      const counted = await table(strapi.db.connection, UNSUBSCRIBE_UID).select({ list }).count({ count: '*' }).groupBy(list);
      return Object.fromEntries((counted as any[]).map((r) => [r.list, Number(r.count)]));
    },
  };
}
