import { fromFloating, toFloating } from '../discovery/local-time';

/** A day on the town's calendar, as YYYY-MM-DD: what the statistics count by. */
export type Day = string;

const DAY_MS = 86_400_000;

/** The longest range one question for figures may span: two years and a day (a leap year). */
export const MAX_RANGE_DAYS = 731;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The town's (Amsterdam's) date at `instant`: a view just after midnight there belongs to the new day. */
export const townDay = (instant = new Date()): Day => toFloating(instant).toISOString().slice(0, 10);

/**
 * townDay for "now", asked on every counted request: the time zone lookup
 * runs once a day, not per view (the day is kept until its last millisecond).
 */
export function dayClock(now: () => Date = () => new Date()): () => Day {
  let current: { day: Day; from: number; until: number } | undefined;
  const midnight = (day: Day) => fromFloating(new Date(`${day}T00:00:00Z`)).getTime();
  return () => {
    const instant = now();
    const ms = instant.getTime();
    if (current && ms >= current.from && ms < current.until) return current.day;
    const day = townDay(instant);
    current = { day, from: midnight(day), until: midnight(addDays(day, 1)) };
    return day;
  };
}

/** `value` as a Day when it is a real calendar date in YYYY-MM-DD, else null (2026-02-30 is not). */
export function parseDay(value: unknown): Day | null {
  if (typeof value !== 'string') return null;
  const match = DAY.exec(value);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value ? value : null;
}

const dateOf = (day: Day) => new Date(`${day}T00:00:00Z`);

export const addDays = (day: Day, days: number): Day => new Date(dateOf(day).getTime() + days * DAY_MS).toISOString().slice(0, 10);

/** Days from `from` to `to`, both included. */
export const daysBetween = (from: Day, to: Day): number => Math.round((dateOf(to).getTime() - dateOf(from).getTime()) / DAY_MS) + 1;

export function eachDay(from: Day, to: Day): Day[] {
  return Array.from({ length: Math.max(0, daysBetween(from, to)) }, (_, i) => addDays(from, i));
}

export type Interval = 'day' | 'week' | 'month';

/** The period a day falls in: the day itself, the Monday that starts its ISO week, or the first of its month. */
export function periodStart(day: Day, interval: Interval): Day {
  if (interval === 'day') return day;
  if (interval === 'month') return `${day.slice(0, 7)}-01`;
  return addDays(day, -((dateOf(day).getUTCDay() + 6) % 7));
}

/** The calendar quarter holding `day`: its name (2026-Q4) and first and last day. */
export function quarterOf(day: Day): { name: string; from: Day; to: Day } {
  const year = Number(day.slice(0, 4));
  const quarter = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const from = `${year}-${String(quarter * 3 + 1).padStart(2, '0')}-01`;
  const next = quarter === 3 ? `${year + 1}-01-01` : `${year}-${String(quarter * 3 + 4).padStart(2, '0')}-01`;
  return { name: `${year}-Q${quarter + 1}`, from, to: addDays(next, -1) };
}
