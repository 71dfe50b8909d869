import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { FindingFilters } from './filters';
import { itemUrl } from './links';
import { startOfLocalDay } from './local-time';
import { occurrencesOf, type Occurrence, type PublicActivity } from './public-items';
import { fullAddress } from './markup';

export const DEFAULT_AGENDA_DAYS = 7;
export const MAX_AGENDA_DAYS = 92;
/** A daily activity over the longest range has 93 occurrences; more means a rule like FREQ=DAILY;BYHOUR=… */
export const MAX_OCCURRENCES_PER_ACTIVITY = 200;

const DAY_MS = 24 * 3600_000;

/** The agenda's range: from today (Amsterdam) for a week unless asked otherwise, at most MAX_AGENDA_DAYS. */
export function agendaPeriod(filters: Pick<FindingFilters, 'from' | 'to'>, now = new Date()): { from: Date; to: Date } {
  const from = filters.from ?? startOfLocalDay(now);
  const to = filters.to ?? new Date(from.getTime() + DEFAULT_AGENDA_DAYS * DAY_MS);
  if (to < from) throw new errors.ValidationError('to: must not be before from', { param: 'to' });
  if (to.getTime() - from.getTime() > MAX_AGENDA_DAYS * DAY_MS) {
    throw new errors.ValidationError(`to: the agenda covers at most ${MAX_AGENDA_DAYS} days; ask for several ranges`, { param: 'to', maxDays: MAX_AGENDA_DAYS });
  }
  return { from, to };
}

export interface DatedOccurrence extends Occurrence {
  activity: PublicActivity;
}

/** Every occurrence of the activities in the period, soonest first. */
export function occurrencesInPeriod(activities: PublicActivity[], period: { from: Date; to: Date }): DatedOccurrence[] {
  return activities
    .flatMap((activity) => occurrencesOf(activity, { ...period, max: MAX_OCCURRENCES_PER_ACTIVITY }).map((o) => ({ ...o, activity })))
    .sort((x, y) => x.start.getTime() - y.start.getTime() || x.activity.title.localeCompare(y.activity.title));
}

/** The agenda's JSON: one entry per occurrence. */
export function agendaEntries(strapi: Core.Strapi, occurrences: DatedOccurrence[], locale: string) {
  return occurrences.map(({ start, end, activity: a }) => ({
    start: start.toISOString(),
    end: end?.toISOString() ?? null,
    activity: {
      documentId: a.documentId,
      slug: a.slug,
      title: a.title,
      address: fullAddress(a),
      lat: a.lat,
      lng: a.lng,
      recurrence: a.recurrence?.rule ?? null,
      organisation: a.organisation && { slug: a.organisation.slug, name: a.organisation.name },
      categories: a.categories,
      neighbourhood: a.neighbourhood,
      url: itemUrl(strapi, locale, 'activities', a.slug),
    },
  }));
}
