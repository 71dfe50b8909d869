import type { CacheStore, CachedResponse } from './store';

interface Entry {
  response: CachedResponse;
  expiresAt: number;
  bytes: number;
}

export interface MemoryStoreOptions {
  ttlSeconds: number;
  maxEntries: number;
  /** What all kept answers may take together; one answer larger than this is not kept. */
  maxBytes: number;
  /** How often, at most, a write also drops every expired entry. */
  sweepIntervalMs?: number;
  /** For tests: a clock to move forward. */
  now?: () => number;
}

/** Roughly what an entry holds on to: its body, key and headers. */
const sizeOf = (key: string, response: CachedResponse) =>
  response.body.length + key.length * 2 + response.etag.length * 2 + JSON.stringify(response.headers).length * 2 + 64;

/**
 * One instance's cache: a Map kept in least-recently-used order (a read moves
 * the entry to the end, the oldest goes first when full), each entry with a
 * TTL. Bounded by count and by bytes, so large answers cannot grow the
 * process without limit; expired entries are swept during writes, so the
 * store needs no timer.
 */
export function createMemoryStore({ ttlSeconds, maxEntries, maxBytes, sweepIntervalMs = 60_000, now = Date.now }: MemoryStoreOptions): CacheStore & { bytes(): number; size(): number } {
  const entries = new Map<string, Entry>();
  let generation = 0;
  let bytes = 0;
  let nextSweepAt = now() + sweepIntervalMs;
  const keyOf = (gen: number, key: string) => `${gen}:${key}`;

  const drop = (full: string) => {
    const entry = entries.get(full);
    if (!entry) return;
    entries.delete(full);
    bytes -= entry.bytes;
  };
  const clear = () => {
    entries.clear();
    bytes = 0;
  };
  function sweep(t: number) {
    if (t < nextSweepAt) return;
    for (const [full, entry] of entries) if (entry.expiresAt <= t) drop(full);
    nextSweepAt = t + sweepIntervalMs;
  }

  return {
    generation: () => generation,

    async get(gen, key) {
      const full = keyOf(gen, key);
      const entry = entries.get(full);
      if (!entry) return undefined;
      entries.delete(full);
      if (entry.expiresAt <= now()) {
        bytes -= entry.bytes;
        return undefined;
      }
      entries.set(full, entry);
      return entry.response;
    },

    async set(gen, key, response) {
      if (gen !== generation) return; // computed before a change: already stale
      const t = now();
      sweep(t);
      const full = keyOf(gen, key);
      drop(full);
      const size = sizeOf(full, response);
      if (size > maxBytes) return;
      entries.set(full, { response, expiresAt: t + ttlSeconds * 1000, bytes: size });
      bytes += size;
      while (entries.size > maxEntries || bytes > maxBytes) drop(entries.keys().next().value as string);
    },

    async bump() {
      generation += 1;
      // Entries of older generations can never be read again: free them now.
      clear();
    },

    async close() {
      clear();
    },

    bytes: () => bytes,
    size: () => entries.size,
  };
}
