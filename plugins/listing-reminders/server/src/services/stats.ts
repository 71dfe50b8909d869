import type { Core } from '@strapi/strapi';
import { createSendLogRepository } from '../repositories/send-log';
import { periodOf, previousPeriods } from '../utils/periods';
import { pluginConfig } from '../utils/plugin-config';

/** What staff see: runs, results per quarter, failures, and listings that stopped answering. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const log = () => createSendLogRepository(strapi);

  return {
    runs: (limit?: number) => log().latestRuns(limit),
    perPeriod: (limit = 8, now = new Date()) => log().periodStats(limit, periodOf(now)),
    failures: (period: string) => log().failures(period),

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
