import { adminToken } from '../../../../tests/helpers/admin';
import { api, bearer, createDocument, createSocialMap, editor, madeUpWord, resident, unique } from '../../../../tests/helpers/fixtures';
import { strapi } from '../../../../tests/helpers/strapi';
import { addDays, quarterOf, townDay } from '../../../stats/days';
import { DAILY, SEARCHES } from '../../../stats/store';

type Map = Awaited<ReturnType<typeof createSocialMap>>;

const counting = () => strapi().service('api::stats.counting');
const flush = () => counting().flush();
const knex = () => strapi().db.connection;
/** A visitor of their own: the loopback IP is shared, so the user agent tells them apart. */
const visitor = (name = unique('browser')) => ({ 'User-Agent': `Mozilla/5.0 (${name})` });

async function row(kind: string, item: string, day = townDay()) {
  const found = await knex()(DAILY).where({ day, kind, item }).first();
  return found ? { views: Number(found.views), visitors: Number(found.visitors) } : { views: 0, visitors: 0 };
}

async function token(type: 'full-access' | 'read-only') {
  const created = await strapi().service('admin::api-token').create({ name: unique(type), type, lifespan: null });
  return created.accessKey as string;
}

describe('reach statistics', () => {
  let map: Map;
  let staff: string;

  beforeAll(async () => {
    map = await createSocialMap();
    staff = await token('full-access');
    await flush();
  });

  describe('counting views', () => {
    it('counts a public findOne once per visitor and day, also when the answer comes from the cache or as a 304', async () => {
      const path = `/api/activities/${map.activity.documentId}`;
      const first = visitor();
      const fresh = await api().get(path).set(first).expect(200);
      const cached = await api().get(path).set(first).expect(200);
      expect(cached.headers['x-cache']).toBe('HIT');
      await api().get(path).set({ ...first, 'If-None-Match': fresh.headers.etag }).expect(304);
      // Another visitor's revalidation counts for them.
      await api().get(path).set({ ...visitor(), 'If-None-Match': fresh.headers.etag }).expect(304);
      await flush();
      expect(await row('activity', map.activity.documentId)).toEqual({ views: 2, visitors: 2 });
    });

    it('counts exactly under concurrency: 40 visitors each asking 5 times at once, over two flushes', async () => {
      const path = `/api/organisations/${map.published.documentId}`;
      const before = await row('site', '');
      const visitors = Array.from({ length: 40 }, () => visitor());
      await Promise.all(visitors.flatMap((v) => Array.from({ length: 5 }, () => api().get(path).set(v).expect(200))));
      await Promise.all([flush(), flush()]);
      await Promise.all(visitors.map((v) => api().get(path).set(v).expect(200)));
      await flush();
      expect(await row('organisation', map.published.documentId)).toEqual({ views: 40, visitors: 40 });
      const after = await row('site', '');
      expect(after.visitors - before.visitors).toBe(40);
      expect(after.views - before.views).toBe(40);
    });

    it('counts a view but not the visitor for DNT or Sec-GPC, and a flood from one such client once', async () => {
      const path = `/api/initiatives/${map.initiative.documentId}`;
      const dnt = { ...visitor(), DNT: '1' };
      const gpc = { ...visitor(), 'Sec-GPC': '1' };
      const before = await row('site', '');
      for (let i = 0; i < 5; i++) await api().get(path).set(dnt).expect(200);
      await api().get(path).set(gpc).expect(200);
      await flush();
      expect(await row('initiative', map.initiative.documentId)).toEqual({ views: 2, visitors: 0 });
      expect((await row('site', '')).visitors).toBe(before.visitors);
    });

    it('does not count what is not public, a request with Authorization, HEAD, nor a list', async () => {
      const { jwt } = await resident();
      const headers = visitor();
      await api().get(`/api/organisations/${map.draft.documentId}`).set(headers).expect(404);
      await api().get(`/api/organisations/${map.archived.documentId}`).set(headers).expect(404);
      await api().get(`/api/activities/${map.orphanActivity.documentId}`).set({ ...headers, ...bearer(jwt) }).expect(200);
      await api().head(`/api/activities/${map.orphanActivity.documentId}`).set(headers).expect(200);
      await api().get(`/api/activities?filters[documentId][$eq]=${map.orphanActivity.documentId}`).set(headers).expect(200);
      await flush();
      expect(await row('organisation', map.draft.documentId)).toEqual({ views: 0, visitors: 0 });
      expect(await row('organisation', map.archived.documentId)).toEqual({ views: 0, visitors: 0 });
      expect(await row('activity', map.orphanActivity.documentId)).toEqual({ views: 0, visitors: 0 });
    });

    it('counts feeds and embeds by name', async () => {
      const before = { feed: await row('feed', 'latest.rss'), embed: await row('embed', 'activities') };
      await api().get('/api/feeds/latest.rss').set(visitor()).expect(200);
      await api().get('/embed/activities').set(visitor()).expect(200);
      await flush();
      expect((await row('feed', 'latest.rss')).views).toBe(before.feed.views + 1);
      expect((await row('embed', 'activities')).views).toBe(before.embed.views + 1);
    });
  });

  describe('the beacon', () => {
    const beacon = (body: unknown, headers = visitor()) => api().post('/api/stats/beacon').set(headers).send(body as object);

    it('counts a view of a public item, once per visitor, by singular or plural type', async () => {
      const organisation = await createDocument('api::organisation.organisation', { name: unique('Baken'), slug: unique('baken') });
      const headers = visitor();
      const res = await beacon({ type: 'organisation', documentId: organisation.documentId }, headers).expect(202);
      expect(res.body).toEqual({ data: { counted: true } });
      await beacon({ type: 'organisations', documentId: organisation.documentId }, headers).expect(202);
      // The same visitor opening the item over REST too is still one view.
      await api().get(`/api/organisations/${organisation.documentId}`).set(headers).expect(200);
      await beacon({ type: 'organisation', documentId: organisation.documentId }).expect(202);
      await flush();
      expect(await row('organisation', organisation.documentId)).toEqual({ views: 2, visitors: 2 });
    });

    it('refuses forged beacons: drafts, archived and unknown items are 404, odd bodies 400, and nothing is counted', async () => {
      const documentId = 'a'.repeat(24);
      const notFound = [map.draft.documentId, map.archived.documentId, documentId];
      for (const id of notFound) {
        const res = await beacon({ type: 'organisation', documentId: id }).expect(404);
        expect(res.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });
      }
      for (const body of [{}, { type: 'user', documentId }, { type: 'organisation', documentId: '../x' }, { type: 'organisation', documentId, extra: 1 }, [1], 'x']) {
        const res = await beacon(body).expect(400);
        expect(res.body.error.name).toBe('ValidationError');
      }
      await api().post('/api/stats/beacon').set('Content-Type', 'application/json').send('{"type":').expect(400);
      await flush();
      for (const id of notFound) expect(await row('organisation', id)).toEqual({ views: 0, visitors: 0 });
    });
  });

  describe('searches', () => {
    it('keeps the normalised text once per visitor, apart when nothing was found, and never an address', async () => {
      const word = madeUpWord();
      const headers = visitor();
      await api().get(`/api/search?q=${encodeURIComponent(`  ${word.toUpperCase()}!! `)}`).set(headers).expect(200);
      await api().get(`/api/search?q=${word}`).set(headers).expect(200);
      await api().get(`/api/search?q=${word}`).set(visitor()).expect(200);
      // A later page is the same search.
      await api().get(`/api/search?q=${word}&page=2`).set(visitor()).expect(200);
      await api().get(`/api/search?q=${encodeURIComponent(`${word}@example.org`)}`).set(visitor()).expect(200);
      await api().get(`/api/search?q=0612345678`).set(visitor()).expect(200);
      await flush();
      const rows = await knex()(SEARCHES).where('query', 'like', `%${word}%`);
      expect(rows.map((r: any) => [r.query, Number(r.searches), Number(r.zero_results)])).toEqual([[word, 2, 2]]);
      expect(await knex()(SEARCHES).where('query', 'like', '%0612345678%')).toEqual([]);

      const figures = await api().get('/api/stats/searches').set(bearer(staff)).query({ limit: 100 }).expect(200);
      expect(figures.body.data.zeroResults).toContainEqual({ query: word, searches: 2 });
      expect(figures.body.data.top).toEqual(expect.arrayContaining(figures.body.data.top.slice(0, 1)));
    });
  });

  describe('reading the figures', () => {
    it('answers an item\'s days, every day in the range, with zeros where nothing was counted', async () => {
      const today = townDay();
      const from = addDays(today, -2);
      await knex()(DAILY).insert({ day: addDays(today, -1), kind: 'activity', item: map.activity.documentId, views: 7, visitors: 5 });
      const res = await api().get(`/api/stats/items/activity/${map.activity.documentId}`).query({ from, to: today }).set(bearer(staff)).expect(200);
      const todays = await row('activity', map.activity.documentId);
      expect(res.body.data).toEqual({
        type: 'activity',
        documentId: map.activity.documentId,
        from,
        to: today,
        views: 7 + todays.views,
        uniqueVisitors: 5 + todays.visitors,
        days: [
          { date: from, views: 0, uniqueVisitors: 0 },
          { date: addDays(today, -1), views: 7, uniqueVisitors: 5 },
          { date: today, views: todays.views, uniqueVisitors: todays.visitors },
        ],
      });
      // The REST path's plural works too.
      await api().get(`/api/stats/items/activities/${map.activity.documentId}`).set(bearer(staff)).expect(200);
    });

    it('gives the overview: series by week, top items with their titles, channels, participation and new listings', async () => {
      const res = await api().get('/api/stats/overview').query({ interval: 'week' }).set(bearer(staff)).expect(200);
      const data = res.body.data;
      expect(data.to).toBe(townDay());
      expect(data.from).toBe(addDays(townDay(), -29));
      expect(data.series.every((p: any) => new Date(`${p.start}T00:00:00Z`).getUTCDay() === 1 || p.start === data.series[0].start)).toBe(true);
      expect(data.views).toBe(data.series.reduce((sum: number, p: any) => sum + p.views, 0));
      expect(data.topItems).toContainEqual({ type: 'organisation', documentId: map.published.documentId, title: map.published.name, views: expect.any(Number), uniqueVisitors: expect.any(Number) });
      expect(data.channels).toContainEqual(expect.objectContaining({ type: 'feed', name: 'latest.rss' }));
      expect(data.participation).toEqual({ activeAccounts: expect.any(Number), accounts: expect.any(Number), share: expect.any(Number) });
      expect(data.participation.share).toBeLessThanOrEqual(1);
      expect(data.newOrganisations).toBeGreaterThanOrEqual(3);
      expect(data.newActivities).toBeGreaterThanOrEqual(2);
      // The series splits the new listings over the weeks; this week has the ones the suite made.
      expect(data.series.reduce((sum: number, p: any) => sum + p.newOrganisations, 0)).toBe(data.newOrganisations);
      expect(data.series.reduce((sum: number, p: any) => sum + p.newActivities, 0)).toBe(data.newActivities);
      expect(data.series.at(-1).newOrganisations).toBeGreaterThanOrEqual(3);
    });

    it('counts a resident who supported an initiative as taking part', async () => {
      const range = { from: townDay(), to: townDay() };
      const overview = async () => (await api().get('/api/stats/overview').query(range).set(bearer(staff)).expect(200)).body.data;
      const before = await overview();
      const { jwt } = await resident();
      await api().post(`/api/idea-support/initiatives/${map.initiative.documentId}/support`).set(bearer(jwt)).expect(200);
      const after = await overview();
      expect(after.participation.activeAccounts).toBe(before.participation.activeAccounts + 1);
      expect(after.participation.accounts).toBe(before.participation.accounts + 1);
      // Today's point of the series counts them too.
      expect(after.series).toEqual([expect.objectContaining({ start: townDay(), activeAccounts: before.series[0].activeAccounts + 1 })]);
    });

    it('exports the daily figures as CSV with titles safe for spreadsheets', async () => {
      const sneaky = await createDocument('api::activity.activity', { title: `=HYPERLINK("https://formula.test/","${unique('klik')}")`, slug: unique('formule') });
      await api().get(`/api/activities/${sneaky.documentId}`).set(visitor()).expect(200);
      await flush();
      const res = await api().get('/api/stats/daily.csv').query({ from: townDay(), to: townDay() }).set(bearer(staff)).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="buurtplein-stats-${townDay()}-${townDay()}.csv"`);
      const lines = res.text.trim().split('\n');
      expect(lines[0]).toBe('date,type,id,title,views,uniqueVisitors');
      const line = lines.find((l) => l.includes(sneaky.documentId));
      expect(line).toBe(`${townDay()},activity,${sneaky.documentId},"'${sneaky.title.replace(/"/g, '""')}",1,1`);
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^${townDay()},site,,,\\d+,\\d+$`)));
      await api().get('/api/stats/daily.csv').query({ from: 'gisteren' }).set(bearer(staff)).expect(400);
      await api().get('/api/stats/daily.csv').expect(403);
    });

    it('is for staff only: no token, a resident, a read-only token and an admin session\'s JWT as a bearer are refused', async () => {
      const { jwt } = await resident();
      const readOnly = await token('read-only');
      for (const path of ['/api/stats/overview', '/api/stats/searches', '/api/stats/daily.csv', `/api/stats/items/activity/${map.activity.documentId}`]) {
        await api().get(path).expect(403);
        await api().get(path).set(bearer(jwt)).expect(403);
        await api().get(path).set(bearer(readOnly)).expect(403);
        await api().get(path).set(bearer(await adminToken())).expect(401);
      }
    });

    it('answers the admin panel with the admin session', async () => {
      const admin = await adminToken();
      const res = await api().get('/buurtplein/stats/overview').set(bearer(admin)).expect(200);
      expect(res.body.data).toHaveProperty('uniqueVisitors');
      await api().get('/buurtplein/stats/overview').expect(401);
    });

    it.each([
      ['from=2026-02-30', 'from'],
      ['to=yesterday', 'to'],
      ['from=2026-05-02&to=2026-05-01', 'from'],
      ['from=1900-01-01&to=1900-01-02', 'from'],
      ['from=2020-01-01&to=2026-01-01', 'to'],
      ['to=9999-12-31', 'to'],
      ['interval=year', 'interval'],
      ['from[$gt]=1', 'from'],
    ])('answers 400 to the overview with %s', async (query, path) => {
      const res = await api().get(`/api/stats/overview?${query}`).set(bearer(staff)).expect(400);
      expect(res.body.error).toMatchObject({ status: 400, name: 'ValidationError', details: { errors: [expect.objectContaining({ path: [path] })] } });
    });

    it('answers 400 to unknown parameters, types and limits, and 404 to an unknown document', async () => {
      await api().get('/api/stats/overview?sort=views').set(bearer(staff)).expect(400);
      await api().get('/api/stats/searches?limit=1000').set(bearer(staff)).expect(400);
      await api().get(`/api/stats/items/user/${map.activity.documentId}`).set(bearer(staff)).expect(400);
      await api().get('/api/stats/items/activity/not-an-id').set(bearer(staff)).expect(400);
      await api().get(`/api/stats/items/activity/${'b'.repeat(24)}`).set(bearer(staff)).expect(404);
    });
  });

  describe('organisations see their reach', () => {
    it('lists this quarter\'s views of each of their organisations in /api/my/organisations', async () => {
      const { organisation, jwt } = await editor();
      const reachOf = async () => {
        const listed = (await api().get('/api/my/organisations').set(bearer(jwt)).expect(200)).body.data;
        return listed.find((org: any) => org.documentId === organisation.documentId).reach;
      };
      const quarter = quarterOf(townDay());
      expect(await reachOf()).toEqual({ quarter: quarter.name, from: quarter.from, to: quarter.to, views: 0 });
      await api().get(`/api/organisations/${organisation.documentId}`).set(visitor()).expect(200);
      await api().post('/api/stats/beacon').set(visitor()).send({ type: 'organisation', documentId: organisation.documentId }).expect(202);
      await flush();
      expect((await reachOf()).views).toBe(2);
    });
  });

  describe('the quarterly reminder', () => {
    const compose = (documentId: string, language: 'nl' | 'en') =>
      strapi().plugin('listing-reminders').service('reminders').compose({ documentId, name: 'Wandelclub', email: 'club@example.org', language }, '2026-Q4');

    it('tells an organisation how often its listing was viewed last quarter, in its language', async () => {
      const organisation = await createDocument('api::organisation.organisation', { name: unique('Bereik'), slug: unique('bereik') });
      const lastQuarter = addDays(quarterOf(townDay()).from, -1);
      await knex()(DAILY).insert([
        { day: lastQuarter, kind: 'organisation', item: organisation.documentId, views: 1200, visitors: 900 },
        // This quarter's views are not last quarter's.
        { day: townDay(), kind: 'organisation', item: organisation.documentId, views: 5, visitors: 5 },
      ]);
      expect((await compose(organisation.documentId, 'nl')).text).toContain('Zo staat er alleen actuele informatie op. In het afgelopen kwartaal is je vermelding 1.200 keer bekeken.\n');
      expect((await compose(organisation.documentId, 'en')).text).toContain('Last quarter your listing was viewed 1,200 times.');
    });

    it('leaves the sentence out while nothing is counted', async () => {
      await counting().stop();
      try {
        const { text, html } = await compose(map.published.documentId, 'nl');
        expect(text).not.toMatch(/bekeken|\{\{/);
        expect(text).toContain('Zo staat er alleen actuele informatie op.\n');
        expect(html).not.toContain('{{');
      } finally {
        await counting().start();
      }
    });
  });

  describe('privacy and retention', () => {
    it('stores counts only: no address, user agent or visitor hash in the tables', async () => {
      const marker = unique('Agent');
      await api().get(`/api/activities/${map.activity.documentId}`).set({ 'User-Agent': marker }).expect(200);
      await flush();
      const columns = async (table: string) => Object.keys(await knex()(table).columnInfo()).sort();
      expect(await columns(DAILY)).toEqual(['day', 'item', 'kind', 'views', 'visitors']);
      expect(await columns(SEARCHES)).toEqual(['day', 'query', 'searches', 'zero_results']);
      const everything = JSON.stringify([await knex()(DAILY).select(), await knex()(SEARCHES).select()]);
      expect(everything).not.toContain(marker);
      expect(everything).not.toContain('127.0.0.1');
    });

    it('deletes daily figures older than STATS_RETENTION_DAYS', async () => {
      const { retentionDays } = strapi().config.get('buurtplein.stats') as { retentionDays: number };
      const old = addDays(townDay(), -retentionDays - 1);
      const kept = addDays(townDay(), -retentionDays);
      await knex()(DAILY).insert([
        { day: old, kind: 'feed', item: 'retention', views: 1, visitors: 1 },
        { day: kept, kind: 'feed', item: 'retention', views: 1, visitors: 1 },
      ]);
      await knex()(SEARCHES).insert({ day: old, query: 'retention', searches: 1, zero_results: 0 });
      await counting().deleteOldDays();
      expect((await knex()(DAILY).where({ item: 'retention' })).map((r: any) => r.day)).toEqual([kept]);
      expect(await knex()(SEARCHES).where({ query: 'retention' })).toEqual([]);
    });

    it('counts nothing with STATS_ENABLED=false, and counts again when it is back on', async () => {
      const path = `/api/initiatives/${map.initiative.documentId}`;
      const before = await row('initiative', map.initiative.documentId);
      await counting().stop();
      strapi().config.set('buurtplein.stats.enabled', false);
      try {
        await counting().start();
        await api().get(path).set(visitor()).expect(200);
        const res = await api().post('/api/stats/beacon').set(visitor()).send({ type: 'initiative', documentId: map.initiative.documentId }).expect(202);
        expect(res.body.data.counted).toBe(false);
        await flush();
        expect(await row('initiative', map.initiative.documentId)).toEqual(before);
      } finally {
        await counting().stop();
        strapi().config.set('buurtplein.stats.enabled', true);
        await counting().start();
      }
      await api().get(path).set(visitor()).expect(200);
      await flush();
      expect((await row('initiative', map.initiative.documentId)).views).toBe(before.views + 1);
    });
  });
});
