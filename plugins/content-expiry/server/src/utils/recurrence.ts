import { rrulestr } from 'rrule';

/** The last occurrence of an RRULE starting at `start`; null for an open-ended rule (it never expires). */
export function lastOccurrence(rule: string, start: Date | string | number): Date | null {
  const dtstart = new Date(start);
  if (Number.isNaN(dtstart.getTime())) return null;
  let parsed;
  try {
    parsed = rrulestr(rule.replace(/^RRULE:/i, ''), { dtstart });
  } catch {
    return null; // an unreadable rule is a data problem for staff, not a reason to archive
  }
  const { until, count } = parsed.options;
  if (until) return parsed.before(until, true);
  if (count) return parsed.all().at(-1) ?? null;
  return null;
}
