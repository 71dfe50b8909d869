import { RRule, type Options } from 'rrule';
import { compactUtc, fromFloating, toFloating } from './local-time';

/**
 * An activity's RRULE (RFC 5545 RECUR), checked part by part. The library's
 * own parser accepts nonsense such as COUNT=abc, and the rule is copied
 * verbatim into calendar feeds, so only what this grammar knows gets through.
 */
export interface Recurrence {
  /** The rule as feeds publish it: no `RRULE:` prefix, UNTIL in UTC (RFC 5545 requires that with a TZID start). */
  rule: string;
  options: Partial<Options>;
  /** UNTIL on Amsterdam's wall clock, for expanding on floating dates. */
  untilFloating?: Date;
}

const DAY = '(?:MO|TU|WE|TH|FR|SA|SU)';
/** COUNT allows up to 9999 occurrences; an UNTIL rule is cut off at as many. */
const MAX_EXPANSION = 10_000;
const list = (item: string) => new RegExp(`^${item}(?:,${item})*$`);
const PARTS: Record<string, RegExp> = {
  FREQ: /^(?:DAILY|WEEKLY|MONTHLY|YEARLY)$/,
  UNTIL: /^\d{8}(?:T\d{6}Z?)?$/,
  COUNT: /^[1-9]\d{0,3}$/,
  INTERVAL: /^[1-9]\d{0,2}$/,
  BYDAY: list(`[+-]?(?:[1-9]|[1-4]\\d|5[0-3])?${DAY}`),
  BYMONTHDAY: list('[+-]?(?:[1-9]|[12]\\d|3[01])'),
  BYMONTH: list('(?:[1-9]|1[0-2])'),
  BYSETPOS: list('[+-]?(?:[1-9]\\d{0,2})'),
  BYWEEKNO: list('[+-]?(?:[1-9]|[1-4]\\d|5[0-3])'),
  BYYEARDAY: list('[+-]?(?:[1-9]\\d{0,2})'),
  BYHOUR: list('(?:1?\\d|2[0-3])'),
  BYMINUTE: list('[1-5]?\\d'),
  WKST: new RegExp(`^${DAY}$`),
};

function untilOf(value: string): Date {
  const [y, mo, d, h, mi, s] = [0, 4, 6, 9, 11, 13].map((at, i) => Number(value.slice(at, at + (i ? 2 : 4))));
  // A date-only UNTIL includes that whole day; a local one is already wall-clock time.
  if (value.length === 8) return new Date(Date.UTC(y, mo - 1, d, 23, 59, 59));
  const wall = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return value.endsWith('Z') ? toFloating(wall) : wall;
}

/** The parsed rule, or null when it is not a recurrence rule this platform understands. */
export function parseRecurrence(raw: string | null | undefined): Recurrence | null {
  const text = (raw ?? '').trim().replace(/^RRULE:/i, '').toUpperCase();
  if (!text) return null;
  const parts = new Map<string, string>();
  for (const part of text.split(';')) {
    const [key, value, ...rest] = part.split('=');
    if (rest.length || !PARTS[key] || parts.has(key) || !PARTS[key].test(value ?? '')) return null;
    parts.set(key, value);
  }
  if (!parts.has('FREQ') || (parts.has('COUNT') && parts.has('UNTIL'))) return null;

  let untilFloating: Date | undefined;
  const until = parts.get('UNTIL');
  if (until) {
    untilFloating = untilOf(until);
    if (Number.isNaN(untilFloating.getTime())) return null;
    parts.set('UNTIL', compactUtc(fromFloating(untilFloating)));
  }
  const rule = [...parts].map(([key, value]) => `${key}=${value}`).join(';');
  try {
    const { until: _until, ...options } = RRule.parseString(rule);
    // Building the rule once catches what the grammar allows but rrule cannot expand.
    new RRule({ ...options, dtstart: new Date(0) }).after(new Date(0));
    return { rule, options, untilFloating };
  } catch {
    return null;
  }
}

/**
 * Start instants of the occurrences that overlap [from, to], expanded on
 * Amsterdam's wall clock so 19:00 stays 19:00 across daylight saving time.
 */
export function occurrenceStarts(
  start: Date,
  recurrence: Recurrence,
  { from, to, durationMs = 0, max }: { from: Date; to: Date; durationMs?: number; max: number }
): Date[] {
  const rule = new RRule({ ...recurrence.options, dtstart: toFloating(start), until: recurrence.untilFloating ?? null });
  const floatingFrom = toFloating(new Date(from.getTime() - durationMs));
  const starts = rule.between(floatingFrom, toFloating(to), true, (_date, index) => index < max);
  return starts.map(fromFloating).filter((instant) => instant.getTime() + durationMs >= from.getTime() && instant <= to);
}

/**
 * The first start at or after `from` of a series that began at `start`, on
 * Amsterdam's wall clock. Only days the rule names count, so a Thursday rule
 * whose start was entered as a Sunday still gives a Thursday. Null for a rule
 * this platform does not understand or a series that has ended.
 */
export function nextOccurrence(start: Date, raw: string, from: Date = start): Date | null {
  const recurrence = parseRecurrence(raw);
  if (!recurrence) return null;
  const rule = new RRule({ ...recurrence.options, dtstart: toFloating(start), until: recurrence.untilFloating ?? null });
  const next = rule.after(toFloating(from > start ? from : start), true);
  return next ? fromFloating(next) : null;
}

/** When the last occurrence starts; null for an open-ended rule or one this platform does not understand. */
export function lastOccurrenceStart(start: Date, raw: string): Date | null {
  const recurrence = parseRecurrence(raw);
  if (!recurrence || (!recurrence.options.count && !recurrence.untilFloating)) return null;
  const rule = new RRule({ ...recurrence.options, dtstart: toFloating(start), until: recurrence.untilFloating ?? null });
  const last = rule.all((_date, index) => index < MAX_EXPANSION).at(-1);
  return last ? fromFloating(last) : null;
}
