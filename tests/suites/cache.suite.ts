import type { PublicCache } from '../../src/cache';
import { documentScope, EVERYTHING } from '../../src/cache/scopes';
import { api, bearer, createDocument, createSocialMap, resident, unique } from '../helpers/fixtures';
import { FRONTEND_URL, strapi } from '../helpers/strapi';

type Map = Awaited<ReturnType<typeof createSocialMap>>;
const ACTIVITY = 'api::activity.activity';

/** SQL statements the app sends while `run` runs. */
async function statementsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const listener = (query: { sql: string }) => seen.push(query.sql);
  strapi().db.connection.on('query', listener);
  try {
    await run();
  } finally {
    strapi().db.connection.off('query', listener);
  }
  return seen;
}

async function staffToken() {
  const token = await strapi().service('admin::api-token').create({ name: unique('staff'), type: 'full-access', lifespan: null });
  return token.accessKey as string;
}

// The app's own module instance (tests load src/ separately from Strapi's dist/).
const cache = () => strapi().get('buurtplein.cache') as PublicCache;
/** A filter that changes nothing but the URL, so each test starts with an empty cache entry. */
const fresh = () => `filters[documentId][$ne]=${unique('x')}`;

const titlesOf = (body: { data: { title: string }[] }) => body.data.map((a) => a.title);

