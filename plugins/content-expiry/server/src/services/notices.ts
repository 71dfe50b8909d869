import { claimRow, outboxOf, publicRule, type MailKind } from '@buurtplein/plugin-kit';
import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../plugin-id';
import type { ExpiryType } from '../config';
import { expiryWarningMail } from '../templates/expiry-warning';
import { lastOccurrence } from '../utils/recurrence';
import { pluginConfig } from '../utils/plugin-config';

const NOTICE_UID = 'plugin::content-expiry.notice';
const DAY = 24 * 3600 * 1000;

/** The warning as the outbox sends it (also on a retry staff ask for). */
export const WARNING_KIND = 'content-expiry.warning';
interface WarningPayload {
  title: string;
  expiresAt: string;
}
export const warningKind = (strapi: Core.Strapi): MailKind<WarningPayload> => ({
  label: { nl: 'Waarschuwing: loopt bijna af', en: 'Warning: about to expire' },
  compose: async ({ title, expiresAt }, to) => expiryWarningMail(to.language, { title, expiresAt: new Date(expiresAt), manageUrl: pluginConfig(strapi).manageUrl }),
});

/**
 * The "still running? extend it" mail, a set number of days before an item
 * expires. The notice row is claimed first (unique per item), so each item's
 * owners are mailed once, whatever runs in parallel; the outbox sends each
 * owner's mail, retries it, and keeps a failed one for staff to retry.
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
          where: { ...publicRule(strapi, type.uid).where, [recurrenceField]: { $notNull: true } },
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
          ...publicRule(strapi, type.uid).where,
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
      const { owners } = pluginConfig(strapi);
      if (!owners || !type.warnOwnersDaysBefore) return 0;
      const expiring = await expiringSoon(type, now, type.warnOwnersDaysBefore);
      let warned = 0;
      for (const { documentId, expiresAt } of expiring) {
        if (!(await claim(type.uid, documentId, expiresAt))) continue;
        const [item] = await strapi.db.query(type.uid as any).findMany({ where: { documentId }, limit: 1 });
        const title = (item as any)?.title ?? (item as any)?.name ?? documentId;
        const recipients = await owners({ strapi, uid: type.uid, documentId });
        const outcomes = await Promise.all(
          recipients.map((recipient) =>
            outboxOf(strapi, PLUGIN_ID).send<WarningPayload>({
              kind: WARNING_KIND,
              ref: documentId,
              round: recipient.email.toLowerCase(),
              to: recipient.email,
              language: recipient.language,
              payload: { title, expiresAt: expiresAt.toISOString() },
            })
          )
        );
        const status = outcomes.includes('failed') ? 'failed' : 'sent';
        await strapi.db.query(NOTICE_UID as any).updateMany({ where: { uid: type.uid, itemId: documentId }, data: { status, recipients: recipients.length } });
        if (recipients.length) warned += 1;
      }
      return warned;
    },
  };
};
