import { ERROR_CODES, genericCode, type ErrorCode } from '../../src/lib/error-codes';
import { lang, t } from './i18n';
import { session } from './session';

/** The CMS: VITE_API_URL at build time, else the server the site came from (the CMS serves it without FRONTEND_URL). */
export const API_URL = (import.meta.env.VITE_API_URL || '').replace(/\/+$/, '');

/** Uploaded files are served by the CMS: a relative /uploads/… URL is on the API's origin. */
export const mediaUrl = (url: string) => (/^https?:\/\//.test(url) ? url : `${API_URL}${url}`);

/** A stored picture, as the API gives it (logo, activity image). */
export interface Picture {
  url: string;
  alternativeText?: string | null;
  width?: number | null;
  height?: number | null;
  formats?: Record<string, { url: string; width: number; height: number }> | null;
}

export interface FieldError {
  path: string[];
  message: string;
}

type Details = { errors?: FieldError[]; code?: string } & Record<string, unknown>;

const isErrorCode = (code: unknown): code is ErrorCode => (ERROR_CODES as readonly unknown[]).includes(code);

/** The reader's words for an error answer: by its stable code, else by its status; never the API's English message. */
export function errorText(status: number, details: Details = {}, name?: string): string {
  return t(`error.${isErrorCode(details.code) ? details.code : genericCode(status, name)}`);
}

/**
 * An error answer of the API, in Strapi's shape `{ error: { status, name, message, details } }`.
 * `message` is the text for the reader (errorText); the API's own is `apiMessage`.
 */
export class ApiError extends Error {
  readonly code: ErrorCode;
  constructor(
    readonly status: number,
    readonly apiMessage: string,
    readonly details: Details = {},
    name?: string
  ) {
    super(errorText(status, details, name));
    this.code = isErrorCode(details.code) ? details.code : genericCode(status, name);
  }
}

export type QueryValue = string | number | boolean | null | undefined | QueryValue[] | { [key: string]: QueryValue };

/** Strapi's bracket grammar, like `qs`: { filters: { slug: { $eq: 'x' } } } → filters[slug][$eq]=x. */
export function encodeQuery(value: QueryValue, prefix = '', out = new URLSearchParams()): URLSearchParams {
  if (value === null || value === undefined || value === '') return out;
  if (Array.isArray(value)) value.forEach((item, index) => encodeQuery(item, `${prefix}[${index}]`, out));
  else if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) encodeQuery(item, prefix ? `${prefix}[${key}]` : key, out);
  } else out.append(prefix, String(value));
  return out;
}

/** The API refused a session that could not be renewed: the person has to log in again. */
export class SessionEnded extends ApiError {
  constructor() {
    super(401, 'Session ended', { code: 'auth.required' });
    this.message = t('sessionEnded');
  }
}

/** Fired on window when a session ends; the page frame then says so and offers the login. */
export const SESSION_ENDED = 'buurtplein:session-ended';

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  query?: { [key: string]: QueryValue };
  body?: unknown;
  /** Send the session's JWT; when it has expired, renew it once with the refresh cookie. */
  auth?: boolean;
  /**
   * The answer may start or end a session: the browser must keep the refresh
   * cookie it sets. Only for the API's own origin, FRONTEND_URL or CORS_ORIGINS,
   * which are the origins the API lets use credentials.
   */
  cookie?: boolean;
}

function send(path: string, { method = 'GET', query, body, auth = false, cookie = false }: RequestOptions): Promise<Response> {
  const search = query ? encodeQuery(query).toString() : '';
  const headers: Record<string, string> = { Accept: 'application/json' };
  // A FormData body (a picture) sets its own multipart Content-Type with the boundary.
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  const jwt = session.jwt();
  if (auth && jwt) headers.Authorization = `Bearer ${jwt}`;
  return fetch(`${API_URL}${path}${search ? `?${search}` : ''}`, {
    method,
    headers,
    body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
    credentials: cookie ? 'include' : 'same-origin',
  }).catch(() => {
    // The browser's own words ("Failed to fetch") are English and say nothing to a reader.
    throw new Error(t('networkError'));
  });
}

async function read<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  const json = await response.json().catch(() => null);
  if (!response.ok) {
    const error = json?.error ?? {};
    throw new ApiError(response.status, error.message || response.statusText, error.details ?? {}, error.name);
  }
  return json as T;
}

let refreshing: Promise<boolean> | null = null;

/**
 * Renews the access token with the refresh cookie. Requests that fail at the
 * same moment share one renewal: the refresh token rotates, so a second
 * renewal with the same cookie would be refused and end the session.
 */
function renewSession(): Promise<boolean> {
  refreshing ??= send('/api/auth/refresh', { method: 'POST', body: {}, cookie: true })
    .then((response) => read<{ jwt: string }>(response))
    .then(({ jwt }) => {
      session.renew(jwt);
      return true;
    })
    .catch(() => false)
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}

function endSession(): never {
  session.clear();
  window.dispatchEvent(new Event(SESSION_ENDED));
  throw new SessionEnded();
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const jwt = options.auth ? session.jwt() : null;
  let response = await send(path, options);
  if (response.status === 401 && jwt) {
    // Another request (or tab) may have renewed the token meanwhile; else renew it now.
    const renewed = session.jwt() !== jwt || (await renewSession());
    if (renewed) response = await send(path, options);
    if (!renewed || response.status === 401) endSession();
  }
  return read<T>(response);
}

/** Ends the session here and on the server, so its refresh cookie cannot be used again. */
export async function logout() {
  await request('/api/auth/logout', { method: 'POST', body: {}, auth: true, cookie: true }).catch(() => undefined);
  session.clear();
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

/**
 * Published items of a core collection, in the reader's language. `auth`
 * sends the session where the answer depends on who asks (the knowledge base:
 * members see more); without one the request is the same as anyone's.
 */
export const list = <T>(collection: string, query: { [key: string]: QueryValue } = {}, { auth = false } = {}) =>
  request<Page<T>>(`/api/${collection}`, { query: { locale: lang, ...query }, auth });

/** The one published item with this slug, or null. */
export async function bySlug<T>(collection: string, slug: string, query: { [key: string]: QueryValue } = {}, options: { auth?: boolean } = {}): Promise<T | null> {
  const page = await list<T>(collection, { ...query, filters: { slug: { $eq: slug } }, pagination: { pageSize: 1 } }, options);
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

/**
 * Tells the CMS someone viewed this page (POST /api/stats/beacon): the site
 * reads items by slug from a list, which the CMS does not count as a view.
 * Fire and forget: counting must never hold up or break the page.
 */
export function countView(type: 'activity' | 'organisation' | 'initiative', documentId: string): void {
  void fetch(`${API_URL}/api/stats/beacon`, {
    method: 'POST',
    keepalive: true,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ type, documentId }),
  }).catch(() => undefined);
}
