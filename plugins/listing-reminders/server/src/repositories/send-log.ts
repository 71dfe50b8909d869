import type { Core } from '@strapi/strapi';
import { claimRow, sqlNames } from '@buurtplein/plugin-kit';

export const LOG_UID = 'plugin::listing-reminders.send-log';
export const RUN_UID = 'plugin::listing-reminders.run';

/**
 * The send log decides who sends what: a mail goes out only after its
 * (organisation, period) row is claimed — by inserting it, or by taking
 * over a failed row or one whose claim is older than the lease (a run that
 * died). Two runs at the same moment therefore never send the same mail.
 */
export function createSendLogRepository(strapi: Core.Strapi) {
  const { column: col, table } = sqlNames(strapi);
  const c = (attribute: string) => col(LOG_UID, attribute);
  const logs = () => strapi.db.query(LOG_UID as any);

  return {
    /** Claims the row and counts it as the first attempt. */
    async claim(row: { organisation: string; period: string; email: string; language: string; runId: number | null }, leaseMinutes: number): Promise<boolean> {
      const knex = strapi.db.connection;
      const now = new Date();
      const { organisation, period, email, language, runId } = row;
      const claimed = await claimRow(strapi, LOG_UID, { organisation, period, email, language, status: 'sending', attempts: 1, claimedAt: now, runId }, ['organisation', 'period']);
      if (claimed !== null) return true;
      const leaseEnded = new Date(now.getTime() - leaseMinutes * 60_000);
      const taken = await table(knex, LOG_UID)
        .where({ [c('organisation')]: row.organisation, [c('period')]: row.period })
        .where((b) => b.where(c('status'), 'failed').orWhere((s) => s.where(c('status'), 'sending').where(c('claimedAt'), '<', leaseEnded)))
        .update({
          [c('status')]: 'sending',
          [c('attempts')]: knex.raw('?? + 1', [c('attempts')]),
          [c('claimedAt')]: now,
          [c('email')]: row.email,
          [c('runId')]: row.runId,
          updated_at: now,
        });
      return Number(taken) === 1;
    },

    async attempted(organisation: string, period: string) {
      const knex = strapi.db.connection;
      await table(knex, LOG_UID)
        .where({ [c('organisation')]: organisation, [c('period')]: period })
        .update({ [c('attempts')]: knex.raw('?? + 1', [c('attempts')]) });
    },

    async markSent(organisation: string, period: string) {
      await logs().updateMany({ where: { organisation, period }, data: { status: 'sent', sentAt: new Date(), lastError: null } });
    },

    async markFailed(organisation: string, period: string, error: string) {
      await logs().updateMany({ where: { organisation, period }, data: { status: 'failed', lastError: error.slice(0, 2000) } });
    },

    /** True for the one request that confirms; later ones see it was already done. */
    async confirm(organisation: string, period: string): Promise<'confirmed' | 'already' | 'unknown'> {
      const now = new Date();
      const { count } = await logs().updateMany({ where: { organisation, period, confirmedAt: null }, data: { confirmedAt: now } });
      if (count === 1) return 'confirmed';
      return (await logs().count({ where: { organisation, period } })) ? 'already' : 'unknown';
    },

    /** Organisations already handled for a period (sent, or being sent within the lease). */
    async done(period: string, organisations: string[], leaseMinutes: number) {
      if (!organisations.length) return new Set<string>();
      const leaseEnded = new Date(Date.now() - leaseMinutes * 60_000);
      const rows = await logs().findMany({
        where: { period, organisation: { $in: organisations }, $or: [{ status: 'sent' }, { status: 'sending', claimedAt: { $gte: leaseEnded } }] },
        select: ['organisation'],
      });
      return new Set(rows.map((r: { organisation: string }) => r.organisation));
    },

    /** Per period up to `until` (periods sort as text): how many were sent, failed, confirmed. */
    async periodStats(limit: number, until: string) {
      const knex = strapi.db.connection;
      const rows = await table(knex, LOG_UID)
        .where(c('period'), '<=', until)
        .select({ period: c('period') })
        .count({ total: '*' })
        .sum({ sent: knex.raw(`case when ?? = 'sent' then 1 else 0 end`, [c('status')]) })
        .sum({ failed: knex.raw(`case when ?? = 'failed' then 1 else 0 end`, [c('status')]) })
        .sum({ confirmed: knex.raw(`case when ?? is not null then 1 else 0 end`, [c('confirmedAt')]) })
        .groupBy(c('period'))
        .orderBy(c('period'), 'desc')
        .limit(limit);
      return rows.map((r: any) => {
        const sent = Number(r.sent);
        const confirmed = Number(r.confirmed);
        return { period: r.period, sent, failed: Number(r.failed), confirmed, confirmationRate: sent ? Math.round((confirmed / sent) * 1000) / 10 : 0 };
      });
    },

    /** Organisations that got a reminder in each of `periods` and confirmed none. */
    async unconfirmedIn(periods: string[]) {
      const knex = strapi.db.connection;
      const rows = await table(knex, LOG_UID)
        .select({ organisation: c('organisation') })
        .whereIn(c('period'), periods)
        .where(c('status'), 'sent')
        .groupBy(c('organisation'))
        .havingRaw(`count(*) = ? and count(??) = 0`, [periods.length, c('confirmedAt')]);
      return rows.map((r: any) => r.organisation as string);
    },

    async failures(period: string) {
      return logs().findMany({ where: { period, status: 'failed' }, select: ['organisation', 'email', 'attempts', 'lastError', 'updatedAt'] });
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
