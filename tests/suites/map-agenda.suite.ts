import { check } from '@placemarkio/check-geojson';
import { api } from '../helpers/fixtures';
import { createFeedTown, expectNoSecrets, type FeedTown } from '../helpers/feed-town';
import { FRONTEND_URL } from '../helpers/strapi';

const expectStrapiError = (res: { status: number; body: any }, status: number, message: RegExp) => {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ data: null, error: { status, name: expect.any(String), message: expect.stringMatching(message) } });
};

describe('map: GeoJSON of activities and organisations', () => {
  let town: FeedTown;
  beforeAll(async () => {
    town = await createFeedTown();
  });

  const titles = (body: any) => body.features.map((f: any) => f.properties.title ?? f.properties.name).sort();

  it('serves a valid RFC 7946 FeatureCollection with what a popup needs, only public items with a place', async () => {
    const res = await api().get(`/api/map/activities.geojson?category=${town.category.slug}`).expect(200);
    expect(res.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    expect(() => check(res.text)).not.toThrow();
    expect(titles(res.body)).toEqual([town.badRule.title, town.weekly.title].sort());
    const weekly = res.body.features.find((f: any) => f.id === town.weekly.documentId);
    expect(weekly.geometry).toEqual({ type: 'Point', coordinates: [20.1, 60.1] });
    expect(weekly.properties).toMatchObject({
      documentId: town.weekly.documentId,
      slug: town.weekly.slug,
      summary: expect.stringContaining('Elke dinsdag. Iedereen welkom'),
      address: 'Dorpsstraat 1, 1234 AB Buurtstad',
      startsAt: '2026-10-06T17:00:00.000Z',
      endsAt: '2026-10-06T18:30:00.000Z',
      recurrence: 'FREQ=WEEKLY;BYDAY=TU',
      organisation: { slug: town.organisation.slug, name: town.organisation.name },
      categories: [{ slug: town.category.slug, name: town.category.name }],
      url: `${FRONTEND_URL}/activity.html?slug=${town.weekly.slug}&lang=nl`,
    });
    expect(weekly.properties.summary.length).toBeLessThanOrEqual(200);
    // An unreadable RRULE is left out rather than published.
    expect(res.body.features.find((f: any) => f.id === town.badRule.documentId).properties.recurrence).toBeNull();
    expectNoSecrets(res.text, town);
  });

  it('keeps what lies inside bbox= and near=, and leaves out the rest', async () => {
    const byTag = `neighbourhood=${town.wijk.slug}`;
    const inside = await api().get(`/api/map/activities.geojson?${byTag}&bbox=20.0,60.0,20.2,60.2`).expect(200);
    expect(inside.body.features.length).toBe(2);
    const outside = await api().get(`/api/map/activities.geojson?${byTag}&bbox=20.2,60.2,20.5,60.5`).expect(200);
    expect(outside.body.features).toEqual([]);
    // 60.3 N 20.4 E is about 27 km from 60.1 N 20.1 E.
    const all = `category=${town.other.slug}`;
    expect((await api().get(`/api/map/activities.geojson?${all}&near=60.1,20.1&radius=30`).expect(200)).body.features).toHaveLength(1);
    expect((await api().get(`/api/map/activities.geojson?${all}&near=60.1,20.1&radius=20`).expect(200)).body.features).toHaveLength(0);
  });

  it('filters by free=, organisation= and from/to like the other endpoints', async () => {
    const org = `organisation=${town.organisation.slug}`;
    expect(titles((await api().get(`/api/map/activities.geojson?${org}`).expect(200)).body)).toHaveLength(3);
    expect(titles((await api().get(`/api/map/activities.geojson?${org}&free=false`).expect(200)).body)).toEqual([town.oneOff.title]);
    expect(titles((await api().get(`/api/map/activities.geojson?organisation=${town.organisation.documentId}&free=true`).expect(200)).body)).toEqual(
      [town.badRule.title, town.weekly.title].sort()
    );
    // The weekly activity still has occurrences in 2027; the one-off and the (single) broken one do not.
    expect(titles((await api().get(`/api/map/activities.geojson?${org}&from=2027-01-01&to=2027-01-31`).expect(200)).body)).toEqual([town.weekly.title]);
  });

  it('takes from= or to= alone on every endpoint, and answers a bad date with 400', async () => {
    const org = `organisation=${town.organisation.slug}`;
    expect(titles((await api().get(`/api/map/activities.geojson?${org}&from=2027-01-01`).expect(200)).body)).toEqual([town.weekly.title]);
    expect(titles((await api().get(`/api/map/activities.geojson?${org}&to=2026-10-10`).expect(200)).body)).toEqual([town.weekly.title]);
    // (The embed always shows the coming weeks: it takes no period.)
    const paths = ['/api/map/activities.geojson', '/api/map/organisations.geojson', '/api/feeds/activities.ics', '/api/feeds/latest.rss', '/api/agenda', '/api/search'];
    // Search has no organisation filter: it looks for the town's own word.
    const narrow = (path: string) => (path === '/api/search' ? `q=${encodeURIComponent(town.tag)}` : org);
    // The agenda starts today when from= is left out, so its to= must lie ahead.
    const soon = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    for (const path of paths) {
      for (const period of ['from=2027-01-01', `to=${soon}`, 'from=2026-10-01&to=2026-10-31', 'from=2026-10-01T10:00:00Z']) {
        const res = await api().get(`${path}?${narrow(path)}&${period}`);
        expect([path, period, res.status]).toEqual([path, period, 200]);
      }
      for (const bad of ['from=yesterday', 'to=2026-13-01', 'from=2026-10-10&to=2026-10-01']) {
        const res = await api().get(`${path}?${narrow(path)}&${bad}`);
        expect([path, bad, res.status]).toEqual([path, bad, 400]);
      }
    }
    const ics = await api().get(`/api/feeds/activities.ics?${org}&from=2027-01-01`).expect(200);
    expect(ics.text).toContain(town.weekly.slug);
  });

  it('lists public organisations with their contact, never private fields', async () => {
    const res = await api().get(`/api/map/organisations.geojson?neighbourhood=${town.wijk.slug}`).expect(200);
    expect(res.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    expect(() => check(res.text)).not.toThrow();
    expect(res.body.features).toHaveLength(1);
    expect(res.body.features[0].properties).toMatchObject({
      name: town.organisation.name,
      email: town.organisation.email,
      phone: '010-1234567',
      neighbourhoods: [{ slug: town.wijk.slug, name: town.wijk.name }],
      url: `${FRONTEND_URL}/organisation.html?slug=${town.organisation.slug}&lang=nl`,
    });
    expectNoSecrets(res.text, town);
  });

  it('answers bad filters with 400 in Strapi’s error shape', async () => {
    expectStrapiError(await api().get('/api/map/activities.geojson?bbox=1,2,3'), 400, /^bbox: expected 4/);
    expectStrapiError(await api().get('/api/map/activities.geojson?bbox=5,52,4,53'), 400, /minimum first/);
    expectStrapiError(await api().get('/api/map/organisations.geojson?near=52,abc'), 400, /^near/);
    expectStrapiError(await api().get('/api/map/organisations.geojson?neighbourhood=does-not-exist'), 400, /unknown neighbourhood "does-not-exist"/);
    expectStrapiError(await api().get('/api/map/activities.geojson?category=nope-nope'), 400, /unknown category/);
    expectStrapiError(await api().get('/api/map/activities.geojson?organisation=nobody-here'), 400, /unknown organisation/);
    expectStrapiError(await api().get(`/api/map/activities.geojson?organisation=${town.archivedOrganisation.slug}`), 400, /unknown organisation/);
    expectStrapiError(await api().get('/api/map/activities.geojson?locale=de'), 400, /^locale/);
  });
});

describe('agenda: dated occurrences', () => {
  let town: FeedTown;
  beforeAll(async () => {
    town = await createFeedTown();
  });

  it('expands a weekly RRULE at 19:00 Amsterdam time across the change to winter time', async () => {
    const res = await api().get(`/api/agenda?from=2026-10-12&to=2026-11-04&neighbourhood=${town.wijk.slug}`).expect(200);
    const weekly = res.body.data.filter((e: any) => e.activity.documentId === town.weekly.documentId);
    expect(weekly.map((e: any) => [e.start, e.end])).toEqual([
      ['2026-10-13T17:00:00.000Z', '2026-10-13T18:30:00.000Z'],
      ['2026-10-20T17:00:00.000Z', '2026-10-20T18:30:00.000Z'],
      ['2026-10-27T18:00:00.000Z', '2026-10-27T19:30:00.000Z'],
      ['2026-11-03T18:00:00.000Z', '2026-11-03T19:30:00.000Z'],
    ]);
    expect(weekly[0].activity).toMatchObject({
      slug: town.weekly.slug,
      title: town.weekly.title,
      address: 'Dorpsstraat 1, 1234 AB Buurtstad',
      lat: 60.1,
      lng: 20.1,
      organisation: { slug: town.organisation.slug, name: town.organisation.name },
      categories: [{ slug: town.category.slug, name: town.category.name }],
      neighbourhood: { slug: town.wijk.slug, name: town.wijk.name },
    });
    expect(res.body.meta).toMatchObject({ from: '2026-10-12T00:00:00.000Z', to: '2026-11-04T00:00:00.000Z', total: res.body.data.length });
    const starts = res.body.data.map((e: any) => e.start);
    expect(starts).toEqual([...starts].sort());
    expectNoSecrets(res.text, town);
  });

  it('lists one-offs in their own neighbourhood only, and a broken RRULE once instead of failing', async () => {
    const here = await api().get(`/api/agenda?from=2026-10-12&to=2026-10-22&neighbourhood=${town.wijk.slug}`).expect(200);
    const titles = here.body.data.map((e: any) => e.activity.title);
    expect(titles).not.toContain(town.oneOff.title);
    expect(titles.filter((t: string) => t === town.badRule.title)).toHaveLength(1);
    expect(titles).toContain(town.noPlace.title);
    const there = await api().get(`/api/agenda?from=2026-10-12&to=2026-10-22&neighbourhood=${town.elsewhere.slug}`).expect(200);
    expect(there.body.data.map((e: any) => [e.activity.title, e.start, e.end])).toEqual([[town.oneOff.title, '2026-10-20T12:00:00.000Z', '2026-10-20T14:00:00.000Z']]);
  });

  it('speaks English where translated and falls back to Dutch elsewhere', async () => {
    const res = await api().get(`/api/agenda?from=2026-10-12&to=2026-10-22&neighbourhood=${town.wijk.slug}&locale=en`).expect(200);
    const titles = new Set(res.body.data.map((e: any) => e.activity.title));
    expect(titles).toContain(`Coffee, tea; and more ${town.tag}`);
    expect(titles).toContain(town.badRule.title);
    const weekly = res.body.data.find((e: any) => e.activity.documentId === town.weekly.documentId);
    expect(weekly.activity.url).toBe(`${FRONTEND_URL}/activity.html?slug=${town.weekly.slug}&lang=en`);
    expect(weekly.activity.categories).toEqual([{ slug: town.category.slug, name: `Meeting ${town.tag}` }]);
  });

  it('pages like Strapi and defaults to the coming week', async () => {
    const page = await api().get(`/api/agenda?from=2026-10-01&to=2026-12-31&neighbourhood=${town.wijk.slug}&pageSize=2&page=2`).expect(200);
    expect(page.body.data).toHaveLength(2);
    expect(page.body.meta.pagination).toMatchObject({ page: 2, pageSize: 2, total: page.body.meta.total });
    const week = await api().get(`/api/agenda?neighbourhood=${town.wijk.slug}`).expect(200);
    const days = (Date.parse(week.body.meta.to) - Date.parse(week.body.meta.from)) / 86_400_000;
    expect(days).toBe(7);
    expect(Date.parse(week.body.meta.from)).toBeLessThanOrEqual(Date.now());
    expect(week.body.data.filter((e: any) => e.activity.documentId === town.weekly.documentId)).toHaveLength(1);
  });

  it('answers bad ranges with 400', async () => {
    expectStrapiError(await api().get('/api/agenda?from=2026-10-01&to=2027-03-01'), 400, /at most 92 days/);
    expectStrapiError(await api().get('/api/agenda?from=2026-10-10&to=2026-10-01'), 400, /^to: must not be before from/);
    expectStrapiError(await api().get('/api/agenda?from=yesterday'), 400, /^from/);
    expectStrapiError(await api().get('/api/agenda?to=2020-01-01'), 400, /^to/);
    expectStrapiError(await api().get('/api/agenda?neighbourhood=nowhere-at-all'), 400, /unknown neighbourhood/);
  });
});
