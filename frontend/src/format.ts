import { intlLocale, t } from './i18n';

const TIME_ZONE = 'Europe/Amsterdam';
const DAY = 24 * 60 * 60 * 1000;

export const formatDate = (iso: string) =>
  new Intl.DateTimeFormat(intlLocale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: TIME_ZONE }).format(new Date(iso));

export const formatTime = (iso: string) => new Intl.DateTimeFormat(intlLocale, { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE }).format(new Date(iso));

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

/** Monday 00:00 (local time) of the week `offset` weeks from now, and the Sunday that ends it. */
export function week(offset = 0): { from: Date; to: Date } {
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  const monday = new Date(today.getTime() - ((today.getDay() + 6) % 7) * DAY + offset * 7 * DAY);
  monday.setHours(0, 0, 0, 0);
  const sunday = new Date(monday.getTime() + 6 * DAY + 12 * 3600 * 1000);
  sunday.setHours(23, 59, 59, 999);
  return { from: monday, to: sunday };
}

/** YYYY-MM-DD in local time, for the API's from/to. */
export const isoDay = (date: Date) =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
