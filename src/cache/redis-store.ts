import { closeRedis, openRedis, redisHost } from '../lib/redis';
import type Redis from 'ioredis';
import { EVERYTHING } from './scopes';
import { decodeResponse, encodeResponse, stampText, type CacheStore, type Stamp } from './store';

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
  /** Keys are `<prefix><stamp>:<key>`; the scopes' generations are the hash `<prefix>generations`. */
  prefix?: string;
  log: { warn(message: string): void; info(message: string): void };
}

/**
 * The cache shared by every instance. The scopes' generations live in a Redis
 * hash (HINCRBY on a change) and each new value is published, so the other
 * instances learn them without asking Redis on every request. While Redis is
 * unreachable, or this instance's own change has not reached Redis yet,
 * stamp() is null: the middleware then serves uncached rather than risk stale
 * answers.
 */
export function createRedisStore({ url, ttlSeconds, maxBytes, now = Date.now, prefix = 'buurtplein:cache:', log }: RedisStoreOptions): CacheStore {
  const generationsKey = `${prefix}generations`;
  const channel = `${prefix}generations`;
  // Logs name the server, never the password a REDIS_URL may carry.
  const where = redisHost(url);
  const client = openRedis(url) as CacheRedis;
  client.defineCommand('setWithinBudget', { numberOfKeys: 3, lua: SET_WITHIN_BUDGET });
  // Subscribing needs a connection of its own; it may queue its one command until connected.
  const subscriber = openRedis(url, { enableOfflineQueue: true });

  // What this instance knows of the generations; trusted only while synced.
  const generations = new Map<string, number>();
  let synced = false;
  const forget = () => {
    synced = false;
    generations.clear();
  };
  // Scopes to bump, and the run that bumps them: changes that arrive meanwhile join it.
  const queued = new Set<string>();
  let bumping: Promise<void> | null = null;
  // A change whose bump failed: the shared entries may be stale, so start over on reconnect.
  let missedBump = false;
  let down = false;

  let retry: NodeJS.Timeout | undefined;
  const problem = (error: Error) => {
    forget();
    if (!down) log.warn(`[cache] Redis at ${where} is unavailable, serving uncached until it is back: ${error.message}`);
    down = true;
    // A failed command on a live connection brings no 'ready' event to resync on: try again soon.
    retry ??= setTimeout(() => {
      retry = undefined;
      void resync();
    }, 1000).unref();
  };
  // Generations only grow: a late message never takes one back. Messages heard while resyncing count too.
  const learn = (values: Record<string, number | string>) => {
    for (const [scope, value] of Object.entries(values)) generations.set(scope, Math.max(generations.get(scope) ?? 0, Number(value)));
  };

  /** HINCRBY each scope in one transaction, learn the new values and tell the other instances. */
  async function increment(scopes: string[]) {
    const replies = (await client.multi(scopes.map((scope) => ['hincrby', generationsKey, scope, '1'])).exec()) ?? [];
    const values: Record<string, number> = {};
    scopes.forEach((scope, i) => {
      const [error, value] = replies[i] ?? [new Error('no reply')];
      if (error) throw error;
      values[scope] = Number(value);
    });
    learn(values);
    await client.publish(channel, JSON.stringify(values));
  }

  async function resync() {
    if (client.status !== 'ready' || subscriber.status !== 'ready') return;
    try {
      learn(await client.hgetall(generationsKey));
      if (missedBump) {
        await increment([EVERYTHING]);
        missedBump = false;
      }
      synced = true;
      if (down) log.info(`[cache] Redis at ${where} is back`);
      down = false;
    } catch (error) {
      problem(error as Error);
    }
  }

  for (const connection of [client, subscriber]) {
    connection.on('error', problem);
    // A Redis restarted empty starts its generations over: what this instance knew no longer holds.
    connection.on('close', forget);
    connection.on('ready', () => void resync());
  }
  subscriber.subscribe(channel).catch(problem);
  subscriber.on('message', (_channel: string, message: string) => {
    try {
      learn(JSON.parse(message));
    } catch {
      // Not ours (another version on the same prefix): the next resync reads the hash.
    }
  });

  const entryKey = (stamp: Stamp, key: string) => `${prefix}${stamp.text}:${key}`;
  const budgetKey = (window: number) => `${prefix}bytes:${window}`;

  return {
    stamp: (scopes) => (bumping || !synced ? null : { scopes, text: stampText(generations, scopes) }),

    async get(stamp, key) {
      try {
        const bytes = await client.getBuffer(entryKey(stamp, key));
        return bytes ? decodeResponse(bytes) : undefined;
      } catch (error) {
        problem(error as Error);
        return undefined;
      }
    },

    async set(stamp, key, response) {
      if (!synced || stampText(generations, stamp.scopes) !== stamp.text) return; // a change came in meanwhile
      try {
        const bytes = encodeResponse(response);
        const window = Math.floor(now() / (ttlSeconds * 1000));
        await client.setWithinBudget(budgetKey(window), budgetKey(window - 1), entryKey(stamp, key), bytes.length, maxBytes, ttlSeconds, bytes);
      } catch (error) {
        problem(error as Error);
      }
    },

    bump(scopes) {
      for (const scope of scopes) queued.add(scope);
      bumping ??= (async () => {
        try {
          while (queued.size) {
            const batch = [...queued];
            queued.clear();
            await increment(batch);
          }
        } catch (error) {
          queued.clear();
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
