import { addDays, daysBetween, MAX_RANGE_DAYS, parseDay, quarterOf, townDay, type Day } from '../../stats/days';
import type { IntervalChoice, PeriodChoice } from './statistics-texts';

const LAST_DAYS: Partial<Record<PeriodChoice, number>> = { last7: 7, last30: 30, last90: 90, last365: 365 };

/** The days a chosen period spans, counted on the town's calendar as the figures are. */
export function periodRange(choice: Exclude<PeriodChoice, 'custom'>, today: Day = townDay()): { from: Day; to: Day } {
  const days = LAST_DAYS[choice];
  if (days) return { from: addDays(today, 1 - days), to: today };
  const quarter = quarterOf(today);
  if (choice === 'thisQuarter') return { from: quarter.from, to: today };
  const last = quarterOf(addDays(quarter.from, -1));
  return { from: last.from, to: last.to };
}

/** The interval that gives a readable chart for a range: days up to a month, weeks up to half a year, else months. */
export function fittingInterval(from: Day, to: Day): IntervalChoice {
  const days = daysBetween(from, to);
  return days <= 31 ? 'day' : days <= 183 ? 'week' : 'month';
}

/** What is wrong with dates typed in, in the words' keys, or null when the figures can be asked for. */
export function rangeProblem(from: string, to: string): 'incomplete' | 'order' | 'tooLong' | null {
  if (!parseDay(from) || !parseDay(to)) return 'incomplete';
  if (from > to) return 'order';
  return daysBetween(from, to) > MAX_RANGE_DAYS ? 'tooLong' : null;
}
