/**
 * Calendar days on the town's clock. A visitor's browser may run in any zone;
 * the agenda's weeks and dates belong to the town, so day arithmetic never
 * touches the browser's local time.
 */
export const TOWN_TIME_ZONE = 'Europe/Amsterdam';

const DAY = 24 * 60 * 60 * 1000;
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TOWN_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The town's wall clock at an instant, read as if it were UTC. */
function wallClock(instant: Date): number {
  const get = (type: string) => Number(parts.formatToParts(instant).find((p) => p.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
}

/** YYYY-MM-DD of an instant on the town's calendar. */
export function townDay(instant: Date): string {
  return new Date(wallClock(instant)).toISOString().slice(0, 10);
}

/** The instant a town day (YYYY-MM-DD) begins: 00:00 in the town, whatever its UTC offset that day. */
export function townMidnight(day: string): Date {
  const wall = Date.parse(`${day}T00:00:00Z`);
  const firstGuess = wall - (wallClock(new Date(wall)) - wall);
  // Re-read the offset at the guess: it differs from the one at `wall` on a daylight-saving day.
  return new Date(wall - (wallClock(new Date(firstGuess)) - firstGuess));
}

export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** Monday 00:00 to Sunday 23:59:59.999 on the town's clock, `offset` weeks from the week of `now`. */
export function townWeek(offset = 0, now = new Date()): { from: Date; to: Date } {
  const today = townDay(now);
  const sinceMonday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const monday = addDays(today, offset * 7 - sinceMonday);
  return { from: townMidnight(monday), to: new Date(townMidnight(addDays(monday, 7)).getTime() - 1) };
}
