import { createHash } from 'node:crypto';
import { CACHED_PLUGIN_ROUTES, pluginRoutePattern } from '@buurtplein/plugin-kit';
import type { CachedResponse } from './store';

/** Public reads whose answers are kept: collections, finding endpoints, feeds, embeds, support counts. */
const CACHEABLE_PATHS = [
  /^\/api\/(activities|organisations|initiatives|categories|neighbourhoods|subsidies)(\/[^/]+(\/jsonld)?)?$/,
  // Answers that depend on who asks (src/visibility) are kept for the public only: a request with Authorization skips the cache.
  /^\/api\/(groups|articles|questions|answers)(\/[^/]+)?$/,
  /^\/api\/(search|agenda)$/,
  /^\/api\/(map|feeds)\/[^/]+$/,
  /^\/embed\/[^/]+$/,
  ...Object.values(CACHED_PLUGIN_ROUTES).map(pluginRoutePattern),
];

export const isCacheablePath = (path: string) => CACHEABLE_PATHS.some((pattern) => pattern.test(path));

const FOR_THIS_CALLER = Symbol('for this caller only');

/** The answer depends on something the caller chose (e.g. the Host header): no server cache, no CDN, no shared browser cache. */
export const keepOutOfSharedCaches = (ctx: { state: Record<string | symbol, unknown> }) => {
  ctx.state[FOR_THIS_CALLER] = true;
};
export const isForThisCallerOnly = (ctx: { state: Record<string | symbol, unknown> }) => ctx.state[FOR_THIS_CALLER] === true;

/** A query parameter name qs reads as itself: no brackets, dots or encoding that could nest it. */
const PLAIN_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * The cache key of a public read: the path and query as sent, except that
 * plain parameters given once each (`?near=…&radius=…`, as every finding
 * endpoint takes them) are put in one order, so reordering them cannot make a
 * new entry. Anything else (Strapi's `filters[…]`, repeated names) keeps the
 * order it came in: qs reads those by position, so the order can matter.
 */
export function cacheKey(url: string): string {
  const start = url.indexOf('?');
  if (start < 0) return url;
  const pairs = url.slice(start + 1).split('&').map((pair) => ({ name: pair.split('=', 1)[0], pair }));
  const names = new Set(pairs.map(({ name }) => name));
  if (names.size !== pairs.length || pairs.some(({ name }) => !PLAIN_NAME.test(name))) return url;
  const sorted = pairs.sort((a, b) => (a.name < b.name ? -1 : 1)).map(({ pair }) => pair);
  return `${url.slice(0, start)}?${sorted.join('&')}`;
}

/** Headers that belong to the body and so travel with it in the cache. */
const BODY_HEADERS = ['content-type', 'content-disposition', 'content-language'];

/** A strong validator: it changes exactly when the bytes do. */
export const etagOf = (body: Buffer) => `"${createHash('sha1').update(body).digest('base64url')}"`;

/** If-None-Match against our strong ETag (weak comparison, as RFC 9110 asks for GET). */
export function matchesIfNoneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/**
 * The response as bytes, when it is a 200 with a body in memory (JSON, text,
 * a buffer); null for anything else, e.g. a streamed file.
 */
export function snapshot(ctx: any): CachedResponse | null {
  if (ctx.status !== 200) return null;
  const { body } = ctx;
  let bytes: Buffer;
  if (Buffer.isBuffer(body)) bytes = body;
  else if (typeof body === 'string') bytes = Buffer.from(body);
  else if (body && typeof body === 'object' && typeof body.pipe !== 'function') bytes = Buffer.from(JSON.stringify(body));
  else return null;
  const headers: Record<string, string> = {};
  for (const name of BODY_HEADERS) {
    const value = ctx.response.get(name);
    if (value) headers[name] = String(value);
  }
  return { status: 200, headers, etag: etagOf(bytes), body: bytes };
}
