import { api } from '../helpers/fixtures';

const expectStrapiError = (res: { status: number; body: any }, status: number) => {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ data: null, error: { status, name: expect.any(String), message: expect.any(String) } });
};

describe('bad input to the REST API answers 4xx in Strapi error shape, never 500', () => {
  it('malformed JSON body', async () => {
    const res = await api().post('/api/auth/local').set('Content-Type', 'application/json').send('{"identifier": "a@b.c",');
    expectStrapiError(res, 400);
  });

  it.each([
    ['unknown filter operator', '/api/activities?filters[title][$like]=x'],
    ['unknown field in filters', '/api/activities?filters[nope][$eq]=x'],
    ['negative page', '/api/activities?pagination[page]=-1'],
    ['page zero', '/api/activities?pagination[page]=0'],
    ['non-numeric page size', '/api/activities?pagination[pageSize]=abc'],
    ['mixed pagination styles', '/api/activities?pagination[page]=1&pagination[limit]=5'],
    ['unknown sort field', '/api/activities?sort=nope:asc'],
    ['unknown query parameter', '/api/activities?frobnicate=1'],
    ['unknown populate relation', '/api/activities?populate=nope'],
    ['populate five levels deep', '/api/activities?populate[organisation][populate][activities][populate][organisation][populate][activities][populate][organisation]=true'],
    ['dotted populate five levels deep', '/api/activities?populate=organisation.activities.organisation.activities.organisation'],
    ['unknown locale value type', '/api/activities?locale[0]=nl&locale[1]=en'],
  ])('%s', async (_name, url) => {
    const res = await api().get(url);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expectStrapiError(res, res.status);
  });

  it.each([
    '/api/map/activities.geojson',
    '/api/map/organisations.geojson',
    '/api/feeds/activities.ics',
    '/api/feeds/latest.rss',
    '/api/agenda',
    '/api/search?q=koffie',
    '/embed/activities',
    '/api/idea-support/ranking',
    '/api/activities/abcdefghijklmnopqrstuvwx/jsonld',
    '/api/export/organisations.csv',
    '/api/export/hsds',
    '/api/idea-support/initiatives/abcdefghijklmnopqrstuvwx/support',
    '/api/idea-support/initiatives/abcdefghijklmnopqrstuvwx/comments',
  ])('an unknown parameter on %s is a 400 naming it, not a new cache entry', async (url) => {
    const res = await api().get(`${url}${url.includes('?') ? '&' : '?'}junk=${Math.random()}`);
    expectStrapiError(res, 400);
    expect(res.body.error.message).toMatch(/junk/);
  });

  it('allows four levels of populate', async () => {
    await api()
      .get('/api/activities?populate[organisation][populate][activities][populate][organisation][populate]=categories')
      .expect(200);
  });

  it('404 on an unknown documentId and on an unknown route', async () => {
    expectStrapiError(await api().get('/api/activities/doesnotexist0000000000000'), 404);
    expectStrapiError(await api().get('/api/nothing-here'), 404);
  });

  it('403 for writes the public role may not do', async () => {
    const res = await api().post('/api/activities').send({ data: { title: 'x' } });
    expectStrapiError(res, 403);
    expectStrapiError(await api().delete('/api/organisations/abc'), 403);
  });
});
