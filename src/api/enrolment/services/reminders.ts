import type { Core } from '@strapi/strapi';
import type { SendOutcome } from '@buurtplein/plugin-kit';
import { HOUR, settings } from '../../../lib/settings';
import { SERIES, startOfEnrolment } from '../lib/occurrence';
import { REMINDER_KIND, type Mails } from './mails';
import type { EnrolmentRow } from './places';

const ENROLMENT = 'api::enrolment.enrolment';

export type ReminderSummary = Record<SendOutcome, number> & { due: number };

/**
 * The reminder before an enrolment's date (ENROLMENT_REMINDER_HOURS). Runs
 * every hour on every instance: the outbox sends each (enrolment, date) once,
 * so instances running at the same moment send nothing twice. An enrolment
 * for a whole series is reminded once, before its next date.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const rows = () => strapi.db.query(ENROLMENT as any);
  const mails = () => strapi.service('api::enrolment.mails') as unknown as Mails;
  const activityOf = (documentId: string) => mails().activityOf(documentId);

  /** Confirmed enrolments whose date starts after `now` and at most `until`. */
  async function due(now: Date, until: Date): Promise<EnrolmentRow[]> {
    const dated: EnrolmentRow[] = await rows().findMany({
      where: { status: 'confirmed', occurrence: { $ne: SERIES, $gt: now.toISOString(), $lte: until.toISOString() } },
    });
    const series: EnrolmentRow[] = await rows().findMany({ where: { status: 'confirmed', occurrence: SERIES } });
    const starts = new Map<string, Date | null>();
    for (const activity of new Set(series.map((row) => row.activity))) {
      const found = await activityOf(activity);
      starts.set(activity, found ? startOfEnrolment(found, SERIES, now) : null);
    }
    const soon = series.filter((row) => {
      const start = starts.get(row.activity);
      return start && start > now && start <= until;
    });
    return [...dated, ...soon];
  }

  return {
    async run({ now = new Date() }: { now?: Date } = {}): Promise<ReminderSummary> {
      const summary: ReminderSummary = { due: 0, sent: 0, failed: 0, already: 0, unsubscribed: 0 };
      const hours = settings(strapi).enrolment.reminderHours;
      if (!hours) return summary;
      const rowsDue = await due(now, new Date(now.getTime() + hours * HOUR));
      summary.due = rowsDue.length;
      for (const row of rowsDue) summary[await mails().send(REMINDER_KIND, row, row.occurrence, { enrolment: row.id })] += 1;
      if (summary.due) strapi.log.info(`[enrolment] reminders: ${summary.due} due, ${summary.sent} sent, ${summary.already} sent before, ${summary.failed} failed`);
      return summary;
    },
  };
};
