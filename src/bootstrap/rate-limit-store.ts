import type { Core } from '@strapi/strapi';
import { createMemoryStore, type RateLimitStore } from '../limits/rate-limit';
import { createRedisStore } from '../limits/redis-counter';
import { settings } from '../lib/settings';

// One store per process, used by every rate-limited route.
let store: RateLimitStore | undefined;

/** Redis when REDIS_URL is set, so all instances share one budget; memory (per instance) otherwise. */
export function openRateLimitStore(strapi: Core.Strapi) {
  const { redisUrl } = settings(strapi).rateLimit;
  store = redisUrl ? createRedisStore({ url: redisUrl, log: strapi.log }) : createMemoryStore();
}

export const rateLimitStore = (): RateLimitStore => (store ??= createMemoryStore());

export async function closeRateLimitStore() {
  await store?.close?.();
  store = undefined;
}
