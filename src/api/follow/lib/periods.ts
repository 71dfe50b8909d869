import { fromFloating, toFloating } from '../../../discovery/local-time';

export type DigestFrequency = 'daily' | 'weekly';

/** One digest's window on the town's calendar: `2026-12-03` (a day) or `2026-W49` (an ISO week), and the instants it spans. */
export interface DigestPeriod {
  frequency: DigestFrequency;
  name: string;
  from: Date;
  to: Date;
}

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');
const dayName = (floating: Date) => floating.toISOString().slice(0, 10);

/** Monday of ISO week 1 of `year` (the week holding 4 January), as a floating date. */
function isoWeekOne(year: number): Date {
  const fourth = new Date(Date.UTC(year, 0, 4));
  return new Date(fourth.getTime() - ((fourth.getUTCDay() + 6) % 7) * DAY_MS);
}

function isoWeekName(monday: Date): string {
  // The ISO year is the year of the week's Thursday.
  const year = new Date(monday.getTime() + 3 * DAY_MS).getUTCFullYear();
  return `${year}-W${pad(Math.round((monday.getTime() - isoWeekOne(year).getTime()) / (7 * DAY_MS)) + 1)}`;
}

const windowOf = (frequency: DigestFrequency, start: Date, name: string): DigestPeriod => ({
  frequency,
  name,
  from: fromFloating(start),
  to: fromFloating(new Date(start.getTime() + (frequency === 'daily' ? 1 : 7) * DAY_MS)),
});

/** The last whole day or week before `now` on Amsterdam's clock: what a digest sent now bundles. */
export function previousPeriod(frequency: DigestFrequency, now = new Date()): DigestPeriod {
  const today = toFloating(now);
  const midnight = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  if (frequency === 'daily') {
    const yesterday = new Date(midnight.getTime() - DAY_MS);
    return windowOf('daily', yesterday, dayName(yesterday));
  }
  const lastMonday = new Date(midnight.getTime() - (((midnight.getUTCDay() + 6) % 7) + 7) * DAY_MS);
  return windowOf('weekly', lastMonday, isoWeekName(lastMonday));
}

/** A period by its name, or null when the name is not a day (YYYY-MM-DD) or ISO week (YYYY-Www) of that frequency. */
export function periodNamed(frequency: DigestFrequency, name: string): DigestPeriod | null {
  if (frequency === 'daily') {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(name);
    if (!match) return null;
    const start = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return dayName(start) === name ? windowOf('daily', start, name) : null;
  }
  const match = /^(\d{4})-W(\d{2})$/.exec(name);
  if (!match) return null;
  const monday = new Date(isoWeekOne(Number(match[1])).getTime() + (Number(match[2]) - 1) * 7 * DAY_MS);
  return Number(match[2]) >= 1 && isoWeekName(monday) === name ? windowOf('weekly', monday, name) : null;
}
