import type { Core } from '@strapi/strapi';
import { DAY, settings } from '../../../lib/settings';
import { datedFrom, endOfSeries, SERIES } from '../lib/occurrence';
import { ACTIVE } from './places';

const ENROLMENT = 'api::enrolment.enrolment';
const ACTIVITY = 'api::activity.activity';
/** A confirmation request nobody followed is worthless after its link expired (48 hours); a day's margin. */
const UNCONFIRMED_DAYS = 3;

interface Row {
  id: number;
  activity: string;
  occurrence: string;
  status: string;
  updatedAt: string;
}

/**
 * Enrolees' names, emails and answers do not outlive their purpose: a
 * date's enrolments are deleted ENROLMENT_RETENTION_DAYS after it, a
 * series' after its end (an open-ended series keeps them while it runs), a
 * cancelled one that long after cancelling, an unconfirmed request after
 * three days. Runs with content-expiry's nightly run.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(ENROLMENT as any);

  /** When a series' enrolments stop being needed: its end; 'gone' when the activity was deleted. */
  async function seriesEnd(activityId: string): Promise<Date | null | 'gone'> {
    const activity = await strapi.db.query(ACTIVITY).findOne({ where: { documentId: activityId }, select: ['startsAt', 'endsAt', 'recurrence'] });
    return activity ? endOfSeries(datedFrom(activity)) : 'gone';
  }

  return {
    async expired(now: Date): Promise<number[]> {
      const cutoff = new Date(now.getTime() - settings(strapi).enrolment.retentionDays * DAY);
      const dated: Row[] = await rows().findMany({ where: { occurrence: { $ne: SERIES, $lt: cutoff.toISOString() } }, select: ['id'] });
      const stale: Row[] = await rows().findMany({
        where: {
          $or: [
            { status: 'cancelled', updatedAt: { $lt: cutoff } },
            { status: 'pending', updatedAt: { $lt: new Date(now.getTime() - UNCONFIRMED_DAYS * DAY) } },
          ],
        },
        select: ['id'],
      });
      const series: Row[] = await rows().findMany({ where: { occurrence: SERIES, status: { $in: ACTIVE } }, select: ['id', 'activity', 'updatedAt'] });
      const ended = new Set<string>();
      for (const activity of new Set(series.map((row) => row.activity))) {
        const end = await seriesEnd(activity);
        if (end === 'gone' || (end && end < cutoff)) ended.add(activity);
      }
      const seriesOver = series.filter((row) => ended.has(row.activity));
      return [...new Set([...dated, ...stale, ...seriesOver].map((row) => row.id))];
    },

    /** Deletes the expired enrolments (a dry run only counts them). */
    async purge({ now = new Date(), dryRun = false }: { now?: Date; dryRun?: boolean } = {}): Promise<number> {
      const ids = await this.expired(now);
      if (dryRun || !ids.length) return ids.length;
      const { count } = await rows().deleteMany({ where: { id: { $in: ids } } });
      return count;
    },
  };
};
