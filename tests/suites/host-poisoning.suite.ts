import { EVERYTHING } from '../../src/cache/scopes';
import type { PublicCache } from '../../src/cache';
import { api, createSocialMap } from '../helpers/fixtures';
import { requestFrom } from '../helpers/peer';
import { withPublicUrl } from '../helpers/public-url';
import { strapi } from '../helpers/strapi';

/**
 * Cache poisoning through Host (#14.6): an attacker asks for a public answer
 * with a Host (or X-Forwarded-Host) of their own; whatever the answer holds is
 * kept and handed to the next caller. Nothing the next caller gets may come
 * from those headers, in memory or in Redis, from a direct client or through
 * our proxy. (edge.suite.ts shows the basic case.)
 */

const EVIL = 'evil.example';
const PROXY = '127.0.0.1';
const DIRECT = '127.0.0.2';
const cache = () => strapi().get('buurtplein.cache') as PublicCache;
type Proxies = { enabled: boolean; trusted: string[] };

const forged = { Host: EVIL, 'X-Forwarded-Host': EVIL, 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '203.0.113.7' };

let saved: Proxies;
beforeAll(() => {
  saved = { ...(strapi().config.get('buurtplein.proxies') as Proxies) };
  // Only 127.0.0.1 is our proxy; 127.0.0.2 plays a client connecting directly.
  strapi().config.set('buurtplein.proxies', { enabled: true, trusted: [PROXY] });
});
afterAll(() => strapi().config.set('buurtplein.proxies', saved));

/** The attacker's request first, on an empty cache entry; then what an honest caller gets. */
async function attackThenRead(from: string, path: string) {
  const attack = await requestFrom(from, 'GET', path, forged);
  expect([path, attack.status]).toEqual([path, 200]);
  const honest = await api().get(path).expect(200);
  return { attack, honest };
}

const PEERS = [
  ['a direct client', DIRECT],
  ['our proxy', PROXY],
] as const;

describe.each([
  ['memory', ''],
  ['Redis', 'redis://127.0.0.1:6379'],
])('attack: cache poisoning through Host, cache in %s (#14.6)', (_name, redisUrl) => {
  beforeAll(async () => {
    strapi().config.set('buurtplein.cache.redisUrl', redisUrl);
    const store = await cache().restart();
    for (let i = 0; i < 500 && store.stamp([EVERYTHING]) === null; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(store.stamp([EVERYTHING])).not.toBeNull();
  });
  afterAll(async () => {
    strapi().config.set('buurtplein.cache.redisUrl', '');
    await cache().restart();
  });

  const feed = '/api/feeds/latest.rss?types=activity,initiative';

  it.each(PEERS)('with PUBLIC_URL, a feed asked for by %s links to PUBLIC_URL, and that is what is kept', async (_who, from) => {
    await withPublicUrl('https://api.town.example', async () => {
      const { attack, honest } = await attackThenRead(from, feed);
      expect(honest.headers['x-cache']).toBe('HIT');
      for (const text of [attack.text, honest.text]) {
        expect(text).not.toContain(EVIL);
        expect(text).toContain(`<atom:link href="https://api.town.example${feed}"`);
      }
    });
  });

  it.each(PEERS)('without PUBLIC_URL, a feed built from the host %s names is never kept', async (_who, from) => {
    await withPublicUrl('', async () => {
      const { attack, honest } = await attackThenRead(from, feed);
      expect(attack.headers['cache-control']).toBe('private, no-store');
      expect(honest.headers['x-cache']).not.toBe('HIT');
      expect(honest.text).not.toContain(EVIL);
    });
  });
});

describe('attack: a forged host on every public read that is kept (#14.6)', () => {
  it('no answer an honest caller gets carries the host an attacker sent', async () => {
    const map = await createSocialMap();
    const slug = map.neighbourhood.slug;
    const paths = [
      `/api/activities?filters[slug][$eq]=${map.activity.slug}&populate=*`,
      `/api/activities/${map.activity.documentId}`,
      `/api/organisations/${map.published.documentId}`,
      `/api/search?q=${encodeURIComponent(map.tag)}`,
      `/api/map/activities.geojson?neighbourhood=${slug}`,
      `/api/map/organisations.geojson?neighbourhood=${slug}`,
      `/api/agenda?neighbourhood=${slug}`,
      `/api/feeds/activities.ics?neighbourhood=${slug}`,
      `/api/feeds/latest.rss?neighbourhood=${slug}`,
      `/api/activities/${map.activity.documentId}/jsonld`,
      `/api/organisations/${map.published.documentId}/jsonld`,
      `/embed/activities?neighbourhood=${slug}`,
      '/api/idea-support/ranking?period=all',
      `/api/idea-support/initiatives/${map.initiative.documentId}/support`,
    ];
    await withPublicUrl('', async () => {
      for (const path of paths) {
        const { attack, honest } = await attackThenRead(PROXY, path);
        // Kept (a HIT) only when the attacker's answer holds nothing of the host.
        if (honest.headers['x-cache'] === 'HIT') expect([path, attack.text.includes(EVIL)]).toEqual([path, false]);
        expect([path, honest.text.includes(EVIL)]).toEqual([path, false]);
      }
    });
  });
});
