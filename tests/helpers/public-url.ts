import type { PublicCache } from '../../src/cache';
import { EVERYTHING } from '../../src/cache/scopes';
import { strapi } from './strapi';

/**
 * Runs `run` as if PUBLIC_URL were `url` ('' = not set). The cache is emptied
 * before and after, so no answer built under one setting is served under the other.
 */
export async function withPublicUrl<T>(url: string, run: () => Promise<T>): Promise<T> {
  const cache = strapi().get('buurtplein.cache') as PublicCache;
  const saved = strapi().config.get('server.url');
  strapi().config.set('server.url', url);
  await cache.store()?.bump([EVERYTHING]);
  try {
    return await run();
  } finally {
    strapi().config.set('server.url', saved);
    await cache.store()?.bump([EVERYTHING]);
  }
}
