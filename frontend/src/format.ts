import { intlLocale, t } from './i18n';
import { TOWN_TIME_ZONE, townWeek } from './town-days';

const TIME_ZONE = TOWN_TIME_ZONE;

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

/** A readable version of the common RRULEs; anything else is shown as written. */
export function formatRecurrence(rule: string): string {
  if (/FREQ=WEEKLY/.test(rule) && !/INTERVAL=[2-9]/.test(rule)) return t('recurring', { rule: t('weekly') });
  if (/FREQ=MONTHLY/.test(rule)) return t('recurring', { rule: t('monthly') });
  return t('recurring', { rule: rule.replace(/^RRULE:/, '') });
}

/** A week of the agenda, on the town's clock. */
export const week = (offset = 0) => townWeek(offset);
