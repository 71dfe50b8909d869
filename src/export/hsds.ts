import { createHash } from 'node:crypto';
import type { PublicItem } from './public-data';

/**
 * Open Referral HSDS 3.0: organizations with their phones, locations and
 * services; one service per activity, with its schedule and cost. HSDS ids
 * are UUIDs: derived from the documentId, so they stay the same between
 * exports and consumers can follow an item over time.
 */

const TIMEZONE = 'Europe/Amsterdam';
const HSDS_FREQUENCIES = new Set(['WEEKLY', 'MONTHLY']);

export function hsdsId(kind: string, documentId: string): string {
  const hex = createHash('sha1').update(`buurtplein:${kind}:${documentId}`).digest('hex');
  // Shaped as a name-based (version 5) UUID.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function amsterdam(value: unknown) {
  if (!value) return null;
  const date = new Date(value as string);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: TIMEZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZoneName: 'shortOffset' })
      .formatToParts(date)
      .map((p) => [p.type, p.value])
  );
  const offset = Number((parts.timeZoneName as string).replace('GMT', '') || 0);
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}`, offset };
}

const withOffset = (time: string, offset: number) => `${time}+${String(offset).padStart(2, '0')}:00`;

function ruleParts(rule: string): Record<string, string> {
  return Object.fromEntries(
    rule
      .replace(/^RRULE:/i, '')
      .split(';')
      .map((part) => part.split('=') as [string, string])
      .filter(([key, value]) => key && value)
  );
}

/** startsAt/endsAt/recurrence → one HSDS schedule (RRULE fields, or the dates of a one-off). */
export function scheduleOf(activity: PublicItem, serviceId: string) {
  const start = amsterdam(activity.startsAt);
  if (!start) return null;
  const end = amsterdam(activity.endsAt);
  const base = {
    id: hsdsId('schedule', activity.documentId),
    service_id: serviceId,
    timezone: start.offset,
    dtstart: start.date,
    opens_at: withOffset(start.time, start.offset),
    closes_at: end ? withOffset(end.time, end.offset) : null,
  };
  if (!activity.recurrence) {
    return { ...base, valid_from: start.date, valid_to: (end ?? start).date };
  }
  const rule = ruleParts(activity.recurrence);
  const until = rule.UNTIL ? `${rule.UNTIL.slice(0, 4)}-${rule.UNTIL.slice(4, 6)}-${rule.UNTIL.slice(6, 8)}` : null;
  return {
    ...base,
    valid_from: start.date,
    valid_to: until,
    // HSDS knows weekly and monthly rules; others are kept whole in the description.
    freq: HSDS_FREQUENCIES.has(rule.FREQ) ? rule.FREQ : null,
    interval: rule.INTERVAL ? Number(rule.INTERVAL) : 1,
    byday: rule.BYDAY ?? null,
    bymonthday: rule.BYMONTHDAY ?? null,
    until,
    count: rule.COUNT ? Number(rule.COUNT) : null,
    description: activity.recurrence,
  };
}

function locationOf(kind: string, item: PublicItem, organizationId: string, name: string) {
  const hasPlace = item.address || (item.latitude != null && item.longitude != null);
  if (!hasPlace) return null;
  const id = hsdsId(kind, item.documentId);
  return {
    id,
    location_type: 'physical',
    organization_id: organizationId,
    name,
    latitude: item.latitude ?? null,
    longitude: item.longitude ?? null,
    addresses: item.address
      ? [{ id: hsdsId(`${kind}-address`, item.documentId), location_id: id, address_1: item.address, city: item.city ?? '', state_province: '', postal_code: item.postalCode ?? '', country: 'NL', address_type: 'physical' }]
      : [],
  };
}

function serviceOf(activity: PublicItem, organizationId: string) {
  const id = hsdsId('service', activity.documentId);
  const location = locationOf('activity-location', activity, organizationId, activity.title);
  const schedule = scheduleOf(activity, id);
  const hasCost = activity.cost !== null && activity.cost !== undefined;
  return {
    id,
    organization_id: organizationId,
    name: activity.title,
    description: activity.description ?? '',
    url: activity.enrolmentUrl ?? null,
    status: 'active',
    fees_description: activity.costNote ?? null,
    cost_options: hasCost
      ? [{ id: hsdsId('cost', activity.documentId), service_id: id, currency: 'EUR', amount: Number(activity.cost), amount_description: activity.costNote ?? null }]
      : [],
    schedules: schedule ? [schedule] : [],
    service_at_locations: location ? [{ id: hsdsId('service-at-location', activity.documentId), service_id: id, location_id: location.id, location }] : [],
  };
}

function organizationOf(org: PublicItem, activities: PublicItem[]) {
  const id = hsdsId('organization', org.documentId);
  const location = locationOf('organization-location', org, id, org.name);
  return {
    id,
    name: org.name,
    description: org.description ?? '',
    email: org.email ?? null,
    website: org.website ?? null,
    phones: org.phone ? [{ id: hsdsId('phone', org.documentId), organization_id: id, number: org.phone, type: 'voice' }] : [],
    locations: location ? [location] : [],
    services: activities.map((a) => serviceOf(a, id)),
  };
}

/**
 * The whole public social map as one HSDS page of organizations. An activity
 * whose organisation is not public has no organization_id to hang on, so it
 * is left out (HSDS requires one).
 */
export function toHsds(organisations: PublicItem[], activities: PublicItem[]) {
  const byOrganisation = new Map<string, PublicItem[]>();
  for (const activity of activities) {
    const owner = activity.organisation?.documentId;
    if (owner) byOrganisation.set(owner, [...(byOrganisation.get(owner) ?? []), activity]);
  }
  const contents = organisations.map((org) => organizationOf(org, byOrganisation.get(org.documentId) ?? []));
  return { total_items: contents.length, total_pages: 1, page_number: 1, size: contents.length, first_page: true, last_page: true, empty: contents.length === 0, contents };
}
