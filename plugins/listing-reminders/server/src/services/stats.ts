import type { Core } from '@strapi/strapi';
import { outboxOf } from '@buurtplein/plugin-kit';
import { PLUGIN_ID } from '../plugin-id';
import { createSendLogRepository } from '../repositories/send-log';
import { REMINDER_KIND } from './reminders';
import type { SendFailure } from '../../../shared/run';
import { periodOf, previousPeriods } from '../utils/periods';
import { pluginConfig } from '../utils/plugin-config';

/** What staff see: runs, results per quarter, failures, and listings that stopped answering. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const log = () => createSendLogRepository(strapi);

  return {
    runs: (limit?: number) => log().latestRuns(limit),
    /** Sent and confirmed from the send log, failed from the outbox; the rate is a percentage with one decimal. */
    async perPeriod(limit = 8, now = new Date()) {
      const periods = await log().periodStats(limit, periodOf(now));
      const failed = await outboxOf(strapi, PLUGIN_ID).roundCounts(REMINDER_KIND, periods.map((p) => p.period));
      return periods.map(({ period, sent, confirmed }) => ({
        period,
        sent,
        failed: failed[period]?.failed ?? 0,
        confirmed,
        confirmationRate: sent ? Math.round((confirmed / sent) * 1000) / 10 : 0,
      }));
    },

    /** This period's mails that failed after their last try (staff retry them on the outbox page). */
    async failures(period: string): Promise<SendFailure[]> {
      const failed = await outboxOf(strapi, PLUGIN_ID).failures(REMINDER_KIND, period);
      return failed.map((f) => ({ id: f.id, organisation: f.ref, email: f.recipient, attempts: f.attempts, lastError: f.lastError, updatedAt: f.updatedAt }));
    },

    /** Organisations that got the last `staleAfterMissed` reminders and confirmed none of them. */
    async stale(now = new Date()) {
      const { staleAfterMissed, organisationUid, defaultLocale } = pluginConfig(strapi);
      // The current quarter's reminder can still be answered: only finished quarters count as missed.
      const missed = previousPeriods(periodOf(now), staleAfterMissed + 1).slice(1);
      const ids = await log().unconfirmedIn(missed);
      if (!ids.length) return { periods: missed, organisations: [] };
      const organisations = await strapi.db.query(organisationUid as any).findMany({
        where: { documentId: { $in: ids }, locale: defaultLocale, publishedAt: null },
        select: ['documentId', 'name', 'reminderEmail', 'lastConfirmedAt'],
        orderBy: { lastConfirmedAt: 'asc' },
      });
      return { periods: missed, organisations };
    },
  };
};
