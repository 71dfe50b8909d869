import type { CacheStore, CachedResponse } from './store';

interface Entry {
  response: CachedResponse;
  expiresAt: number;
}

export interface MemoryStoreOptions {
  ttlSeconds: number;
  maxEntries: number;
  /** For tests: a clock to move forward. */
  now?: () => number;
}

/**
 * One instance's cache: a Map kept in least-recently-used order (a read moves
 * the entry to the end, the oldest goes first when full), each entry with a TTL.
 */
export function createMemoryStore({ ttlSeconds, maxEntries, now = Date.now }: MemoryStoreOptions): CacheStore {
  const entries = new Map<string, Entry>();
  let generation = 0;
  const keyOf = (gen: number, key: string) => `${gen}:${key}`;

  return {
    generation: () => generation,

    async get(gen, key) {
      const full = keyOf(gen, key);
      const entry = entries.get(full);
      if (!entry) return undefined;
      entries.delete(full);
      if (entry.expiresAt <= now()) return undefined;
      entries.set(full, entry);
      return entry.response;
    },

    async set(gen, key, response) {
      if (gen !== generation) return; // computed before a change: already stale
      const full = keyOf(gen, key);
      entries.delete(full);
      entries.set(full, { response, expiresAt: now() + ttlSeconds * 1000 });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    },

    async bump() {
      generation += 1;
      // Entries of older generations can never be read again: free them now.
      entries.clear();
    },

    async close() {
      entries.clear();
    },
  };
}
