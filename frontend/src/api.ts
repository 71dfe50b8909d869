import { lang } from './i18n';
import { session } from './session';

/** The CMS; VITE_API_URL at build time (`npm run frontend:build`), else a local `npm run develop`. */
export const API_URL = (import.meta.env.VITE_API_URL || 'http://localhost:1337').replace(/\/+$/, '');

export interface FieldError {
  path: string[];
  message: string;
}

/** An error answer of the API, in Strapi's shape `{ error: { status, name, message, details } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: { errors?: FieldError[] } & Record<string, unknown> = {}
  ) {
    super(message);
  }
}

type QueryValue = string | number | boolean | null | undefined | QueryValue[] | { [key: string]: QueryValue };

/** Strapi's bracket grammar, like `qs`: { filters: { slug: { $eq: 'x' } } } → filters[slug][$eq]=x. */
export function encodeQuery(value: QueryValue, prefix = '', out = new URLSearchParams()): URLSearchParams {
  if (value === null || value === undefined || value === '') return out;
  if (Array.isArray(value)) value.forEach((item, index) => encodeQuery(item, `${prefix}[${index}]`, out));
  else if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) encodeQuery(item, prefix ? `${prefix}[${key}]` : key, out);
  } else out.append(prefix, String(value));
  return out;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: { [key: string]: QueryValue };
  body?: unknown;
  /** Send the session's JWT. */
  auth?: boolean;
}

export async function request<T>(path: string, { method = 'GET', query, body, auth = false }: RequestOptions = {}): Promise<T> {
  const search = query ? encodeQuery(query).toString() : '';
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const jwt = session.jwt();
  if (auth && jwt) headers.Authorization = `Bearer ${jwt}`;
  const response = await fetch(`${API_URL}${path}${search ? `?${search}` : ''}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    const error = json?.error ?? {};
    if (response.status === 401 && auth) session.clear();
    throw new ApiError(response.status, error.message || response.statusText, error.details ?? {});
  }
  return json as T;
}

export interface Named {
  documentId?: string;
  slug: string;
  name: string;
}

export interface Page<T> {
  data: T[];
  meta: { pagination?: { page: number; pageSize: number; pageCount: number; total: number } };
}

/** Published items of a core collection, in the reader's language. */
export const list = <T>(collection: string, query: { [key: string]: QueryValue } = {}) =>
  request<Page<T>>(`/api/${collection}`, { query: { locale: lang, ...query } });

/** The one published item with this slug, or null. */
export async function bySlug<T>(collection: string, slug: string, query: { [key: string]: QueryValue } = {}): Promise<T | null> {
  const page = await list<T>(collection, { ...query, filters: { slug: { $eq: slug } }, pagination: { pageSize: 1 } });
  return page.data[0] ?? null;
}

const cache = new Map<string, Promise<Named[]>>();
/** Categories or neighbourhoods for filters and forms, sorted by name. */
export function vocabulary(collection: 'categories' | 'neighbourhoods'): Promise<Named[]> {
  if (!cache.has(collection)) {
    cache.set(
      collection,
      list<Named>(collection, { fields: ['name', 'slug'], sort: 'name:asc', pagination: { pageSize: 100 } }).then((page) => page.data)
    );
  }
  return cache.get(collection)!;
}
