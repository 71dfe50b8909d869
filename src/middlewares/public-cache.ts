import type { Core } from '@strapi/strapi';
import { cacheStore } from '../cache';
import { cacheKey, isCacheablePath, isForThisCallerOnly, matchesIfNoneMatch, snapshot } from '../cache/http';
import type { CachedResponse } from '../cache/store';
import { readScopes } from '../cache/scopes';
import { settings } from '../lib/settings';

const isRead = (method: string) => method === 'GET' || method === 'HEAD';
const isApi = (path: string) => /^\/(api|embed)(\/|$)/.test(path);

/** Writes the (fresh or kept) response, or 304 when the client already has these bytes. */
function send(ctx: any, response: CachedResponse) {
  ctx.status = response.status;
  for (const [name, value] of Object.entries(response.headers)) ctx.set(name, value);
  ctx.set('ETag', response.etag);
  if (matchesIfNoneMatch(ctx.get('If-None-Match'), response.etag)) {
    ctx.status = 304;
    ctx.body = null;
    return;
  }
  ctx.body = response.body;
}

/**
 * Public reads of the REST API: ETag and 304 on every 200, Cache-Control, and
 * for the busy public endpoints (src/cache/http.ts) a server-side cache of the
 * bytes, invalidated by the content changes each answer depends on
 * (src/cache/scopes.ts, src/cache/invalidation.ts).
 * Requests with an Authorization header (staff tokens see drafts, users see
 * their own data) are never served from the cache nor stored in it. The
 * content API authenticates by that header only, so cookies cannot change an
 * answer and do not bypass the cache.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<void>) => {
    if (!isRead(ctx.method) || !isApi(ctx.path)) return next();
    if (ctx.get('Authorization')) {
      await next();
      ctx.set('Cache-Control', 'private, no-store');
      return;
    }

    const options = settings(strapi).cache;
    const cacheable = isCacheablePath(ctx.path);
    // Shared caches must not hand a signed-in caller the public answer, nor the other way round.
    ctx.vary('Authorization');
    const publicCacheControl = `public, max-age=${options.maxAgeSeconds}, stale-while-revalidate=${options.staleWhileRevalidateSeconds}`;

    const store = options.enabled && cacheable ? cacheStore() : undefined;
    // Read once: a change during this request must not let its (older) answer in under the new generations.
    const stamp = store?.stamp(readScopes(strapi, ctx.path, ctx.querystring)) ?? null;
    // HEAD is GET without the body (Koa drops it), so both share an entry.
    const key = `GET ${cacheKey(ctx.originalUrl)}`;
    if (store && stamp) {
      const kept = await store.get(stamp, key);
      if (kept) {
        ctx.set('Cache-Control', publicCacheControl);
        ctx.set('X-Cache', 'HIT');
        return send(ctx, kept);
      }
    }

    await next();
    const fresh = snapshot(ctx);
    if (!fresh) return;
    if (isForThisCallerOnly(ctx)) {
      ctx.set('Cache-Control', 'private, no-store');
      return send(ctx, fresh);
    }
    if (cacheable) {
      ctx.set('Cache-Control', publicCacheControl);
    } else if (!ctx.response.get('Cache-Control')) {
      ctx.set('Cache-Control', 'no-cache'); // may be kept, but asked again (a 304 is cheap)
    }
    if (store) {
      ctx.set('X-Cache', 'MISS');
      if (stamp) void store.set(stamp, key, fresh);
    }
    send(ctx, fresh);
  };
