import type { Core } from '@strapi/strapi';
import { settings } from '../lib/settings';
import { createMemoryStore } from './memory-store';
import { createRedisStore } from './redis-store';
import { ANY_CONTENT, EVERYTHING } from './scopes';
import type { CacheStore } from './store';

// One store per process, shared by the response cache and the memos below.
let store: CacheStore | undefined;

/** Reachable as strapi.get('buurtplein.cache') from code that does not share this module (tests, scripts). */
export interface PublicCache {
  store(): CacheStore | undefined;
  /** A new store from the current config (buurtplein.cache); entries of the old one are dropped. */
  restart(): Promise<CacheStore>;
}

/** Memory by default; Redis when REDIS_URL is set, so instances share entries and invalidate each other. */
function openStore(strapi: Core.Strapi): CacheStore {
  const { redisUrl, ttlSeconds, maxEntries, maxBytes } = settings(strapi).cache;
  store = redisUrl
    ? createRedisStore({ url: redisUrl, ttlSeconds, maxBytes, log: strapi.log })
    : createMemoryStore({ ttlSeconds, maxEntries, maxBytes });
  return store;
}

export function startCache(strapi: Core.Strapi) {
  openStore(strapi);
  const cache: PublicCache = {
    store: () => store,
    restart: async () => {
      await stopCache();
      return openStore(strapi);
    },
  };
  strapi.add('buurtplein.cache', cache);
}

export async function stopCache() {
  await store?.close();
  store = undefined;
}

export const cacheStore = (): CacheStore | undefined => store;

/**
 * Starts new generations of `scopes` (src/cache/scopes.ts; by default of
 * everything) once the change is visible to other connections: bumping
 * before the commit would let a request read the old rows and keep them
 * under the new generation.
 */
export async function bumpAfterCommit(strapi: Core.Strapi, scopes: readonly string[] = [EVERYTHING]): Promise<void> {
  if (!strapi.db.inTransaction()) return store?.bump(scopes);
  // Nested in the running transaction: registers the callback, commits nothing itself.
  await strapi.db.transaction(async ({ onCommit }) => {
    onCommit(() => void store?.bump(scopes));
  });
}

/**
 * `load()` at most once per generation of `scopes` and TTL: for data every
 * public request needs (the public role's permissions, the default locale)
 * that changes only when content or settings do. Without a usable stamp it
 * loads every time.
 */
export function memoPerGeneration<T>(load: () => Promise<T>, ttlMs: number, scopes: readonly string[] = [EVERYTHING, ANY_CONTENT]): () => Promise<T> {
  let memo: { stamp: string; expiresAt: number; value: Promise<T> } | undefined;
  return () => {
    const stamp = store?.stamp(scopes)?.text;
    if (stamp === undefined) return load();
    if (memo && memo.stamp === stamp && memo.expiresAt > Date.now()) return memo.value;
    const value = load();
    const current = { stamp, expiresAt: Date.now() + ttlMs, value };
    memo = current;
    value.catch(() => {
      if (memo === current) memo = undefined;
    });
    return value;
  };
}
