import { nextOccurrence } from '../../src/discovery/recurrence';
import { TARGET_GROUPS, type TargetGroup } from '../../src/lib/target-groups';
import { intlLocale, t, type Key } from './i18n';
import { TOWN_TIME_ZONE as TIME_ZONE, townWeek } from './town-days';

export const formatDate = (iso: string) =>
  new Intl.DateTimeFormat(intlLocale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }).format(new Date(iso));

export const formatTime = (iso: string) => new Intl.DateTimeFormat(intlLocale, { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }).format(new Date(iso));

/** A heading or sentence starts with a capital; Dutch day and month names inside it stay lowercase. */
export const capitaliseFirst = (text: string) => text.charAt(0).toLocaleUpperCase(intlLocale) + text.slice(1);

export const formatDateTime = (iso: string) => `${formatDate(iso)}, ${formatTime(iso)}`;

/** "Tuesday 3 March, 14:00–16:00" (or across days when the end is another day). */
export function formatRange(start: string, end?: string | null): string {
  if (!end) return formatDateTime(start);
  const sameDay = formatDate(start) === formatDate(end);
  return sameDay ? `${formatDateTime(start)}–${formatTime(end)}` : `${formatDateTime(start)} – ${formatDateTime(end)}`;
}

export function formatCost(cost: number | string | null | undefined): string {
  const amount = Number(cost ?? 0);
  if (!amount) return t('activityFree');
  return new Intl.NumberFormat(intlLocale, { style: 'currency', currency: 'EUR' }).format(amount);
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
/** 1 January 2024 was a Monday: day names come from Intl, lowercase in Dutch. */
const dayName = (code: string) =>
  new Intl.DateTimeFormat(intlLocale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(code))));
export const ORDINALS: Record<string, Key> = { '1': 'ordinal1', '2': 'ordinal2', '3': 'ordinal3', '4': 'ordinal4', '-1': 'ordinalLast' };

/** "elke week op donderdag", "elke 2 weken op woensdag", "elke maand op de eerste zaterdag"; null for what these words cannot say. */
export function describeRule(raw: string): string | null {
  const parts = new Map(raw.replace(/^RRULE:/i, '').toUpperCase().split(';').map((part) => part.split('=') as [string, string]));
  const interval = Number(parts.get('INTERVAL') ?? 1);
  const days = parts.get('BYDAY')?.split(',') ?? [];
  if ([...parts.keys()].some((key) => !['FREQ', 'INTERVAL', 'BYDAY', 'WKST'].includes(key))) return null;
  if (parts.get('FREQ') === 'WEEKLY' && days.every((day) => WEEKDAYS.includes(day))) {
    const every = interval === 1 ? t('ruleEveryWeek') : t('ruleEveryWeeks', { count: interval });
    const names = new Intl.ListFormat(intlLocale, { type: 'conjunction' }).format(days.map(dayName));
    return days.length ? t('ruleOnDays', { every, days: names }) : every;
  }
  const nth = /^([+-]?\d)([A-Z]{2})$/.exec(days[0] ?? '');
  if (parts.get('FREQ') === 'MONTHLY' && interval === 1 && days.length === 1 && nth && ORDINALS[nth[1].replace('+', '')] && WEEKDAYS.includes(nth[2])) {
    return t('ruleMonthlyOn', { nth: t(ORDINALS[nth[1].replace('+', '')]), day: dayName(nth[2]) });
  }
  return null;
}

/** How often a series repeats, in words; a rule the words cannot express is said plainly, never shown as RRULE. */
export const formatRecurrence = (rule: string) => t('recurring', { rule: describeRule(rule) ?? t('ruleIrregular') });

/** "Volgende keer: donderdag 10 december 2026, 19:30", or that the series has ended. */
export function formatNextOccurrence(start: string, rule: string, now = new Date()): string {
  const next = nextOccurrence(new Date(start), rule, now);
  return next ? t('nextOccurrence', { date: formatDateTime(next.toISOString()) }) : t('seriesEnded');
}

/** When an activity is: a one-off its own times, a series its next date (the stored start may be long past) and its rule in words. */
export function formatWhen(startsAt: string, endsAt: string | null | undefined, recurrence: string | null | undefined): string {
  if (!recurrence) return formatRange(startsAt, endsAt);
  return `${formatNextOccurrence(startsAt, recurrence)}. ${formatRecurrence(recurrence)}`;
}

/** A week of the agenda, on the town's clock. */
export const week = (offset = 0) => townWeek(offset);

/** A target group in the reader's words; a value from elsewhere (an import) as it is. */
export const targetGroupName = (value: string): string =>
  (TARGET_GROUPS as readonly string[]).includes(value) ? t(`targetGroup.${value as TargetGroup}`) : value;
