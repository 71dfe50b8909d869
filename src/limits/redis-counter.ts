import type Redis from 'ioredis';
import { closeRedis, openRedis } from '../lib/redis';
import { createMemoryStore, type RateLimitStore } from './rate-limit';

/**
 * One round trip per hit. The expiry is set only when the key has none, so a
 * fixed window does not slide with every hit; checking PTTL instead of using
 * PEXPIRE's NX flag keeps this working on Redis before 7, and re-arms a key
 * that somehow lost its expiry instead of counting it forever.
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }`;

type RateLimitRedis = Redis & { rateLimitHit(key: string, windowMs: number): Promise<[number, number]> };

export interface RedisRateLimitStoreOptions {
  url: string;
  /** Every counter is stored as `<prefix><rule>:<key>`. */
  prefix?: string;
  log: { warn(message: string): void; info(message: string): void };
}

/**
 * Counters shared by every instance. While Redis is unreachable each hit is
 * counted in this instance's memory instead: limits then hold per instance
 * (never a 500, never unlimited), and one warning says so.
 */
export function createRedisStore({ url, prefix = 'buurtplein:ratelimit:', log }: RedisRateLimitStoreOptions): RateLimitStore & { close(): Promise<void> } {
  const client = openRedis(url) as RateLimitRedis;
  client.defineCommand('rateLimitHit', { numberOfKeys: 1, lua: HIT_SCRIPT });
  const fallback = createMemoryStore();

  let down = false;
  const problem = (error: Error) => {
    if (!down) log.warn(`[rate-limit] Redis is unavailable, counting per instance in memory until it is back: ${error.message}`);
    down = true;
  };
  client.on('error', problem);

  // Requests can arrive before the first connection is ready (Strapi's boot keeps the event loop
  // busy): they wait for its outcome, bounded by the connect timeout, instead of counting in memory.
  let firstConnection: Promise<void> | null = new Promise<void>((resolve) => {
    for (const event of ['ready', 'error', 'end']) client.once(event, () => resolve());
  }).then(() => {
    firstConnection = null;
  });

  return {
    async hit(key, windowMs) {
      if (firstConnection) await firstConnection;
      try {
        const [count, ttl] = await client.rateLimitHit(`${prefix}${key}`, windowMs);
        if (down) log.info('[rate-limit] Redis is back, counters are shared again');
        down = false;
        return { count, resetAt: Date.now() + ttl };
      } catch (error) {
        problem(error as Error);
        return fallback.hit(key, windowMs);
      }
    },
    close: () => closeRedis(client),
  };
}
