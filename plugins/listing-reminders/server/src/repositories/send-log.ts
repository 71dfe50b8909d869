import type { Core } from '@strapi/strapi';
import { claimRow, sqlNames } from '@buurtplein/plugin-kit';

export const LOG_UID = 'plugin::listing-reminders.send-log';
export const RUN_UID = 'plugin::listing-reminders.run';

/**
 * Which organisation was reminded of which period, where, when the mail went
 * out and when they confirmed: what the confirm link, the per-quarter figures
 * and the stale list read. Sending itself (exactly once, leases, retries) is
 * the outbox's; it tells us through the kind's onSent.
 */
export function createSendLogRepository(strapi: Core.Strapi) {
  const { column: col, table } = sqlNames(strapi);
  const c = (attribute: string) => col(LOG_UID, attribute);
  const logs = () => strapi.db.query(LOG_UID as any);

  return {
    /** The mail server took this reminder: one INSERT; a row from before the outbox, whose send had failed, gets its date. */
    async recordSent(row: { organisation: string; period: string; email: string; language: string }) {
      const sentAt = new Date();
      if ((await claimRow(strapi, LOG_UID, { ...row, sentAt }, ['organisation', 'period'])) !== null) return;
      await logs().updateMany({ where: { organisation: row.organisation, period: row.period, sentAt: null }, data: { sentAt, email: row.email, language: row.language } });
    },

    /** True for the one request that confirms; later ones see it was already done. */
    async confirm(organisation: string, period: string): Promise<'confirmed' | 'already' | 'unknown'> {
      const now = new Date();
      const { count } = await logs().updateMany({ where: { organisation, period, confirmedAt: null }, data: { confirmedAt: now } });
      if (count === 1) return 'confirmed';
      return (await logs().count({ where: { organisation, period } })) ? 'already' : 'unknown';
    },

    /** Per period up to `until` (periods sort as text): how many were sent and confirmed. */
    async periodStats(limit: number, until: string) {
      const knex = strapi.db.connection;
      const rows = await table(knex, LOG_UID)
        .where(c('period'), '<=', until)
        .select({ period: c('period') })
        .count({ sent: c('sentAt') })
        .count({ confirmed: c('confirmedAt') })
        .groupBy(c('period'))
        .orderBy(c('period'), 'desc')
        .limit(limit);
      return rows.map((r: any) => ({ period: r.period as string, sent: Number(r.sent), confirmed: Number(r.confirmed) }));
    },

    /** Organisations that got a reminder in each of `periods` and confirmed none. */
    async unconfirmedIn(periods: string[]) {
      const rows = await table(strapi.db.connection, LOG_UID)
        .select({ organisation: c('organisation') })
        .whereIn(c('period'), periods)
        .whereNotNull(c('sentAt'))
        .groupBy(c('organisation'))
        .havingRaw(`count(*) = ? and count(??) = 0`, [periods.length, c('confirmedAt')]);
      return rows.map((r: any) => r.organisation as string);
    },

    async startRun(period: string, trigger: 'schedule' | 'cli' | 'admin', slot: string | null): Promise<number | null> {
      return claimRow(strapi, RUN_UID, { period, trigger, slot, status: 'running', startedAt: new Date() }, ['slot']);
    },

    async finishRun(id: number, status: 'succeeded' | 'failed', counts: { sent: number; failed: number; skipped: number }) {
      await strapi.db.query(RUN_UID as any).update({ where: { id }, data: { status, finishedAt: new Date(), ...counts } });
    },

    latestRuns: (limit = 20) => strapi.db.query(RUN_UID as any).findMany({ orderBy: { id: 'desc' }, limit }),
  };
}
