import { errors } from '@strapi/utils';
import { parseFindingFilters, type FindingFilters } from '../filters';
import { fold, isStopWord, words } from './words';

export const SEARCH_TYPES = ['activity', 'organisation', 'initiative', 'article', 'question'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];
/** What a search without `types` looks through: the social map. The knowledge base is asked for by name (types=article,question). */
export const DEFAULT_SEARCH_TYPES: SearchType[] = ['activity', 'organisation', 'initiative'];

export const MAX_QUERY_LENGTH = 200;
/** More words than this narrow nothing further and only make the query slower. */
export const MAX_QUERY_WORDS = 8;

const PARAMS = ['q', 'types', 'category', 'neighbourhood', 'near', 'radius', 'from', 'to', 'free', 'hasPlaces', 'locale', 'page', 'pageSize'];

export interface SearchRequest extends Omit<FindingFilters, 'bbox' | 'organisation'> {
  /** The query words, lower case, stop words left out; empty when listing by filters only. */
  words: string[];
  /** True when q was given: a q of stop words only then finds nothing rather than everything. */
  hasQuery: boolean;
  types: SearchType[];
  /** The index audiences the caller may see ('public', 'members', 'group:<documentId>'); null: everything (staff). */
  audiences: string[] | null;
}

const invalid = (param: string, message: string): never => {
  throw new errors.ValidationError(`${param}: ${message}`, { param });
};

function parseTypes(value: unknown): SearchType[] {
  if (value === undefined || value === '') return [...DEFAULT_SEARCH_TYPES];
  if (typeof value !== 'string') return invalid('types', 'give it once, as a comma-separated list');
  const types = [...new Set(value.split(',').map((t) => t.trim()).filter(Boolean))];
  const unknown = types.filter((t) => !(SEARCH_TYPES as readonly string[]).includes(t));
  if (unknown.length || !types.length) invalid('types', `use one or more of ${SEARCH_TYPES.join(', ')}`);
  return types as SearchType[];
}

function parseWords(value: unknown): { words: string[]; hasQuery: boolean } {
  if (value === undefined) return { words: [], hasQuery: false };
  if (typeof value !== 'string') return invalid('q', 'give it once, as plain text');
  if (value.length > MAX_QUERY_LENGTH) invalid('q', `is longer than ${MAX_QUERY_LENGTH} characters`);
  const found = words(value)
    .map((w) => w.text.toLowerCase())
    .filter((w) => !isStopWord(fold(w)));
  return { words: [...new Set(found)].slice(0, MAX_QUERY_WORDS), hasQuery: value.trim() !== '' };
}

/** GET /api/search's query string, checked at the edge: anything odd is a 400 that says what to change. */
export function parseSearchQuery(query: Record<string, unknown>): SearchRequest {
  const { bbox: _bbox, organisation: _organisation, ...filters } = parseFindingFilters(query, { params: PARAMS });
  const request: SearchRequest = { ...filters, ...parseWords(query.q), types: parseTypes(query.types), audiences: ['public'] };
  const narrowed = query.types !== undefined || ['category', 'neighbourhood', 'near', 'from', 'to', 'free', 'hasPlaces'].some((k) => request[k as keyof SearchRequest] !== undefined);
  if (!request.hasQuery && !narrowed) invalid('q', 'type what to search for, or give a filter such as category, neighbourhood, near or from');
  return request;
}
