import { NOT_ARCHIVED } from '@buurtplein/plugin-kit';
import type { Core, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { boxAround, distanceKm, OPEN_END, OPEN_START, type FindingFilters } from './filters';
import { occurrenceStarts, parseRecurrence, type Recurrence } from './recurrence';
import { ARTICLE, visibilityFilter } from '../visibility/rules';

/**
 * One way to read what the public may see for the map, agenda, feeds and
 * embeds: published, not archived, only public fields, with the finding
 * filters applied as Document Service filters. Every caller gets plain
 * objects with the same shape, so no renderer touches Strapi documents.
 */

const DEFAULT_LOCALE = 'nl';
/** Feeds and maps list everything that matches; this only stops a runaway query. */
export const MAX_ITEMS = 2000;

export interface Ref {
  slug: string;
  name: string;
}

interface Place {
  address: string | null;
  postalCode: string | null;
  city: string | null;
  lat: number | null;
  lng: number | null;
}

export interface PublicActivity extends Place {
  documentId: string;
  locale: string;
  slug: string;
  title: string;
  description: string | null;
  startsAt: Date | null;
  endsAt: Date | null;
  recurrence: Recurrence | null;
  cost: number | null;
  costNote: string | null;
  enrolmentUrl: string | null;
  capacity: number | null;
  createdAt: Date;
  updatedAt: Date;
  organisation: (Ref & { documentId: string; website: string | null }) | null;
  categories: Ref[];
  neighbourhood: Ref | null;
}

export interface PublicOrganisation extends Place {
  documentId: string;
  locale: string;
  slug: string;
  name: string;
  description: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  createdAt: Date;
  updatedAt: Date;
  categories: Ref[];
  neighbourhoods: Ref[];
}

/** An article the public may read (src/visibility/rules.ts), for the feed of what is new. */
export interface PublicArticle {
  documentId: string;
  slug: string;
  title: string;
  summary: string | null;
  body: string | null;
  createdAt: Date;
  categories: Ref[];
}

export interface PublicInitiative {
  documentId: string;
  locale: string;
  slug: string;
  title: string;
  summary: string | null;
  description: string | null;
  stage: string;
  createdAt: Date;
  categories: Ref[];
  neighbourhood: Ref | null;
}

type Filter = Record<string, unknown>;
type Log = Core.Strapi['log'];

const PLACE_FIELDS = ['address', 'postalCode', 'city', 'latitude', 'longitude'];
const REF = { fields: ['slug', 'name'] };
/** Every type here can be archived: the public rule's Document Service filter (with status: 'published'). */
const VISIBLE = NOT_ARCHIVED;

const ACTIVITY_QUERY = {
  fields: ['title', 'slug', 'description', 'startsAt', 'endsAt', 'recurrence', 'cost', 'costNote', 'enrolmentUrl', 'capacity', 'createdAt', 'updatedAt', 'locale', ...PLACE_FIELDS],
  populate: {
    organisation: { fields: ['slug', 'name', 'website'], filters: VISIBLE },
    categories: REF,
    neighbourhood: REF,
  },
};

const ORGANISATION_QUERY = {
  // Never reminderEmail, members, approvalStatus or preferredLanguage: they are not even read.
  fields: ['name', 'slug', 'description', 'phone', 'email', 'website', 'createdAt', 'updatedAt', 'locale', ...PLACE_FIELDS],
  populate: { categories: REF, neighbourhoods: REF },
};

const INITIATIVE_QUERY = {
  fields: ['title', 'slug', 'summary', 'description', 'stage', 'createdAt', 'locale'],
  populate: { theme: REF, neighbourhood: REF },
};

const date = (value: unknown) => (value === null || value === undefined || value === '' ? null : new Date(value as string));
const num = (value: unknown) => (value === null || value === undefined || value === '' ? null : Number(value));
const ref = (value: any): Ref | null => (value ? { slug: value.slug, name: value.name } : null);
const refs = (values: any[] | undefined): Ref[] => (values ?? []).map((v) => ({ slug: v.slug, name: v.name }));
const place = (doc: any): Place => ({
  address: doc.address ?? null,
  postalCode: doc.postalCode ?? null,
  city: doc.city ?? null,
  lat: num(doc.latitude),
  lng: num(doc.longitude),
});

const isLocalized = (strapi: Core.Strapi, uid: UID.ContentType, field: string) =>
  Boolean((strapi.getModel(uid).attributes as Record<string, any>)[field]?.pluginOptions?.i18n?.localized);

const filled = (value: unknown) => value !== null && value !== undefined && value !== '';

/**
 * Published documents, found and filtered in the default locale, with their
 * translated texts laid over them. Relations are stored per locale and a
 * translation often lacks them (its neighbourhood has no English version,
 * say), so filters and relations come from the Dutch version; everything
 * starts out in Dutch here. Untranslated texts stay Dutch: an English
 * neighbourhood site still lists everything.
 */
async function findPublished(strapi: Core.Strapi, uid: UID.ContentType, locale: string, params: { fields: string[] } & Record<string, unknown>): Promise<any[]> {
  const documents = strapi.documents(uid);
  const docs = (await documents.findMany({ ...params, locale: DEFAULT_LOCALE, status: 'published', limit: MAX_ITEMS } as any)) as any[];
  const texts = params.fields.filter((field) => isLocalized(strapi, uid, field));
  if (locale === DEFAULT_LOCALE || !docs.length || !texts.length) return docs;
  const translations = (await documents.findMany({
    locale,
    status: 'published',
    filters: { documentId: { $in: docs.map((doc) => doc.documentId) } },
    fields: texts,
    limit: MAX_ITEMS,
  } as any)) as any[];
  const byDocument = new Map(translations.map((t) => [t.documentId, t]));
  return docs.map((doc) => {
    const translation = byDocument.get(doc.documentId);
    if (!translation) return doc;
    return { ...doc, ...Object.fromEntries(texts.filter((field) => filled(translation[field])).map((field) => [field, translation[field]])), locale };
  });
}

/** Category names in the reader's language (categories are translated; slugs are shared). */
async function categoryNames(strapi: Core.Strapi, locale: string): Promise<Map<string, string>> {
  const categories = await findPublished(strapi, 'api::category.category', locale, { fields: ['slug', 'name'] });
  return new Map(categories.map((c) => [c.slug, c.name]));
}

const translate = (names: Map<string, string>) => (r: Ref) => ({ slug: r.slug, name: names.get(r.slug) ?? r.name });

async function exists(strapi: Core.Strapi, uid: UID.ContentType, where: Filter) {
  return Boolean(await strapi.db.query(uid).findOne({ where: { ...where, publishedAt: { $notNull: true } }, select: ['id'] }));
}

/**
 * An unknown slug answers 400 rather than an empty list: a neighbourhood site
 * with a typo in its embed code should see the mistake, not "nothing on".
 */
export async function assertKnownReferences(strapi: Core.Strapi, filters: FindingFilters) {
  const checks: [string, UID.ContentType, Filter, string | undefined][] = [
    ['category', 'api::category.category', { slug: filters.category }, filters.category],
    ['neighbourhood', 'api::neighbourhood.neighbourhood', { slug: filters.neighbourhood }, filters.neighbourhood],
    ['organisation', 'api::organisation.organisation', { ...organisationMatch(filters.organisation), ...VISIBLE }, filters.organisation],
  ];
  for (const [param, uid, where, value] of checks) {
    if (value !== undefined && !(await exists(strapi, uid, where))) {
      throw new errors.ValidationError(`${param}: unknown ${param} "${value}"`, { param });
    }
  }
}

const organisationMatch = (value: string | undefined) => ({ $or: [{ slug: value }, { documentId: value }] });

function geoFilters(filters: FindingFilters): Filter[] {
  const box = filters.bbox ?? (filters.near && boxAround(filters.near));
  if (!box) return [];
  return [{ latitude: { $between: [box.minLat, box.maxLat] } }, { longitude: { $between: [box.minLng, box.maxLng] } }];
}

/** The bounding box pre-filters in SQL; this keeps what is truly within the radius. */
const withinRadius = (filters: FindingFilters) => (item: Place) =>
  !filters.near || (item.lat !== null && item.lng !== null && distanceKm(filters.near, { lat: item.lat, lng: item.lng }) <= filters.near.radiusKm);

const HAS_RECURRENCE = { $and: [{ recurrence: { $notNull: true } }, { recurrence: { $ne: '' } }] };

/** One-off activities that overlap [from, to]; recurring ones that started by `to` (their occurrences are checked in JS). */
function periodFilters({ from, to }: FindingFilters): Filter[] {
  const and: Filter[] = [];
  if (to) and.push({ startsAt: { $lte: to.toISOString() } });
  if (from) {
    const iso = from.toISOString();
    and.push({ $or: [HAS_RECURRENCE, { endsAt: { $gte: iso } }, { $and: [{ endsAt: { $null: true } }, { startsAt: { $gte: iso } }] }] });
  }
  return and;
}

function activityFilters(filters: FindingFilters): Filter {
  const and: Filter[] = [VISIBLE, ...geoFilters(filters), ...periodFilters(filters)];
  if (filters.category) and.push({ categories: { slug: { $eq: filters.category } } });
  if (filters.neighbourhood) and.push({ neighbourhood: { slug: { $eq: filters.neighbourhood } } });
  if (filters.organisation) and.push({ organisation: organisationMatch(filters.organisation) });
  if (filters.free === true) and.push({ $or: [{ cost: { $null: true } }, { cost: { $eq: 0 } }] });
  if (filters.free === false) and.push({ cost: { $gt: 0 } });
  return { $and: and };
}

/**
 * How long one occurrence lasts. For a recurring activity endsAt is the end
 * of its first occurrence (as DTEND in RFC 5545); one more than a day after
 * the start is read as the end of the whole series, not of each meeting.
 */
export function occurrenceDurationMs(activity: Pick<PublicActivity, 'startsAt' | 'endsAt' | 'recurrence'>): number | null {
  if (!activity.startsAt || !activity.endsAt) return null;
  const ms = activity.endsAt.getTime() - activity.startsAt.getTime();
  if (ms < 0 || (activity.recurrence && ms > 24 * 3600_000)) return null;
  return ms;
}

export interface Occurrence {
  start: Date;
  end: Date | null;
}

/** The occurrences of an activity that overlap [from, to]: each one of its RRULE, or the activity itself. */
export function occurrencesOf(activity: Pick<PublicActivity, 'startsAt' | 'endsAt' | 'recurrence'>, { from, to, max }: { from: Date; to: Date; max: number }): Occurrence[] {
  if (!activity.startsAt) return [];
  const durationMs = occurrenceDurationMs(activity);
  const endOf = (start: Date) => (durationMs === null ? null : new Date(start.getTime() + durationMs));
  if (activity.recurrence) {
    return occurrenceStarts(activity.startsAt, activity.recurrence, { from, to, durationMs: durationMs ?? 0, max }).map((start) => ({ start, end: endOf(start) }));
  }
  const end = activity.endsAt ?? activity.startsAt;
  return activity.startsAt <= to && end >= from ? [{ start: activity.startsAt, end: activity.endsAt }] : [];
}

/** A row of activities (with its organisation, categories and neighbourhood where read) as the public sees it. */
export function toActivity(doc: any, log: Log): PublicActivity {
  const recurrence = parseRecurrence(doc.recurrence);
  if (doc.recurrence && !recurrence) {
    // Feeds must keep working: the activity is listed once, without its repeats, until staff fix the rule.
    log.warn(`[finding] activity ${doc.documentId} has an unreadable recurrence "${doc.recurrence}"; it is shown without repeats`);
  }
  return {
    documentId: doc.documentId,
    locale: doc.locale,
    slug: doc.slug,
    title: doc.title,
    description: doc.description ?? null,
    ...place(doc),
    startsAt: date(doc.startsAt),
    endsAt: date(doc.endsAt),
    recurrence,
    cost: num(doc.cost),
    costNote: doc.costNote ?? null,
    enrolmentUrl: doc.enrolmentUrl ?? null,
    capacity: num(doc.capacity),
    createdAt: date(doc.createdAt)!,
    updatedAt: date(doc.updatedAt)!,
    organisation: doc.organisation
      ? { documentId: doc.organisation.documentId, slug: doc.organisation.slug, name: doc.organisation.name, website: doc.organisation.website ?? null }
      : null,
    categories: refs(doc.categories),
    neighbourhood: ref(doc.neighbourhood),
  };
}

const startOrder = (a: PublicActivity, b: PublicActivity) =>
  (a.startsAt?.getTime() ?? Infinity) - (b.startsAt?.getTime() ?? Infinity) || a.title.localeCompare(b.title);

/** Activities taking enrolments with a place left (src/api/enrolment), for hasPlaces=true. */
export const activitiesWithPlaces = (strapi: Core.Strapi): Promise<string[]> =>
  (strapi.service('api::enrolment.enrolment') as unknown as { activitiesWithPlaces(): Promise<string[]> }).activitiesWithPlaces();

/** Public activities matching the filters, soonest first; with from/to only those with an occurrence in that period. */
export async function findPublicActivities(strapi: Core.Strapi, filters: FindingFilters, extra: Filter = {}): Promise<PublicActivity[]> {
  await assertKnownReferences(strapi, filters);
  const withPlaces = filters.hasPlaces ? [{ documentId: { $in: await activitiesWithPlaces(strapi) } }] : [];
  const [docs, names] = await Promise.all([
    findPublished(strapi, 'api::activity.activity', filters.locale, { ...ACTIVITY_QUERY, filters: { $and: [activityFilters(filters), extra, ...withPlaces] } }),
    categoryNames(strapi, filters.locale),
  ]);
  // The SQL keeps every recurring activity that started by `to`; its occurrences decide.
  const inPeriod = (a: PublicActivity) =>
    !(filters.from || filters.to) || occurrencesOf(a, { from: filters.from ?? OPEN_START, to: filters.to ?? OPEN_END, max: 1 }).length > 0;
  return docs
    .map((doc) => toActivity(doc, strapi.log))
    .map((a) => ({ ...a, categories: a.categories.map(translate(names)) }))
    .filter(withinRadius(filters))
    .filter(inPeriod)
    .sort(startOrder);
}

function organisationFilters(filters: FindingFilters): Filter {
  const and: Filter[] = [VISIBLE, ...geoFilters(filters)];
  if (filters.category) and.push({ categories: { slug: { $eq: filters.category } } });
  if (filters.neighbourhood) and.push({ neighbourhoods: { slug: { $eq: filters.neighbourhood } } });
  if (filters.organisation) and.push(organisationMatch(filters.organisation));
  return { $and: and };
}

/** Public organisations matching the filters (dates and free= do not apply to them), by name. */
export async function findPublicOrganisations(strapi: Core.Strapi, filters: FindingFilters, extra: Filter = {}): Promise<PublicOrganisation[]> {
  await assertKnownReferences(strapi, filters);
  const [docs, names] = await Promise.all([
    findPublished(strapi, 'api::organisation.organisation', filters.locale, { ...ORGANISATION_QUERY, filters: { $and: [organisationFilters(filters), extra] } }),
    categoryNames(strapi, filters.locale),
  ]);
  return docs
    .map(
      (doc): PublicOrganisation => ({
        documentId: doc.documentId,
        locale: doc.locale,
        slug: doc.slug,
        name: doc.name,
        description: doc.description ?? null,
        ...place(doc),
        phone: doc.phone ?? null,
        email: doc.email ?? null,
        website: doc.website ?? null,
        createdAt: date(doc.createdAt)!,
        updatedAt: date(doc.updatedAt)!,
        categories: refs(doc.categories).map(translate(names)),
        neighbourhoods: refs(doc.neighbourhoods),
      })
    )
    .filter(withinRadius(filters))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The newest public initiatives (for the RSS feed), filtered by theme category and neighbourhood. */
export async function findNewestInitiatives(strapi: Core.Strapi, filters: FindingFilters, limit: number): Promise<PublicInitiative[]> {
  await assertKnownReferences(strapi, filters);
  const and: Filter[] = [VISIBLE];
  if (filters.category) and.push({ theme: { slug: { $eq: filters.category } } });
  if (filters.neighbourhood) and.push({ neighbourhood: { slug: { $eq: filters.neighbourhood } } });
  const [docs, names] = await Promise.all([
    findPublished(strapi, 'api::initiative.initiative', filters.locale, { ...INITIATIVE_QUERY, filters: { $and: and }, sort: ['createdAt:desc'] }),
    categoryNames(strapi, filters.locale),
  ]);
  return docs
    .map(
      (doc): PublicInitiative => ({
        documentId: doc.documentId,
        locale: doc.locale,
        slug: doc.slug,
        title: doc.title,
        summary: doc.summary ?? null,
        description: doc.description ?? null,
        stage: doc.stage,
        createdAt: date(doc.createdAt)!,
        categories: doc.theme ? [translate(names)(ref(doc.theme)!)] : [],
        neighbourhood: ref(doc.neighbourhood),
      })
    )
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, limit);
}

/**
 * The newest articles the public may read, in the reader's language where
 * translated. Articles belong to no neighbourhood or organisation: a feed
 * asked for one has none.
 */
export async function findNewestArticles(strapi: Core.Strapi, filters: FindingFilters, limit: number): Promise<PublicArticle[]> {
  await assertKnownReferences(strapi, filters);
  if (filters.neighbourhood || filters.organisation) return [];
  const and: Filter[] = [visibilityFilter(ARTICLE, { kind: 'anonymous' })!];
  if (filters.category) and.push({ categories: { slug: { $eq: filters.category } } });
  const [docs, names] = await Promise.all([
    findPublished(strapi, ARTICLE, filters.locale, {
      fields: ['title', 'slug', 'summary', 'body', 'createdAt', 'locale'],
      populate: { categories: REF },
      filters: { $and: and },
      sort: ['createdAt:desc'],
    }),
    categoryNames(strapi, filters.locale),
  ]);
  return docs
    .map(
      (doc): PublicArticle => ({
        documentId: doc.documentId,
        slug: doc.slug,
        title: doc.title,
        summary: doc.summary ?? null,
        body: doc.body ?? null,
        createdAt: date(doc.createdAt)!,
        categories: (doc.categories ?? []).map((c: Ref) => translate(names)(ref(c)!)),
      })
    )
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, limit);
}

/** A published neighbourhood by slug (its name heads an embed). */
export async function findNeighbourhood(strapi: Core.Strapi, slug: string): Promise<Ref | null> {
  return ref(await strapi.db.query('api::neighbourhood.neighbourhood').findOne({ where: { slug, publishedAt: { $notNull: true } }, select: ['slug', 'name'] }));
}
