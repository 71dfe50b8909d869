/**
 * Calendar days on the town's clock. A visitor's browser may run in any zone;
 * the agenda's weeks and dates belong to the town, so day arithmetic never
 * touches the browser's local time. The wall-clock conversion is the API's own.
 */
import { TIME_ZONE, fromFloating, toFloating } from '../../src/discovery/local-time';

export const TOWN_TIME_ZONE = TIME_ZONE;

const DAY = 24 * 60 * 60 * 1000;

/** YYYY-MM-DD of an instant on the town's calendar. */
export const townDay = (instant: Date) => toFloating(instant).toISOString().slice(0, 10);

/** The instant a town day (YYYY-MM-DD) begins: 00:00 in the town, whatever its UTC offset that day. */
export const townMidnight = (day: string) => fromFloating(new Date(`${day}T00:00:00Z`));

export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** Monday 00:00 to Sunday 23:59:59.999 on the town's clock, `offset` weeks from the week of `now`. */
export function townWeek(offset = 0, now = new Date()): { from: Date; to: Date } {
  const today = townDay(now);
  const sinceMonday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const monday = addDays(today, offset * 7 - sinceMonday);
  return { from: townMidnight(monday), to: new Date(townMidnight(addDays(monday, 7)).getTime() - 1) };
}
