import type { Core } from '@strapi/strapi';
import { itemUrl, siteHost } from './links';
import { compactFloating, compactUtc, TIME_ZONE, toFloating } from './local-time';
import { occurrenceDurationMs, type PublicActivity } from './public-items';
import { fullAddress, plainText } from './markup';
import { TEXTS, type Locale } from './reader-texts';

/**
 * An iCalendar (RFC 5545) feed of activities. Recurring activities keep
 * their RRULE, so a calendar app shows every occurrence and follows changes.
 */

/** §3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values. */
export const escapeText = (text: string) =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');

/** §3.1: lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const chunks: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = chunks.length ? 74 : 75;
    if (octets + size > limit) {
      chunks.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  chunks.push(current);
  return chunks.join('\r\n ');
}

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const localDateTime = (name: string, instant: Date) => `${name};TZID=${TIME_ZONE}:${compactFloating(toFloating(instant))}`;

/** One date of an activity as its own event (an enrolment's), instead of the activity with its RRULE. */
interface OneDate {
  uid: string;
  start: Date;
}

function eventLines(strapi: Core.Strapi, a: PublicActivity, locale: Locale, host: string, date?: OneDate): string[] {
  const url = itemUrl(strapi, locale, 'activities', a.slug);
  const durationMs = occurrenceDurationMs(a);
  const start = date?.start ?? a.startsAt!;
  const description = [plainText(a.description), a.organisation && `${TEXTS[locale].organisedBy}: ${a.organisation.name}`, url].filter(Boolean).join('\n\n');
  const location = fullAddress(a);
  return [
    'BEGIN:VEVENT',
    `UID:${date?.uid ?? a.documentId}@${host}`,
    // Without METHOD, DTSTAMP is the last change (§3.8.7.2): stable, so caches and ETags hold.
    `DTSTAMP:${compactUtc(a.updatedAt)}`,
    `LAST-MODIFIED:${compactUtc(a.updatedAt)}`,
    localDateTime('DTSTART', start),
    ...(durationMs !== null ? [localDateTime('DTEND', new Date(start.getTime() + durationMs))] : []),
    ...(a.recurrence && !date ? [`RRULE:${a.recurrence.rule}`] : []),
    `SUMMARY:${escapeText(a.title)}`,
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    ...(a.lat !== null && a.lng !== null ? [`GEO:${a.lat};${a.lng}`] : []),
    ...(a.categories.length ? [`CATEGORIES:${a.categories.map((c) => escapeText(c.name)).join(',')}`] : []),
    `URL:${url}`,
    'END:VEVENT',
  ];
}

function calendar(strapi: Core.Strapi, locale: Locale, name: string, events: (host: string) => string[][], method?: string): string {
  const host = siteHost(strapi);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${host}//buurtplein activities//${locale.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    ...(method ? [`METHOD:${method}`] : []),
    `X-WR-CALNAME:${escapeText(name)}`,
    `X-WR-TIMEZONE:${TIME_ZONE}`,
    ...VTIMEZONE,
    ...events(host).flat(),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** The whole calendar; activities without a start date cannot be calendar events and are left out. */
export function activitiesToICalendar(strapi: Core.Strapi, activities: PublicActivity[], locale: Locale, name?: string): string {
  return calendar(strapi, locale, name ?? `${TEXTS[locale].activities} – ${TEXTS[locale].siteName}`, (host) =>
    activities.filter((a) => a.startsAt).map((a) => eventLines(strapi, a, locale, host))
  );
}

/**
 * The .ics of one enrolment: the date it is for (a recurring activity's own
 * occurrence, not the series), as a PUBLISH so calendar apps simply add it.
 * Without a start date there is nothing to put in a calendar.
 */
export function enrolmentCalendar(strapi: Core.Strapi, activity: PublicActivity, locale: Locale, date: OneDate | null): string | null {
  if (!activity.startsAt) return null;
  return calendar(strapi, locale, activity.title, (host) => [eventLines(strapi, activity, locale, host, date ?? undefined)], 'PUBLISH');
}