describe('public response cache', () => {
  let map: Map;
  let list: string;

  beforeAll(async () => {
    map = await createSocialMap();
  });
  // A URL of its own per test, so no test sees another's entries.
  beforeEach(() => {
    list = `/api/activities?filters[slug][$containsi]=${map.tag}&sort=title&pagination[pageSize]=50&${fresh()}`;
  });

  it('answers MISS, then HIT with the same bytes, ETag and public Cache-Control', async () => {
    const first = await api().get(list).expect(200);
    expect(first.headers['x-cache']).toBe('MISS');
    expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    expect(first.headers.vary).toMatch(/Authorization/);
    const second = await api().get(list).expect(200);
    expect(second.headers['x-cache']).toBe('HIT');
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.text).toBe(first.text);
    expect(titlesOf(second.body)).toEqual([map.activity.title, map.orphanActivity.title].sort());
  });

  it('answers 304 without a body to a matching If-None-Match, from the cache and from a fresh answer', async () => {
    const { headers } = await api().get(list).expect(200);
    const hit = await api().get(list).set('If-None-Match', headers.etag).expect(304);
    expect(hit.text).toBe('');
    expect(hit.headers['x-cache']).toBe('HIT');
    expect(hit.headers.etag).toBe(headers.etag);

    await cache().store()!.bump([EVERYTHING]); // nothing changed, but the cache is empty again
    const miss = await api().get(list).set('If-None-Match', `"other", W/${headers.etag}`).expect(304);
    expect(miss.headers['x-cache']).toBe('MISS');
    await api().get(list).set('If-None-Match', '"other"').expect(200);
  });

  it('puts ETag and 304 on public answers it does not keep too', async () => {
    const path = `/api/idea-support/initiatives/${map.initiative.documentId}/comments`;
    const first = await api().get(path).expect(200);
    expect(first.headers.etag).toBeDefined();
    expect(first.headers['x-cache']).toBeUndefined();
    await api().get(path).set('If-None-Match', first.headers.etag).expect(304);
  });

  it('serves the new content after an update and a publish through the Document Service', async () => {
    await api().get(list).expect(200);
    const title = `Renamed ${unique('a')}`;
    await strapi().documents(ACTIVITY).update({ documentId: map.activity.documentId, locale: 'nl', data: { title } } as any);
    await strapi().documents(ACTIVITY).publish({ documentId: map.activity.documentId, locale: 'nl' } as any);
    const afterUpdate = await api().get(list).expect(200);
    expect(afterUpdate.headers['x-cache']).toBe('MISS');
    expect(titlesOf(afterUpdate.body)).toContain(title);

    const draft = await createDocument(ACTIVITY, { title: `Draft ${map.tag}`, slug: `draft-${map.tag}` }, 'draft');
    await api().get(list).expect(200);
    expect(titlesOf((await api().get(list).expect(200)).body)).not.toContain(draft.title);
    await strapi().documents(ACTIVITY).publish({ documentId: draft.documentId, locale: 'nl' } as any);
    const afterPublish = await api().get(list).expect(200);
    expect(afterPublish.headers['x-cache']).toBe('MISS');
    expect(titlesOf(afterPublish.body)).toContain(draft.title);
  });

  it('serves the new content after a query-engine updateMany', async () => {
    await api().get(list).expect(200);
    expect((await api().get(list).expect(200)).headers['x-cache']).toBe('HIT');
    const title = `Bulk ${unique('b')}`;
    await strapi().db.query(ACTIVITY).updateMany({ where: { documentId: map.orphanActivity.documentId }, data: { title } });
    const after = await api().get(list).expect(200);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(titlesOf(after.body)).toContain(title);
  });

  it('serves the new content after a plugin announces a plain-SQL change on the event hub', async () => {
    const one = `/api/initiatives/${map.initiative.documentId}?${fresh()}`;
    await api().get(one).expect(200);
    // What idea-support does: change the row by SQL (no lifecycle sees it), then announce it.
    await strapi().db.connection('initiatives').where({ document_id: map.initiative.documentId }).update({ support_count: 41 });
    expect((await api().get(one).expect(200)).headers['x-cache']).toBe('HIT');
    await strapi().eventHub.emit('idea-support.count-changed', { uid: 'api::initiative.initiative', documentIds: [map.initiative.documentId] });
    const after = await api().get(one).expect(200);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body.data.supportCount).toBe(41);
  });

  it('starts new generations on writes to plugin types that mark themselves shown publicly, and only those', async () => {
    // Search mixes types: any content change may change it. An activity list holds activities only.
    const search = `/api/search?q=${unique('zoek')}`; // a search of its own: unknown parameters are refused there
    const afterWrite = async (write: () => Promise<unknown>) => {
      for (const path of [list, search]) await api().get(path).expect(200);
      await write();
      return Promise.all([list, search].map(async (path) => (await api().get(path).expect(200)).headers['x-cache']));
    };
    // A moderation report is never shown; idea-support's comments say they are (pluginOptions.buurtplein.shownPublicly).
    const report = { subjectType: unique('type'), subjectId: 1, userId: 1 };
    expect(await afterWrite(() => strapi().db.query('plugin::moderation.report').create({ data: report }))).toEqual(['HIT', 'HIT']);
    const comment = { initiative: map.initiative.documentId, body: 'Goed plan', status: 'visible' };
    expect(await afterWrite(() => strapi().db.query('plugin::idea-support.comment').create({ data: comment }))).toEqual(['HIT', 'MISS']);
  });

  it('never serves a staff token from the cache nor keeps its answers: drafts and archived items stay private', async () => {
    const token = await staffToken();
    const organisations = `/api/organisations?filters[slug][$containsi]=${map.tag}&sort=name&${fresh()}`;
    const names = (body: { data: { name: string }[] }) => body.data.map((o) => o.name);
    const drafts = `${organisations}&status=draft`;
    const staffDrafts = await api().get(drafts).set(bearer(token)).expect(200);
    expect(staffDrafts.headers['cache-control']).toBe('private, no-store');
    expect(staffDrafts.headers['x-cache']).toBeUndefined();
    expect(names(staffDrafts.body)).toEqual(expect.arrayContaining([map.draft.name, map.archived.name]));
    await api().get(drafts).expect(403);

    const publicAnswer = await api().get(organisations).expect(200);
    expect(publicAnswer.headers['x-cache']).toBe('MISS');
    expect(names(publicAnswer.body)).toEqual([map.published.name]);
    expect((await api().get(organisations).expect(200)).headers['x-cache']).toBe('HIT');
    const staffAgain = await api().get(organisations).set(bearer(token)).expect(200);
    expect(staffAgain.headers['x-cache']).toBeUndefined();
    expect(staffAgain.headers['cache-control']).toBe('private, no-store');
  });

  it('tells caches that answers to signed-in users are private', async () => {
    const { jwt } = await resident();
    const res = await api().get(list).set(bearer(jwt)).expect(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['x-cache']).toBeUndefined();
    expect(res.headers.etag).toBeUndefined();
  });

  it('does not keep error answers', async () => {
    const bad = `/api/activities?pagination[page]=0&${fresh()}`;
    for (let i = 0; i < 2; i++) {
      const res = await api().get(bad).expect(400);
      expect(res.headers['x-cache']).toBeUndefined();
      expect(res.headers.etag).toBeUndefined();
    }
  });
});

