import { DOCUMENT_ID, onlyParams } from '@buurtplein/plugin-kit';
import { errors } from '@strapi/utils';

/**
 * The filters every "finding things" endpoint (search, map, agenda, feeds,
 * embeds) understands, parsed once from the query string so each endpoint
 * answers bad input with the same 400 and the same wording.
 */
export interface FindingFilters {
  category?: string;
  neighbourhood?: string;
  organisation?: string;
  near?: { lat: number; lng: number; radiusKm: number };
  bbox?: { minLng: number; minLat: number; maxLng: number; maxLat: number };
  from?: Date;
  to?: Date;
  free?: boolean;
  /** Only activities that take enrolments and have a place left (on a date to come). */
  hasPlaces?: boolean;
  locale: 'nl' | 'en';
  page: number;
  pageSize: number;
}

export const LOCALES = ['nl', 'en'] as const;
export const DEFAULT_RADIUS_KM = 2;
export const MAX_RADIUS_KM = 50;
export const MAX_PAGE_SIZE = 100;
/**
 * The ends of a period given only on one side. Not the largest Date there
 * is: recurrence expansion shifts times to local wall-clock time, which
 * would step past it into an invalid date.
 */
export const OPEN_START = new Date(0);
export const OPEN_END = new Date(Date.UTC(9999, 11, 31));

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

type Query = Record<string, unknown>;

function invalid(param: string, message: string): never {
  throw new errors.ValidationError(`${param}: ${message}`, { param });
}

/** A single string value; `?x=a&x=b` and `?x[y]=z` are refused rather than guessed at. */
function single(query: Query, param: string): string | undefined {
  const value = query[param];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') invalid(param, 'give it once, as plain text');
  return value.trim();
}

function slug(query: Query, param: string): string | undefined {
  const value = single(query, param);
  if (value !== undefined && !SLUG.test(value)) invalid(param, `"${value}" is not a slug (lower-case letters, digits and dashes)`);
  return value;
}

function numbers(query: Query, param: string, count: number, example: string): number[] | undefined {
  const value = single(query, param);
  if (value === undefined) return undefined;
  const parts = value.split(',').map((p) => p.trim());
  const parsed = parts.map(Number);
  if (parts.length !== count || parts.some((p) => p === '') || parsed.some((n) => !Number.isFinite(n))) {
    invalid(param, `expected ${count} comma-separated numbers, like ${param}=${example}`);
  }
  return parsed;
}

function checkLatLng(param: string, lat: number, lng: number) {
  if (lat < -90 || lat > 90) invalid(param, 'latitude must be between -90 and 90');
  if (lng < -180 || lng > 180) invalid(param, 'longitude must be between -180 and 180');
}

/** A date (`2026-11-23`, the start of that day in UTC) or a full ISO datetime. */
export function parseDate(query: Query, param: string): Date | undefined {
  const value = single(query, param);
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (!ISO_DATE.test(value) || Number.isNaN(date.getTime())) invalid(param, `"${value}" is not a date; use YYYY-MM-DD or an ISO 8601 datetime`);
  return date;
}

function integer(query: Query, param: string, fallback: number, max: number): number {
  const value = single(query, param);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) invalid(param, 'must be a whole number of at least 1');
  if (n > max) invalid(param, `must be at most ${max}`);
  return n;
}

/** What the finding endpoints understand; an endpoint may take fewer or more (e.g. feeds' types). */
export const FINDING_PARAMS = ['category', 'neighbourhood', 'organisation', 'near', 'radius', 'bbox', 'from', 'to', 'free', 'hasPlaces', 'locale', 'page', 'pageSize'] as const;
/**
 * For the answers that come whole (map layers, feeds): a page or pageSize
 * there would change nothing but the cache key, so it is refused like any
 * other parameter the endpoint does not take.
 */
export const UNPAGED_PARAMS = FINDING_PARAMS.filter((param) => param !== 'page' && param !== 'pageSize');


export function parseFindingFilters(
  query: Query,
  { defaultPageSize = 25, params = FINDING_PARAMS }: { defaultPageSize?: number; params?: readonly string[] } = {}
): FindingFilters {
  onlyParams(query, params);
  const locale = single(query, 'locale') ?? 'nl';
  if (!(LOCALES as readonly string[]).includes(locale)) invalid('locale', `"${locale}" is not available; use nl or en`);

  const filters: FindingFilters = {
    locale: locale as FindingFilters['locale'],
    page: integer(query, 'page', 1, 10_000),
    pageSize: integer(query, 'pageSize', defaultPageSize, MAX_PAGE_SIZE),
    category: slug(query, 'category'),
    neighbourhood: slug(query, 'neighbourhood'),
  };

  const organisation = single(query, 'organisation');
  if (organisation !== undefined) {
    if (!SLUG.test(organisation) && !DOCUMENT_ID.test(organisation)) invalid('organisation', 'give the slug or documentId of an organisation');
    filters.organisation = organisation;
  }

  const near = numbers(query, 'near', 2, '52.09,5.12');
  if (near) {
    checkLatLng('near', near[0], near[1]);
    const radius = single(query, 'radius');
    const radiusKm = radius === undefined ? DEFAULT_RADIUS_KM : Number(radius);
    if (!Number.isFinite(radiusKm) || radiusKm <= 0 || radiusKm > MAX_RADIUS_KM) invalid('radius', `must be a number of kilometres above 0 and at most ${MAX_RADIUS_KM}`);
    filters.near = { lat: near[0], lng: near[1], radiusKm };
  } else if (single(query, 'radius') !== undefined) {
    invalid('radius', 'only means something together with near=lat,lng');
  }

  const bbox = numbers(query, 'bbox', 4, '5.0,52.0,5.2,52.2');
  if (bbox) {
    const [minLng, minLat, maxLng, maxLat] = bbox;
    checkLatLng('bbox', minLat, minLng);
    checkLatLng('bbox', maxLat, maxLng);
    if (minLng > maxLng || minLat > maxLat) invalid('bbox', 'expected minLng,minLat,maxLng,maxLat with the minimum first');
    filters.bbox = { minLng, minLat, maxLng, maxLat };
  }

  filters.from = parseDate(query, 'from');
  filters.to = parseDate(query, 'to');
  if (filters.from && filters.to && filters.from > filters.to) invalid('to', 'must not be before from');

  const free = single(query, 'free');
  if (free !== undefined) {
    if (free !== 'true' && free !== 'false') invalid('free', 'use free=true or free=false');
    filters.free = free === 'true';
  }
  const hasPlaces = single(query, 'hasPlaces');
  if (hasPlaces !== undefined) {
    if (hasPlaces !== 'true') invalid('hasPlaces', 'use hasPlaces=true (or leave it out)');
    filters.hasPlaces = true;
  }
  return filters;
}

/** Great-circle distance in km; near= filters in SQL use a bounding box first and this to be exact. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** The lat/lng box around a point that holds every place within radiusKm (for an indexable pre-filter). */
export function boxAround({ lat, lng, radiusKm }: { lat: number; lng: number; radiusKm: number }) {
  const dLat = radiusKm / 111.32;
  const dLng = radiusKm / (111.32 * Math.max(Math.cos((lat * Math.PI) / 180), 0.01));
  return { minLat: lat - dLat, maxLat: lat + dLat, minLng: lng - dLng, maxLng: lng + dLng };
}
