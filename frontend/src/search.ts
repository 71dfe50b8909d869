import { ApiError, list, request, type Named } from './api';
import { lang } from './i18n';

export type HitType = 'activity' | 'organisation' | 'initiative';
export const HIT_TYPES: HitType[] = ['activity', 'organisation', 'initiative'];

/** One result of GET /api/search (see the "finding things" contract). */
export interface Hit {
  type: HitType;
  documentId: string;
  slug: string;
  title: string;
  /** Escaped text with <mark> around the matches. */
  snippet?: string;
  lat?: number | null;
  lng?: number | null;
  startsAt?: string | null;
  endsAt?: string | null;
  stage?: string | null;
  categories?: Named[];
  neighbourhood?: Named | null;
}

export interface SearchQuery {
  q: string;
  category: string;
  neighbourhood: string;
  type: HitType | '';
  page: number;
}

export interface SearchResult {
  hits: Hit[];
  page: number;
  pageCount: number;
  total: number;
}

export const PAGE_SIZE = 20;

interface SearchResponse {
  data: Hit[];
  meta: { pagination: { page: number; pageCount: number; total: number } };
}

export async function search(query: SearchQuery): Promise<SearchResult> {
  try {
    const { data, meta } = await request<SearchResponse>('/api/search', {
      query: {
        q: query.q,
        types: query.type || HIT_TYPES.join(','),
        category: query.category,
        neighbourhood: query.neighbourhood,
        locale: lang,
        page: query.page,
        pageSize: PAGE_SIZE,
      },
    });
    return { hits: data, ...meta.pagination };
  } catch (error) {
    // A CMS without the search endpoint: a plain title match on the core API still finds things.
    if (error instanceof ApiError && error.status === 404) return searchCoreApi(query);
    throw error;
  }
}

const CORE: Record<HitType, { collection: string; title: string; category: string; neighbourhood: string }> = {
  activity: { collection: 'activities', title: 'title', category: 'categories', neighbourhood: 'neighbourhood' },
  organisation: { collection: 'organisations', title: 'name', category: 'categories', neighbourhood: 'neighbourhoods' },
  initiative: { collection: 'initiatives', title: 'title', category: 'theme', neighbourhood: 'neighbourhood' },
};

async function searchCoreApi(query: SearchQuery): Promise<SearchResult> {
  const types = query.type ? [query.type] : HIT_TYPES;
  const pageSize = Math.ceil(PAGE_SIZE / types.length);
  const pages = await Promise.all(
    types.map(async (type) => {
      const { collection, title, category, neighbourhood } = CORE[type];
      const filters = {
        ...(query.q ? { [title]: { $containsi: query.q } } : {}),
        ...(query.category ? { [category]: { slug: { $eq: query.category } } } : {}),
        ...(query.neighbourhood ? { [neighbourhood]: { slug: { $eq: query.neighbourhood } } } : {}),
      };
      const page = await list<Record<string, any>>(collection, { filters, sort: `${title}:asc`, pagination: { page: query.page, pageSize } });
      const hits = page.data.map(
        (item): Hit => ({ type, documentId: item.documentId, slug: item.slug, title: item[title], lat: item.latitude, lng: item.longitude })
      );
      return { hits, pagination: page.meta.pagination! };
    })
  );
  return {
    hits: pages.flatMap((p) => p.hits),
    page: query.page,
    pageCount: Math.max(1, ...pages.map((p) => p.pagination.pageCount)),
    total: pages.reduce((sum, p) => sum + p.pagination.total, 0),
  };
}
