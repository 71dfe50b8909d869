import { EVERYTHING } from './scopes';
import { stampText, type CacheStore, type CachedResponse, type Stamp } from './store';

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
 * store needs no timer. Each scope's generation is a number in a map, as
 * bounded as the scopes are (src/cache/scopes.ts).
 */
export function createMemoryStore({ ttlSeconds, maxEntries, maxBytes, sweepIntervalMs = 60_000, now = Date.now }: MemoryStoreOptions): Omit<CacheStore, 'stamp'> & { stamp(scopes: readonly string[]): Stamp; bytes(): number; size(): number } {
  const entries = new Map<string, Entry>();
  const generations = new Map<string, number>();
  let bytes = 0;
  let nextSweepAt = now() + sweepIntervalMs;
  const keyOf = (stamp: Stamp, key: string) => `${stamp.text}:${key}`;

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
    stamp: (scopes) => ({ scopes, text: stampText(generations, scopes) }),

    async get(stamp, key) {
      const full = keyOf(stamp, key);
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

    async set(stamp, key, response) {
      if (stampText(generations, stamp.scopes) !== stamp.text) return; // computed before a change: already stale
      const t = now();
      sweep(t);
      const full = keyOf(stamp, key);
      drop(full);
      const size = sizeOf(full, response);
      if (size > maxBytes) return;
      entries.set(full, { response, expiresAt: t + ttlSeconds * 1000, bytes: size });
      bytes += size;
      while (entries.size > maxEntries || bytes > maxBytes) drop(entries.keys().next().value as string);
    },

    async bump(scopes) {
      if (scopes.includes(EVERYTHING)) {
        // Every stamp holds EVERYTHING's generation, so no entry can be read again: free them now, and the other scopes can start over.
        const next = (generations.get(EVERYTHING) ?? 0) + 1;
        generations.clear();
        generations.set(EVERYTHING, next);
        clear();
        return;
      }
      // Entries under the old generations are unreachable now; the LRU order and the TTL free them.
      for (const scope of scopes) generations.set(scope, (generations.get(scope) ?? 0) + 1);
    },

    async close() {
      clear();
    },

    bytes: () => bytes,
    size: () => entries.size,
  };
}
