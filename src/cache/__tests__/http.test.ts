import { cacheKey, isCacheablePath } from '../http';

describe('cacheKey', () => {
  it('puts plain parameters given once in one order, so reordering them makes no new entry', () => {
    const key = cacheKey('/api/map/activities.geojson?near=52.09,5.12&radius=2&free=true');
    expect(cacheKey('/api/map/activities.geojson?free=true&radius=2&near=52.09,5.12')).toBe(key);
    expect(cacheKey('/api/map/activities.geojson?radius=2&free=true&near=52.09,5.12')).toBe(key);
    expect(key).toBe('/api/map/activities.geojson?free=true&near=52.09,5.12&radius=2');
  });

  it('keeps different values apart', () => {
    expect(cacheKey('/api/agenda?from=2026-01-01&to=2026-01-08')).not.toBe(cacheKey('/api/agenda?from=2026-01-08&to=2026-01-01'));
    expect(cacheKey('/api/agenda?a=1')).not.toBe(cacheKey('/api/agenda?a=10'));
  });

  it('leaves the order alone where qs reads by position or could nest a name', () => {
    for (const url of [
      '/api/activities?sort=title&sort=slug',
      '/api/activities?filters[title][$eq]=a&locale=nl',
      '/api/activities?locale=nl&filters%5Btitle%5D=a',
      '/api/activities?populate.organisation=true&locale=nl',
      '/api/activities?locale=nl&&sort=title',
    ]) {
      expect(cacheKey(url)).toBe(url);
    }
    expect(cacheKey('/api/categories')).toBe('/api/categories');
  });
});

describe('isCacheablePath', () => {
  it('keeps the public reads the plugins declare in the kit, and only those', () => {
    expect(isCacheablePath('/api/idea-support/ranking')).toBe(true);
    expect(isCacheablePath('/api/idea-support/initiatives/abcdefghijklmnopqrstuvwx/support')).toBe(true);
    // A resident's own list, a write route, or a longer path under it are not kept.
    expect(isCacheablePath('/api/idea-support/initiatives/abcdefghijklmnopqrstuvwx/comments')).toBe(false);
    expect(isCacheablePath('/api/idea-support/initiatives/a/b/support')).toBe(false);
    expect(isCacheablePath('/api/idea-support/rankings')).toBe(false);
    expect(isCacheablePath('/api/activities')).toBe(true);
    expect(isCacheablePath('/api/my/activities')).toBe(false);
  });
});
