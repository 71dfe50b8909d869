import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { createRedisStore } from '../redis-store';
import type { CacheStore, CachedResponse } from '../store';

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
    const store = createRedisStore({ url, ttlSeconds: 60, prefix, log });
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
    const store = createRedisStore({ url: REDIS_URL, ttlSeconds: 1, prefix, log });
    stores.push(store);
    await until(() => store.generation() !== null, 'connected');
    const generation = store.generation()!;
    await store.set(generation, 'GET /short', response('short'));
    expect(await store.get(generation, 'GET /short')).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await store.get(generation, 'GET /short')).toBeUndefined();
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
