import type { Core } from '@strapi/strapi';
import type Redis from 'ioredis';
import { closeRedis, openRedis, redisHost } from '../../../lib/redis';
import { settings } from '../../../lib/settings';
import { createViewCounter, type Subject, type ViewCounter, type Visitor } from '../../../stats/counter';
import { addDays, townDay, type Day } from '../../../stats/days';
import { memorySeen, redisSeen } from '../../../stats/seen';
import { deleteBefore, ensureStatsTables } from '../../../stats/store';
import { asksNotToBeTracked, memorySalts, redisSalts } from '../../../stats/visitors';

const REDIS_PREFIX = 'buurtplein:stats:';

/** Who asked, as the counter needs it: the client address decided by global::client-address, and the user agent. */
const visitorOf = (ctx: any): Visitor => ({
  ip: String(ctx.request.ip ?? ''),
  userAgent: String(ctx.get('User-Agent') ?? ''),
  optOut: asksNotToBeTracked((name) => ctx.get(name)),
});

/**
 * Counting views and searches (src/stats): in memory, written to the
 * database every STATS_FLUSH_SECONDS. Public reads call `view` and go on:
 * counting never makes them wait.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  let counter: ViewCounter | undefined;
  let redis: Redis | undefined;
  let timer: NodeJS.Timeout | undefined;
  let purgedOn: Day | undefined;

  const knex = () => strapi.db.connection;

  /** Deletes the days STATS_RETENTION_DAYS no longer keeps; answers how many rows went. */
  async function deleteOldDays(): Promise<number> {
    const { retentionDays } = settings(strapi).stats;
    if (!retentionDays) return 0;
    const removed = await deleteBefore(knex(), addDays(townDay(), -retentionDays));
    if (removed) strapi.log.info(`[stats] deleted ${removed} daily figures older than ${retentionDays} days`);
    return removed;
  }

  const service = {
    isCounting: () => counter !== undefined,
    deleteOldDays,

    async start() {
      await ensureStatsTables(knex());
      const options = settings(strapi).stats;
      if (!options.enabled) {
        strapi.log.info('[stats] STATS_ENABLED=false: views and searches are not counted');
        return;
      }
      if (options.redisUrl) {
        redis = openRedis(options.redisUrl);
        redis.on('error', () => {}); // logged once below; every call falls back while Redis is away
        strapi.log.info(`[stats] visitors are de-duplicated in Redis at ${redisHost(options.redisUrl)}`);
      }
      counter = createViewCounter({
        knex,
        salts: redis ? redisSalts(redis, REDIS_PREFIX) : memorySalts(),
        seen: redis ? redisSeen(redis, REDIS_PREFIX) : memorySeen(),
        optedOut: memorySeen(),
        log: strapi.log,
      });
      timer = setInterval(() => {
        service.flush().catch((error: Error) => strapi.log.warn(`[stats] flush failed, counts kept for the next one: ${error.message}`));
      }, options.flushSeconds * 1000);
      timer.unref();
    },

    view(ctx: any, subject: Subject) {
      counter?.view(visitorOf(ctx), subject);
    },

    search(ctx: any, text: string, zeroResults: boolean) {
      counter?.search(visitorOf(ctx), text, zeroResults);
    },

    /** Writes what is counted so far (views still being looked up in Redis included). */
    async flush() {
      if (!counter) return { rows: 0, views: 0 };
      await counter.settle();
      const result = await counter.flush();
      // Once a day per instance: deleting the same old days twice does no harm.
      if (purgedOn !== townDay()) {
        purgedOn = townDay();
        await deleteOldDays();
      }
      return result;
    },

    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      try {
        await service.flush();
      } catch (error) {
        strapi.log.warn(`[stats] the last flush failed: ${(error as Error).message}`);
      }
      counter = undefined;
      if (redis) await closeRedis(redis);
      redis = undefined;
    },
  };
  return service;
};
