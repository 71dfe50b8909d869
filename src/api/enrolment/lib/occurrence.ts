import { occurrencesOf, type PublicActivity } from '../../../discovery/public-items';
import { lastOccurrenceStart, nextOccurrence, parseRecurrence } from '../../../discovery/recurrence';

/** What an enrolment needs to know of its activity: its dates. */
export type Dated = Pick<PublicActivity, 'startsAt' | 'endsAt' | 'recurrence'>;

/** The key of enrolments for the whole activity (a one-off, or every date of a series together). */
export const SERIES = 'series';

export type OccurrenceProblem = 'occurrence_required' | 'not_an_occurrence' | 'past';
export interface ChosenOccurrence {
  /** `series`, or the date's start as an ISO instant. */
  key: string;
  start: Date | null;
  end: Date | null;
}

const durationOf = (activity: Dated) =>
  activity.startsAt && activity.endsAt && activity.endsAt >= activity.startsAt ? activity.endsAt.getTime() - activity.startsAt.getTime() : null;

/** When the activity ends as a whole: a one-off's end (or start), a series' last occurrence's; null without a date or for an open-ended rule. */
export function endOfSeries(activity: Dated): Date | null {
  if (!activity.startsAt) return null;
  if (!activity.recurrence) return activity.endsAt ?? activity.startsAt;
  const last = lastOccurrenceStart(activity.startsAt, activity.recurrence.rule);
  return last && new Date(last.getTime() + (durationOf(activity) ?? 0));
}

/** Whether anything of the activity is still to come: one can only enrol for what has not ended. */
function seriesIsOver(activity: Dated, now: Date): boolean {
  const end = endOfSeries(activity);
  return end !== null && end < now;
}

/** The dates of an activity row as read from the database (strings, an RRULE as text). */
export const datedFrom = (row: Record<string, unknown>): Dated => {
  const date = (value: unknown) => (value ? new Date(value as string) : null);
  return { startsAt: date(row.startsAt), endsAt: date(row.endsAt), recurrence: parseRecurrence(row.recurrence as string | null) };
};

/** Per date only makes sense for a recurring activity; a one-off always takes enrolments as a whole. */
export const enrolsPerDate = (activity: Dated, perOccurrence: boolean) => perOccurrence && activity.recurrence !== null;

/**
 * Which occurrence an enrolment is for. Per date, `asked` must be one of the
 * RRULE's own starts (to the second) and still to come; for the series it is
 * not needed and not read.
 */
export function chooseOccurrence(activity: Dated, perOccurrence: boolean, asked: string | undefined, now = new Date()): ChosenOccurrence | { problem: OccurrenceProblem } {
  if (!enrolsPerDate(activity, perOccurrence)) {
    if (seriesIsOver(activity, now)) return { problem: 'past' };
    return { key: SERIES, start: activity.startsAt, end: activity.endsAt };
  }
  if (!asked) return { problem: 'occurrence_required' };
  const start = new Date(asked);
  if (Number.isNaN(start.getTime())) return { problem: 'not_an_occurrence' };
  const [match] = occurrencesOf(activity, { from: start, to: start, max: 2 }).filter((o) => o.start.getTime() === start.getTime());
  if (!match) return { problem: 'not_an_occurrence' };
  if (match.start <= now) return { problem: 'past' };
  return { key: match.start.toISOString(), start: match.start, end: match.end };
}

/** The dates still to come that take enrolments (the next `max`), or the series. */
export function upcomingOccurrences(activity: Dated, perOccurrence: boolean, max: number, now = new Date()): ChosenOccurrence[] {
  if (!enrolsPerDate(activity, perOccurrence)) return seriesIsOver(activity, now) ? [] : [{ key: SERIES, start: activity.startsAt, end: activity.endsAt }];
  const yearAhead = new Date(now.getTime() + 366 * 24 * 3600_000);
  return occurrencesOf(activity, { from: now, to: yearAhead, max: max + 1 })
    .filter((o) => o.start > now)
    .slice(0, max)
    .map((o) => ({ key: o.start.toISOString(), start: o.start, end: o.end }));
}

/** When an enrolment's date is: its own start, or for the series the next date still to come (else its first). */
export function startOfEnrolment(activity: Pick<PublicActivity, 'startsAt' | 'recurrence'>, occurrence: string, now = new Date()): Date | null {
  if (occurrence !== SERIES) return new Date(occurrence);
  if (!activity.startsAt || !activity.recurrence) return activity.startsAt;
  return nextOccurrence(activity.startsAt, activity.recurrence.rule, now) ?? activity.startsAt;
}
