import type { Core } from '@strapi/strapi';
import { itemUrl } from './links';
import { localDate, localTimeOfDay, TIME_ZONE } from './local-time';
import { occurrenceDurationMs, type PublicActivity, type PublicOrganisation } from './public-items';
import type { Recurrence } from './recurrence';
import { plainText } from './markup';

/** schema.org JSON-LD, so search engines and neighbourhood sites understand an activity or organisation. */

type JsonLd = Record<string, unknown>;

/** Leaves out empty values: JSON-LD readers treat a missing property better than a null one. */
const compact = (object: JsonLd): JsonLd =>
  Object.fromEntries(Object.entries(object).filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && !v.length)));

const postalAddress = (item: PublicActivity | PublicOrganisation) =>
  item.address || item.postalCode || item.city
    ? compact({ '@type': 'PostalAddress', streetAddress: item.address, postalCode: item.postalCode, addressLocality: item.city, addressCountry: 'NL' })
    : undefined;

const geo = (item: PublicActivity | PublicOrganisation) =>
  item.lat !== null && item.lng !== null ? { '@type': 'GeoCoordinates', latitude: item.lat, longitude: item.lng } : undefined;

const DAYS: Record<string, string> = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' };
const PERIOD: Record<string, string> = { DAILY: 'D', WEEKLY: 'W', MONTHLY: 'M', YEARLY: 'Y' };

/** schema.org Schedule for an RRULE; "first Saturday" becomes byDay Saturday + byMonthWeek 1. */
function schedule(a: PublicActivity, recurrence: Recurrence): JsonLd {
  const parts = new Map(recurrence.rule.split(';').map((p) => p.split('=') as [string, string]));
  const byDay = (parts.get('BYDAY') ?? '').split(',').filter(Boolean);
  const weeks = byDay.map((d) => Number(d.slice(0, -2))).filter((n) => n > 0);
  const durationMs = occurrenceDurationMs(a);
  return compact({
    '@type': 'Schedule',
    repeatFrequency: `P${parts.get('INTERVAL') ?? 1}${PERIOD[parts.get('FREQ')!]}`,
    byDay: byDay.map((d) => `https://schema.org/${DAYS[d.slice(-2)]}`),
    byMonthWeek: weeks.length ? weeks : undefined,
    byMonthDay: parts.get('BYMONTHDAY')?.split(',').map(Number),
    byMonth: parts.get('BYMONTH')?.split(',').map(Number),
    startDate: localDate(a.startsAt!),
    endDate: recurrence.untilFloating?.toISOString().slice(0, 10),
    repeatCount: parts.has('COUNT') ? Number(parts.get('COUNT')) : undefined,
    startTime: localTimeOfDay(a.startsAt!),
    endTime: durationMs !== null ? localTimeOfDay(new Date(a.startsAt!.getTime() + durationMs)) : undefined,
    scheduleTimezone: TIME_ZONE,
  });
}

export function activityJsonLd(strapi: Core.Strapi, a: PublicActivity, locale: string): JsonLd {
  const url = itemUrl(strapi, locale, 'activities', a.slug);
  const place = compact({ '@type': 'Place', name: a.address, address: postalAddress(a), geo: geo(a) });
  return compact({
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': url,
    url,
    name: a.title,
    description: plainText(a.description),
    inLanguage: a.locale,
    startDate: a.startsAt?.toISOString(),
    endDate: a.endsAt && !a.recurrence ? a.endsAt.toISOString() : undefined,
    eventSchedule: a.recurrence && a.startsAt ? schedule(a, a.recurrence) : undefined,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
    location: Object.keys(place).length > 1 ? place : undefined,
    organizer: a.organisation
      ? compact({ '@type': 'Organization', name: a.organisation.name, url: itemUrl(strapi, locale, 'organisations', a.organisation.slug), sameAs: a.organisation.website })
      : undefined,
    offers: compact({
      '@type': 'Offer',
      price: (a.cost ?? 0).toFixed(2),
      priceCurrency: 'EUR',
      description: a.costNote,
      url: a.enrolmentUrl ?? url,
    }),
    isAccessibleForFree: !a.cost,
    maximumAttendeeCapacity: a.capacity ?? undefined,
    keywords: a.categories.map((c) => c.name).join(', '),
  });
}

export function organisationJsonLd(strapi: Core.Strapi, o: PublicOrganisation, locale: string): JsonLd {
  const url = itemUrl(strapi, locale, 'organisations', o.slug);
  const coordinates = geo(o);
  return compact({
    '@context': 'https://schema.org',
    '@type': 'Organization',
    '@id': url,
    url,
    name: o.name,
    description: plainText(o.description),
    sameAs: o.website,
    email: o.email,
    telephone: o.phone,
    address: postalAddress(o),
    location: coordinates ? { '@type': 'Place', geo: coordinates } : undefined,
    areaServed: o.neighbourhoods.map((n) => ({ '@type': 'Place', name: n.name })),
    knowsAbout: o.categories.map((c) => c.name),
  });
}
