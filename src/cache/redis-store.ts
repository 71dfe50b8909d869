import { closeRedis, openRedis, redisHost } from '../lib/redis';
import type Redis from 'ioredis';
import { decodeResponse, encodeResponse, type CacheStore } from './store';

/**
 * Keeps an answer only while the bytes kept in this TTL-long window and the
 * one before, with it, stay within the budget. Every answer expires within one
 * TTL, so those two windows hold everything still alive: the cache never
 * takes more of Redis than the budget, however many distinct URLs are asked
 * for. One round trip.
 * KEYS: this window's counter, the previous window's counter, the entry.
 * ARGV: the entry's size, the budget, the TTL in seconds, the entry.
 */
const SET_WITHIN_BUDGET = `
local size = tonumber(ARGV[1])
local kept = tonumber(redis.call('GET', KEYS[1]) or '0') + tonumber(redis.call('GET', KEYS[2]) or '0')
if kept + size > tonumber(ARGV[2]) then return 0 end
redis.call('INCRBY', KEYS[1], size)
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[3]) * 2)
redis.call('SET', KEYS[3], ARGV[4], 'EX', ARGV[3])
return 1`;

type CacheRedis = Redis & { setWithinBudget(...args: [string, string, string, number, number, number, Buffer]): Promise<number> };

export interface RedisStoreOptions {
  url: string;
  ttlSeconds: number;
  /** What the answers written within one TTL may take together (see SET_WITHIN_BUDGET). */
  maxBytes: number;
  /** For tests: the clock that decides the budget's window. */
  now?: () => number;
  /** Keys are `<prefix><generation>:<key>`; the generation counter is `<prefix>generation`. */
  prefix?: string;
  log: { warn(message: string): void; info(message: string): void };
}

/**
 * The cache shared by every instance. The generation lives in Redis (INCR on a
 * change) and each new value is published, so the other instances learn it
 * without asking Redis on every request. While Redis is unreachable, or this
 * instance's own change has not reached Redis yet, generation() is null: the
 * middleware then serves uncached rather than risk stale answers.
 */
export function createRedisStore({ url, ttlSeconds, maxBytes, now = Date.now, prefix = 'buurtplein:cache:', log }: RedisStoreOptions): CacheStore {
  const generationKey = `${prefix}generation`;
  const channel = `${prefix}generation`;
  // Logs name the server, never the password a REDIS_URL may carry.
  const where = redisHost(url);
  const client = openRedis(url) as CacheRedis;
  client.defineCommand('setWithinBudget', { numberOfKeys: 3, lua: SET_WITHIN_BUDGET });
  // Subscribing needs a connection of its own; it may queue its one command until connected.
  const subscriber = openRedis(url, { enableOfflineQueue: true });

  let known: number | null = null;
  let bumping: Promise<void> | null = null;
  // A change whose bump failed: the shared entries may be stale, so start a new generation on reconnect.
  let missedBump = false;
  let down = false;

  let retry: NodeJS.Timeout | undefined;
  const problem = (error: Error) => {
    known = null;
    if (!down) log.warn(`[cache] Redis at ${where} is unavailable, serving uncached until it is back: ${error.message}`);
    down = true;
    // A failed command on a live connection brings no 'ready' event to resync on: try again soon.
    retry ??= setTimeout(() => {
      retry = undefined;
      void resync();
    }, 1000).unref();
  };
  const learn = (value: number) => {
    known = Math.max(known ?? 0, value);
  };

  async function resync() {
    if (client.status !== 'ready' || subscriber.status !== 'ready') return;
    try {
      if (missedBump) {
        const value = await client.incr(generationKey);
        await client.publish(channel, String(value));
        missedBump = false;
        learn(value);
      } else {
        learn(Number((await client.get(generationKey)) ?? 0));
      }
      if (down) log.info(`[cache] Redis at ${where} is back`);
      down = false;
    } catch (error) {
      problem(error as Error);
    }
  }

  for (const connection of [client, subscriber]) {
    connection.on('error', problem);
    connection.on('close', () => {
      known = null;
    });
    connection.on('ready', () => void resync());
  }
  subscriber.subscribe(channel).catch(problem);
  subscriber.on('message', (_channel: string, message: string) => {
    if (known !== null) learn(Number(message));
  });

  const entryKey = (generation: number, key: string) => `${prefix}${generation}:${key}`;
  const budgetKey = (window: number) => `${prefix}bytes:${window}`;

  return {
    generation: () => (bumping ? null : known),

    async get(generation, key) {
      try {
        const bytes = await client.getBuffer(entryKey(generation, key));
        return bytes ? decodeResponse(bytes) : undefined;
      } catch (error) {
        problem(error as Error);
        return undefined;
      }
    },

    async set(generation, key, response) {
      try {
        const bytes = encodeResponse(response);
        const window = Math.floor(now() / (ttlSeconds * 1000));
        await client.setWithinBudget(budgetKey(window), budgetKey(window - 1), entryKey(generation, key), bytes.length, maxBytes, ttlSeconds, bytes);
      } catch (error) {
        problem(error as Error);
      }
    },

    bump() {
      // Changes that arrive while an INCR is under way share it: each committed before it returned.
      bumping ??= (async () => {
        try {
          const value = await client.incr(generationKey);
          learn(value);
          await client.publish(channel, String(value));
        } catch (error) {
          missedBump = true;
          problem(error as Error);
        } finally {
          bumping = null;
        }
      })();
      return bumping;
    },

    async close() {
      clearTimeout(retry);
      await Promise.all([client, subscriber].map(closeRedis));
    },
  };
}