describe('what a change drops from the cache (#21)', () => {
  let map: Map;
  let other: { documentId: string };
  beforeAll(async () => {
    map = await createSocialMap();
    // Another activity in another bucket of documents (src/cache/scopes.ts), so only the edit itself decides.
    do other = await createDocument(ACTIVITY, { title: `Ander ${map.tag}`, slug: unique('ander') });
    while (documentScope(ACTIVITY, other.documentId) === documentScope(ACTIVITY, map.activity.documentId));
  });

  const cached = async (path: string) => (await api().get(path).expect(200)).headers['x-cache'];
  /** Every path read twice (kept), `change` made, then whether each is still kept. */
  async function keptAfter(paths: Record<string, string>, change: () => Promise<unknown>) {
    for (const path of Object.values(paths)) await cached(path);
    for (const path of Object.values(paths)) expect(await cached(path)).toBe('HIT');
    await change();
    const after: Record<string, string> = {};
    for (const [name, path] of Object.entries(paths)) after[name] = await cached(path);
    return after;
  }
  const paths = () => {
    const q = fresh();
    return {
      activity: `/api/activities/${map.activity.documentId}?${q}`,
      otherActivity: `/api/activities/${other.documentId}?${q}`,
      activities: `/api/activities?${q}`,
      organisation: `/api/organisations/${map.published.documentId}?${q}`,
      organisations: `/api/organisations?${q}`,
      subsidies: `/api/subsidies?${q}`,
      populated: `/api/activities?populate[organisation]=true&${q}`,
      search: `/api/search?q=${unique('zoek')}`,
    };
  };
  const rename = () =>
    strapi()
      .documents(ACTIVITY)
      .update({ documentId: map.activity.documentId, locale: 'nl', status: 'published', data: { title: `Nieuw ${unique('t')}` } } as any);

  it("an edit to one activity drops what can show it, and keeps other types' lists and other activities' pages", async () => {
    expect(await keptAfter(paths(), rename)).toEqual({
      activity: 'MISS',
      otherActivity: 'HIT',
      activities: 'MISS',
      organisation: 'HIT',
      organisations: 'HIT',
      subsidies: 'HIT',
      populated: 'MISS',
      search: 'MISS',
    });
  });

  it('a write it cannot place in a document drops every answer of that type', async () => {
    const write = () => strapi().db.query(ACTIVITY).updateMany({ where: { title: { $contains: map.tag } }, data: { cost: 3 } });
    expect(await keptAfter(paths(), write)).toMatchObject({ activity: 'MISS', otherActivity: 'MISS', activities: 'MISS', organisation: 'HIT', subsidies: 'HIT' });
  });

  it("a change to enrolment settings drops the activities' pages, which show the counts, and keeps the rest", async () => {
    // The enrolment suite shows the counts a page shows change with each enrolment, through this cache.
    const { activity, organisation, subsidies } = paths();
    const settings = () => strapi().db.query('api::enrolment.enrolment-settings' as any).create({ data: { activity: map.activity.documentId, open: true, capacity: 10 } });
    expect(await keptAfter({ activity, organisation, subsidies }, settings)).toEqual({ activity: 'MISS', organisation: 'HIT', subsidies: 'HIT' });
  });

  it('with CACHE_INVALIDATION=everything any change drops every answer, as before', async () => {
    strapi().config.set('buurtplein.cache.invalidation', 'everything');
    try {
      const kept = await keptAfter(paths(), rename);
      expect(Object.values(kept)).toEqual(Object.values(kept).map(() => 'MISS'));
    } finally {
      strapi().config.set('buurtplein.cache.invalidation', 'scoped');
    }
  });
});

