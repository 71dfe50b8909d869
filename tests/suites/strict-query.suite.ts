import type { PublicCache } from '../../src/cache';
import type { createMemoryStore } from '../../src/cache/memory-store';
import { api, createSocialMap } from '../helpers/fixtures';
import { strapi } from '../helpers/strapi';

/**
 * Unbounded cache keys (#14.8): `?junk=N` made a new cache entry per request
 * on every public read that ignored what it did not know. (bad-input.suite.ts
 * checks the 400 on each endpoint; this one that the cache stays as it was.)
 */

const memoryCache = () => (strapi().get('buurtplein.cache') as PublicCache).store() as ReturnType<typeof createMemoryStore>;
const withParam = (path: string, param: string) => `${path}${path.includes('?') ? '&' : '?'}${param}`;

describe('attack: a new cache entry per request through the query string (#14.8)', () => {
  let paths: string[];
  let slug: string;
  beforeAll(async () => {
    const map = await createSocialMap();
    slug = map.neighbourhood.slug;
    paths = [
      `/api/activities?filters[neighbourhood][slug][$eq]=${slug}`,
      `/api/activities/${map.activity.documentId}`,
      '/api/categories',
      `/api/search?q=${encodeURIComponent(map.tag)}`,
      `/api/map/activities.geojson?neighbourhood=${slug}`,
      `/api/map/organisations.geojson?neighbourhood=${slug}`,
      `/api/agenda?neighbourhood=${slug}&pageSize=10`,
      `/api/feeds/activities.ics?neighbourhood=${slug}`,
      `/api/feeds/latest.rss?neighbourhood=${slug}&types=activity`,
      `/api/activities/${map.activity.documentId}/jsonld?locale=en`,
      `/api/organisations/${map.published.documentId}/jsonld`,
      `/embed/activities?neighbourhood=${slug}&limit=5`,
      '/api/idea-support/ranking?period=all&limit=5',
      `/api/idea-support/initiatives/${map.initiative.documentId}/support`,
    ];
  });

  it('each kept read answers its own parameters with 200, and a made-up one with 400, keeping nothing', async () => {
    for (const path of paths) expect([path, (await api().get(path)).status]).toEqual([path, 200]);
    const before = { size: memoryCache().size(), bytes: memoryCache().bytes() };
    for (let i = 0; i < 20; i++) {
      for (const path of paths) {
        const res = await api().get(withParam(path, `junk=${i}`));
        expect([path, res.status]).toEqual([path, 400]);
      }
    }
    expect({ size: memoryCache().size(), bytes: memoryCache().bytes() }).toEqual(before);
  });

  it('answers that come whole (map layers, feeds) refuse page and pageSize, which would change nothing but the key', async () => {
    for (const path of paths.filter((p) => /geojson|feeds/.test(p))) {
      for (const param of ['page=2', 'pageSize=7']) {
        const res = await api().get(withParam(path, param));
        expect([path, param, res.status, res.body.error?.message]).toEqual([path, param, 400, expect.stringMatching(/^Unknown query parameters: page/)]);
      }
    }
  });

  it('an endpoint that takes no parameters says so', async () => {
    const res = await api().get('/api/export/hsds?x=1').expect(400);
    expect(res.body.error).toMatchObject({ message: 'Unknown query parameters: x (this endpoint takes none)', details: { params: ['x'] } });
  });

  it('the same parameters in another order share one cache entry', async () => {
    const a = await api().get(`/api/map/activities.geojson?neighbourhood=${slug}&free=true&locale=en`).expect(200);
    const b = await api().get(`/api/map/activities.geojson?locale=en&neighbourhood=${slug}&free=true`).expect(200);
    expect(a.headers['x-cache']).toBe('MISS');
    expect(b.headers['x-cache']).toBe('HIT');
    expect(b.text).toBe(a.text);
  });

  it('ranking takes a limit in plain digits and its own periods only', async () => {
    for (const query of ['limit=5.0', 'limit=05', 'limit=0x5', 'limit=%205', 'limit[]=5', 'period=toString', 'period=7d&period=7d']) {
      const res = await api().get(`/api/idea-support/ranking?${query}`);
      expect([query, res.status]).toEqual([query, 400]);
    }
  });
});
