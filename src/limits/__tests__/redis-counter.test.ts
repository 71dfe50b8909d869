import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { createRateLimiter, type RateLimitStore } from '../rate-limit';
import { createRedisStore } from '../redis-counter';

// The development machines and CI run Redis here (see /work/shared/DESIGN.md).
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const prefix = `buurtplein:test:ratelimit:${randomUUID()}:`;

describe('Redis rate-limit store', () => {
  const stores: (RateLimitStore & { close(): Promise<void> })[] = [];
  const logs: { warn: string[]; info: string[] } = { warn: [], info: [] };
  const log = { warn: (m: string) => logs.warn.push(m), info: (m: string) => logs.info.push(m) };
  const open = (url = REDIS_URL) => {
    const store = createRedisStore({ url, prefix, log });
    stores.push(store);
    return store;
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const probe = new Redis(REDIS_URL);

  beforeEach(() => {
    logs.warn.length = 0;
    logs.info.length = 0;
  });

  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    const keys = await probe.keys(`${prefix}*`);
    if (keys.length) await probe.del(...keys);
    probe.disconnect();
  });

  it('lets two instances share one counter from their first hit, so together they reach the limit', async () => {
    const [a, b] = [open(), open()];
    const rules = [{ name: 'login:ip', windowMs: 60_000, max: 3, key: ({ ip }: { ip: string }) => ip }];
    const [first, second] = [createRateLimiter({ store: a, rules }), createRateLimiter({ store: b, rules })];

    expect(await first.check({ ip: '1.1.1.1' })).toEqual({ allowed: true });
    expect(await second.check({ ip: '1.1.1.1' })).toEqual({ allowed: true });
    expect(await first.check({ ip: '1.1.1.1' })).toEqual({ allowed: true });
    expect(await second.check({ ip: '1.1.1.1' })).toEqual({ allowed: false, rule: 'login:ip', retryAfterSeconds: 60 });
    expect(await second.check({ ip: '2.2.2.2' })).toEqual({ allowed: true });

    expect(await probe.get(`${prefix}login:ip:1.1.1.1`)).toBe('4');
    expect(await probe.pttl(`${prefix}login:ip:1.1.1.1`)).toBeGreaterThan(59_000);
    expect(logs.warn).toEqual([]);
  });

  it('starts a new window once the old one expires, and hits do not extend it', async () => {
    // A window long against scheduling noise on a busy machine: a hit that extended it would move resetAt by about the pause.
    const store = open();
    const first = await store.hit('short', 2000);
    expect(first.count).toBe(1);
    expect(first.resetAt - Date.now()).toBeGreaterThan(1000);
    expect(first.resetAt - Date.now()).toBeLessThanOrEqual(2000);
    await sleep(1000);
    const second = await store.hit('short', 2000);
    expect(second.count).toBe(2);
    expect(Math.abs(second.resetAt - first.resetAt)).toBeLessThan(500);

    await sleep(1200);
    expect((await store.hit('short', 2000)).count).toBe(1);
  });

  it('counts in memory with one warning while Redis is unreachable, never unlimited', async () => {
    const store = open('redis://127.0.0.1:1');
    const hits = [];
    for (let i = 0; i < 4; i++) hits.push(await store.hit('down', 60_000));
    expect(hits.map((h) => h.count)).toEqual([1, 2, 3, 4]);
    expect(hits[0].resetAt - Date.now()).toBeGreaterThan(59_000);
    // Reconnection attempts go on in the background without repeating the warning.
    await sleep(600);
    await store.hit('down', 60_000);
    expect(logs.warn).toHaveLength(1);
    expect(logs.warn[0]).toMatch(/\[rate-limit\] Redis is unavailable, counting per instance in memory/);
    expect(logs.info).toEqual([]);
  });
});
