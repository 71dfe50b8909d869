import type { Core } from '@strapi/strapi';
import { settings } from '../lib/settings';
import { createMemoryStore } from './memory-store';
import { createRedisStore } from './redis-store';
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
 * Starts a new generation once the change is visible to other connections:
 * bumping before the commit would let a request read the old rows and store
 * them under the new generation.
 */
export async function bumpAfterCommit(strapi: Core.Strapi): Promise<void> {
  if (!strapi.db.inTransaction()) return store?.bump();
  // Nested in the running transaction: registers the callback, commits nothing itself.
  await strapi.db.transaction(async ({ onCommit }) => {
    onCommit(() => void store?.bump());
  });
}

/**
 * `load()` at most once per generation and TTL: for data every public request
 * needs (the public role's permissions, the default locale) that changes only
 * when content or settings do. Without a usable generation it loads every time.
 */
export function memoPerGeneration<T>(load: () => Promise<T>, ttlMs: number): () => Promise<T> {
  let memo: { generation: number; expiresAt: number; value: Promise<T> } | undefined;
  return () => {
    const generation = store?.generation() ?? null;
    if (generation === null) return load();
    if (memo && memo.generation === generation && memo.expiresAt > Date.now()) return memo.value;
    const value = load();
    const current = { generation, expiresAt: Date.now() + ttlMs, value };
    memo = current;
    value.catch(() => {
      if (memo === current) memo = undefined;
    });
    return value;
  };
}
