import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { createRedisStore } from '../redis-store';
import { encodeResponse, type CacheStore, type CachedResponse } from '../store';

// The development machines and CI run Redis here (see /work/shared/DESIGN.md).
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const prefix = `buurtplein:test:${randomUUID()}:`;
const warnings: string[] = [];
const log = { warn: (m: string) => warnings.push(m), info: () => undefined };

const response = (text: string): CachedResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  etag: `"${text}"`,
  body: Buffer.from(JSON.stringify({ data: text })),
});

async function until(condition: () => boolean, what: string, ms = 5000) {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('Redis cache store', () => {
  const stores: CacheStore[] = [];
  const open = (url = REDIS_URL) => {
    const store = createRedisStore({ url, ttlSeconds: 60, maxBytes: 1_000_000, prefix, log });
    stores.push(store);
    return store;
  };

  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('shares entries between instances, and a bump on one invalidates the other', async () => {
    const a = open();
    const b = open();
    await until(() => a.generation() !== null && b.generation() !== null, 'both stores are connected');
    expect(a.generation()).toBe(b.generation());

    const generation = a.generation()!;
    await a.set(generation, 'GET /api/activities', response('first'));
    expect(await b.get(generation, 'GET /api/activities')).toEqual(response('first'));

    await a.bump();
    expect(a.generation()).toBeGreaterThan(generation);
    // b learns the new generation by pub/sub, without asking Redis per request.
    await until(() => b.generation() === a.generation(), 'b hears of the bump');
    expect(await b.get(b.generation()!, 'GET /api/activities')).toBeUndefined();
  });

  it('gives every entry a TTL in Redis itself, so junk keys cannot pile up', async () => {
    const store = open();
    await until(() => store.generation() !== null, 'the store is connected');
    await store.set(store.generation()!, 'GET /api/map/activities.geojson?x=1', response('x'));
    const redis = new Redis(REDIS_URL);
    try {
      const [key] = await redis.keys(`${prefix}${store.generation()}:GET /api/map*`);
      const ttl = await redis.ttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(60);
    } finally {
      redis.disconnect();
    }
  });

  it('keeps entries only for the TTL', async () => {
    const store = createRedisStore({ url: REDIS_URL, ttlSeconds: 1, maxBytes: 1_000_000, prefix, log });
    stores.push(store);
    await until(() => store.generation() !== null, 'connected');
    const generation = store.generation()!;
    await store.set(generation, 'GET /short', response('short'));
    expect(await store.get(generation, 'GET /short')).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await store.get(generation, 'GET /short')).toBeUndefined();
  });

  it('keeps no more bytes than its budget per TTL, and keeps again once older answers have expired (#14.8)', async () => {
    let t = 1_000_000_000;
    const entry = (i: number) => ({ ...response(`big${i}`), body: Buffer.alloc(10_000, 'x') });
    const size = encodeResponse(entry(0)).length;
    // A prefix of its own: the byte counters are shared by everything under one prefix.
    const own = `${prefix}budget:`;
    const store = createRedisStore({ url: REDIS_URL, ttlSeconds: 60, maxBytes: 3 * size, prefix: own, now: () => t, log });
    stores.push(store);
    await until(() => store.generation() !== null, 'connected');
    const generation = store.generation()!;
    for (let i = 0; i < 5; i++) await store.set(generation, `GET /flood?n=${i}`, entry(i));
    const kept = async (i: number) => (await store.get(generation, `GET /flood?n=${i}`)) !== undefined;
    expect(await Promise.all([0, 1, 2, 3, 4].map(kept))).toEqual([true, true, true, false, false]);
    // One window later the answers of the last one may still live: still full.
    t += 60_000;
    await store.set(generation, 'GET /flood?n=5', entry(5));
    expect(await kept(5)).toBe(false);
    // Two windows later everything written before has expired.
    t += 60_000;
    await store.set(generation, 'GET /flood?n=6', entry(6));
    expect(await kept(6)).toBe(true);
  });

  it('answers "no generation" instead of failing when Redis is unreachable, and warns once', async () => {
    warnings.length = 0;
    const store = open('redis://127.0.0.1:1');
    await until(() => warnings.length > 0, 'a warning is logged');
    expect(store.generation()).toBeNull();
    await expect(store.get(0, 'GET /a')).resolves.toBeUndefined();
    await expect(store.set(0, 'GET /a', response('a'))).resolves.toBeUndefined();
    await expect(store.bump()).resolves.toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/127\.0\.0\.1:1 is unavailable/);
  });
});
