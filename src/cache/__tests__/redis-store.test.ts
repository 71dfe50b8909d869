import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { createRedisStore } from '../redis-store';
import { EVERYTHING } from '../scopes';
import { encodeResponse, type CacheStore, type CachedResponse } from '../store';

const ALL = [EVERYTHING];

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
    const scopes = ['all', 'type:x', 'doc:x:1'];
    await until(() => a.stamp(scopes) !== null && b.stamp(scopes) !== null, 'both stores are connected');
    expect(a.stamp(scopes)).toEqual(b.stamp(scopes));

    const stamp = a.stamp(scopes)!;
    await a.set(stamp, 'GET /api/activities/1', response('first'));
    expect(await b.get(b.stamp(scopes)!, 'GET /api/activities/1')).toEqual(response('first'));

    await a.bump(['doc:x:1']);
    expect(a.stamp(scopes)!.text).not.toBe(stamp.text);
    // b learns the new generation by pub/sub, without asking Redis per request.
    await until(() => b.stamp(scopes)?.text === a.stamp(scopes)!.text, 'b hears of the bump');
    expect(await b.get(b.stamp(scopes)!, 'GET /api/activities/1')).toBeUndefined();
    // An answer made before the bump is not kept after it.
    await b.set(stamp, 'GET /api/activities/1', response('late'));
    expect(await a.get(a.stamp(scopes)!, 'GET /api/activities/1')).toBeUndefined();
  });

  it('keeps what a bump does not touch, on every instance', async () => {
    const a = open();
    const b = open();
    const one = ['all', 'type:y', 'doc:y:1'];
    const two = ['all', 'type:y', 'doc:y:2'];
    await until(() => a.stamp(one) !== null && b.stamp(one) !== null, 'both stores are connected');
    await a.set(a.stamp(two)!, 'GET /api/y/2', response('two'));
    await a.bump(['doc:y:1', 'list:y']);
    await until(() => b.stamp(one)?.text === a.stamp(one)!.text, 'b hears of the bump');
    expect(await b.get(b.stamp(two)!, 'GET /api/y/2')).toEqual(response('two'));
    // Bumps that come while one is under way join it, and all arrive.
    await Promise.all([a.bump(['doc:y:2']), a.bump(['type:z']), a.bump(['doc:y:2'])]);
    await until(() => b.stamp(['type:z'])?.text === a.stamp(['type:z'])!.text && b.stamp(two)?.text === a.stamp(two)!.text, 'b hears of all bumps');
    expect(await b.get(b.stamp(two)!, 'GET /api/y/2')).toBeUndefined();
  });

  it('gives every entry a TTL in Redis itself, so junk keys cannot pile up', async () => {
    const store = open();
    await until(() => store.stamp(ALL) !== null, 'the store is connected');
    await store.set(store.stamp(ALL)!, 'GET /api/map/activities.geojson?x=1', response('x'));
    const redis = new Redis(REDIS_URL);
    try {
      const [key] = await redis.keys(`${prefix}${store.stamp(ALL)!.text}:GET /api/map*`);
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
    await until(() => store.stamp(ALL) !== null, 'connected');
    const generation = store.stamp(ALL)!;
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
    await until(() => store.stamp(ALL) !== null, 'connected');
    const generation = store.stamp(ALL)!;
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
    expect(store.stamp(ALL)).toBeNull();
    const stamp = { scopes: ALL, text: '0' };
    await expect(store.get(stamp, 'GET /a')).resolves.toBeUndefined();
    await expect(store.set(stamp, 'GET /a', response('a'))).resolves.toBeUndefined();
    await expect(store.bump(ALL)).resolves.toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/127\.0\.0\.1:1 is unavailable/);
  });
});
