/**
 * Activities happen at a wall-clock time in the town ("every Tuesday at
 * 19:00"), not at a fixed UTC instant: a weekly 19:00 meeting is 18:00 UTC in
 * summer and 19:00 UTC in winter. RRULEs are therefore expanded on "floating"
 * dates (the Amsterdam wall clock written into a Date's UTC fields) and turned
 * back into real instants afterwards.
 */
export const TIME_ZONE = 'Europe/Amsterdam';

const wallClockFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The Amsterdam wall clock at `instant`, as a Date whose UTC fields hold it. */
export function toFloating(instant: Date): Date {
  const part: Record<string, number> = {};
  for (const { type, value } of wallClockFormat.formatToParts(instant)) part[type] = Number(value);
  return new Date(Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second, instant.getUTCMilliseconds()));
}

const offsetAt = (ms: number) => toFloating(new Date(ms)).getTime() - ms;

/** The instant at which Amsterdam's clocks show `floating`; the second pass settles dates near a DST change. */
export function fromFloating(floating: Date): Date {
  const wall = floating.getTime();
  const guess = wall - offsetAt(wall);
  return new Date(wall - offsetAt(guess));
}

/** Midnight in Amsterdam at the start of the day that holds `instant`. */
export function startOfLocalDay(instant: Date): Date {
  const floating = toFloating(instant);
  return fromFloating(new Date(Date.UTC(floating.getUTCFullYear(), floating.getUTCMonth(), floating.getUTCDate())));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYYMMDDTHHMMSS` of a floating date (iCalendar's local DATE-TIME form). */
export function compactFloating(floating: Date): string {
  return (
    `${pad(floating.getUTCFullYear(), 4)}${pad(floating.getUTCMonth() + 1)}${pad(floating.getUTCDate())}` +
    `T${pad(floating.getUTCHours())}${pad(floating.getUTCMinutes())}${pad(floating.getUTCSeconds())}`
  );
}

/** `YYYYMMDDTHHMMSSZ` of an instant (iCalendar's UTC DATE-TIME form). */
export const compactUtc = (instant: Date) => `${compactFloating(instant)}Z`;

/** `HH:MM` on Amsterdam's clock. */
export const localTimeOfDay = (instant: Date) => {
  const floating = toFloating(instant);
  return `${pad(floating.getUTCHours())}:${pad(floating.getUTCMinutes())}`;
};

/** `YYYY-MM-DD` on Amsterdam's calendar. */
export const localDate = (instant: Date) => toFloating(instant).toISOString().slice(0, 10);

const spokenFormats = {
  nl: new Intl.DateTimeFormat('nl-NL', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
};

/** "dinsdag 15 december 2026 om 19:00" as people read it in mails, on Amsterdam's clock (full ICU, as Node ships). */
export const spokenDateTime = (instant: Date, language: 'nl' | 'en') => spokenFormats[language].format(instant);
