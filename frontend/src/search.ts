import { request, type Named } from './api';
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
}