describe('public role permissions without the database', () => {
  let map: Map;
  beforeAll(async () => {
    map = await createSocialMap();
  });

  it('reads neither the permissions nor the core store on a public findOne', async () => {
    await api().get(`/api/activities/${map.activity.documentId}`).expect(200); // warm
    const sql = await statementsDuring(() => api().get(`/api/activities/${map.activity.documentId}?${fresh()}`).expect(200));
    expect(sql.filter((s) => /up_permissions|up_roles|strapi_core_store_settings/.test(s))).toEqual([]);
    // The activity, and whether it takes enrolments (src/api/enrolment): nothing else.
    const tables = sql.filter((s) => /^select/i.test(s)).map((s) => /from (?:[`"]\w+[`"]\.)?[`"](\w+)[`"]/.exec(s)?.[1]);
    expect(tables).toEqual(['activities', 'enrolment_settings']);
  });

  it('applies a permission removed by staff at once, and its return too', async () => {
    const subsidies = `/api/subsidies?${fresh()}`;
    await api().get(subsidies).expect(200);
    expect((await api().get(subsidies).expect(200)).headers['x-cache']).toBe('HIT');
    const role = await strapi().db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const action = 'api::subsidy.subsidy.find';
    await strapi().db.query('plugin::users-permissions.permission').deleteMany({ where: { action, role: role.id } });
    try {
      const refused = await api().get(subsidies).expect(403);
      expect(refused.body.error.name).toBe('ForbiddenError');
    } finally {
      await strapi().db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
    }
    await api().get(subsidies).expect(200);
  });

  it("keeps a signed-in role's permissions per generation: one taken away applies at once, and its return too", async () => {
    const { jwt } = await resident();
    const mine = () => api().get('/api/my/enrolments').set(bearer(jwt));
    await mine().expect(200);
    const sql = await statementsDuring(() => mine().expect(200));
    expect(sql.filter((s) => /up_permissions/.test(s))).toEqual([]);
    const role = await strapi().db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
    const action = 'api::enrolment.enrolment.mine';
    await strapi().db.query('plugin::users-permissions.permission').deleteMany({ where: { action, role: role.id } });
    try {
      expect((await mine().expect(403)).body.error.name).toBe('ForbiddenError');
    } finally {
      await strapi().db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
    }
    await mine().expect(200);
  });
});

describe('cache in Redis', () => {
  const useRedis = async (url: string) => {
    strapi().config.set('buurtplein.cache.redisUrl', url);
    return cache().restart();
  };
  const until = async (condition: () => boolean) => {
    for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  afterAll(async () => {
    await useRedis('');
  });

  it('keeps and invalidates answers in Redis', async () => {
    const map = await createSocialMap();
    const store = await useRedis('redis://127.0.0.1:6379');
    await until(() => store.stamp([EVERYTHING]) !== null);
    const path = `/api/organisations/${map.published.documentId}?${fresh()}`;
    expect((await api().get(path).expect(200)).headers['x-cache']).toBe('MISS');
    expect((await api().get(path).expect(200)).headers['x-cache']).toBe('HIT');
    const name = `Renamed ${unique('o')}`;
    const organisations = strapi().documents('api::organisation.organisation');
    await organisations.update({ documentId: map.published.documentId, locale: 'nl', data: { name } } as any);
    await organisations.publish({ documentId: map.published.documentId, locale: 'nl' } as any);
    await until(() => store.stamp([EVERYTHING]) !== null);
    const after = await api().get(path).expect(200);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body.data.name).toBe(name);
  });

  it('answers uncached, never 500, while Redis is unreachable', async () => {
    await useRedis('redis://127.0.0.1:1');
    const path = `/api/categories?${fresh()}`;
    for (let i = 0; i < 2; i++) {
      const res = await api().get(path).expect(200);
      expect(res.headers['x-cache']).toBe('MISS');
      expect(res.headers.etag).toBeDefined();
    }
  });
});

describe('CORS', () => {
  it('allows the configured origin and no other', async () => {
    const allowed = await api().get('/api/categories').set('Origin', FRONTEND_URL).expect(200);
    expect(allowed.headers['access-control-allow-origin']).toBe(FRONTEND_URL);
    const other = await api().get('/api/categories').set('Origin', 'http://elsewhere.test');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await api().options('/api/categories').set('Origin', FRONTEND_URL).set('Access-Control-Request-Method', 'GET');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(FRONTEND_URL);
  });
});
