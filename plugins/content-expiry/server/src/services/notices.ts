import { claimRow } from '@buurtplein/plugin-kit';
import type { Core } from '@strapi/strapi';
import type { ExpiryType } from '../config';
import { expiryWarningMail } from '../templates/expiry-warning';
import { lastOccurrence } from '../utils/recurrence';
import { pluginConfig } from '../utils/plugin-config';

const NOTICE_UID = 'plugin::content-expiry.notice';
const DAY = 24 * 3600 * 1000;

/**
 * The "still running? extend it" mail, a set number of days before an item
 * expires. The notice row is claimed first (unique per item), so each item's
 * owners are mailed once, whatever runs in parallel.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  /** Items whose plain date or recurrence end falls in (now, now + days], not archived and not yet noticed. */
  async function expiringSoon(type: ExpiryType, now: Date, days: number) {
    const until = new Date(now.getTime() + days * DAY);
    const noticed = strapi.db.query(NOTICE_UID as any);
    const found = new Map<string, Date>();
    for (const c of type.expiredWhen) {
      if (c.in || c.olderThanMonths) continue;
      if (c.recurrenceField && c.startField) {
        const { recurrenceField, startField } = c;
        const rows = await strapi.db.query(type.uid as any).findMany({
          where: { publishedAt: { $notNull: true }, archivedAt: null, [recurrenceField]: { $notNull: true } },
          select: ['documentId', recurrenceField, startField],
        });
        for (const row of rows as any[]) {
          const last = lastOccurrence(row[recurrenceField], row[startField]);
          if (last && last > now && last <= until) found.set(row.documentId, last);
        }
        continue;
      }
      if (!c.field) continue;
      const rows = await strapi.db.query(type.uid as any).findMany({
        where: {
          publishedAt: { $notNull: true },
          archivedAt: null,
          [c.field]: { $gt: now, $lte: until },
          ...(c.unlessSet ? { [c.unlessSet]: null } : {}),
        },
        select: ['documentId', c.field],
      });
      for (const row of rows as any[]) found.set(row.documentId, new Date(row[c.field!]));
    }
    if (!found.size) return [];
    const already = await noticed.findMany({ where: { uid: type.uid, itemId: { $in: [...found.keys()] } }, select: ['itemId'] });
    for (const { itemId } of already as any[]) found.delete(itemId);
    return [...found].map(([documentId, expiresAt]) => ({ documentId, expiresAt }));
  }

  /** True for the one caller that gets to send this item's notice. */
  async function claim(uid: string, documentId: string, expiresAt: Date) {
    return (await claimRow(strapi, NOTICE_UID, { uid, itemId: documentId, expiresAt, status: 'sending' }, ['uid', 'itemId'])) !== null;
  }

  return {
    async warnOwners(type: ExpiryType, now: Date): Promise<number> {
      const { owners, manageUrl } = pluginConfig(strapi);
      if (!owners || !type.warnOwnersDaysBefore) return 0;
      const expiring = await expiringSoon(type, now, type.warnOwnersDaysBefore);
      let warned = 0;
      for (const { documentId, expiresAt } of expiring) {
        if (!(await claim(type.uid, documentId, expiresAt))) continue;
        const [item] = await strapi.db.query(type.uid as any).findMany({ where: { documentId }, limit: 1 });
        const title = (item as any)?.title ?? (item as any)?.name ?? documentId;
        const recipients = await owners({ strapi, uid: type.uid, documentId });
        let status: 'sent' | 'failed' = 'sent';
        for (const recipient of recipients) {
          try {
            await strapi.plugin('email').service('email').send({ to: recipient.email, ...expiryWarningMail(recipient.language ?? 'nl', { title, expiresAt, manageUrl }) });
          } catch (error) {
            status = 'failed';
            strapi.log.error(`[content-expiry] warning to ${recipient.email} failed: ${(error as Error).message}`);
          }
        }
        await strapi.db.query(NOTICE_UID as any).updateMany({ where: { uid: type.uid, itemId: documentId }, data: { status, recipients: recipients.length } });
        if (recipients.length) warned += 1;
      }
      return warned;
    },
  };
};
