import { ERROR_CODES } from '../../src/lib/error-codes';
import { api, createUser, editor } from '../helpers/fixtures';
import { strapi } from '../helpers/strapi';

const expectStrapiError = (res: { status: number; body: any }, status: number) => {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({ data: null, error: { status, name: expect.any(String), message: expect.any(String) } });
  // Every error answer carries a stable code a website translates (src/lib/error-codes.ts).
  expect(ERROR_CODES).toContain(res.body.error.details.code);
};

describe('bad input to the REST API answers 4xx in Strapi error shape, never 500', () => {
  it.each([
    ['malformed JSON', '{"identifier": "a@b.c",'],
    ['JSON that is no object', '1'],
  ])('a body that cannot be read (%s) is a 400, not an internal error in the log', async (_name, body) => {
    const logged = jest.spyOn(strapi().log, 'error');
    try {
      const res = await api().post('/api/auth/local').set('Content-Type', 'application/json').send(body);
      expectStrapiError(res, 400);
      expect(res.body.error).toMatchObject({ name: 'ValidationError', message: expect.stringMatching(/^The request body could not be read/) });
      expect(logged).not.toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
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
    // What Strapi itself turned into a 500 (#14.13):
    ['filters that are not an object', '/api/activities?filters=1'],
    ['$between with one value', '/api/activities?filters[latitude][$between]=a'],
    ['a start past any offset', '/api/activities?pagination[start]=1e20'],
    ['a huge start', '/api/activities?pagination[start]=100000000000000000000'],
    ['an operator where a value belongs', '/api/activities?filters[title][$eq][$ne]=1'],
    ['text compared with a number', '/api/activities?filters[id][$gt]=abc'],
    ['text compared with a related number', '/api/activities?filters[organisation][latitude][$lt]=north'],
    ['a text operator on a number', '/api/organisations?filters[latitude][$containsi]=5'],
    ['a NUL in a filter', '/api/activities?filters[title][$eq]=a%00b'],
    ['a date that is none', '/api/activities?filters[startsAt][$gt]=yesterday'],
    // Found by the fuzz suite:
    ['a NUL character as a document id', '/api/activities/%00'],
    ['a NUL character in a document id with fields', '/api/subsidies/a%00b?fields[0]=name'],
    ['a fraction straight on a relation filter', '/api/initiatives?filters[neighbourhood]=0.5'],
    ['a number past any id on a relation filter', '/api/initiatives?filters[neighbourhood]=1e20'],
    ['fields without a value', '/api/organisations?fields'],
    ['a path that is no valid percent-encoding', '/api/activities/%E0%A4%A'],
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

  it.each([
    ['an object for an email', '/api/auth/magic-link', { email: { $ne: null } }],
    ['a list for an email', '/api/auth/forgot-password', { email: ['a@b.example'] }],
    ['an object for a token', '/api/auth/magic-link/callback', { token: { a: 1 } }],
    ['a list for a challenge', '/api/auth/2fa/verify', { challenge: ['x'], code: '123456' }],
    ['an object for a code', '/api/auth/2fa/verify', { challenge: 'x'.repeat(43), code: { a: 1 } }],
    ['an object for an identifier', '/api/auth/local', { identifier: { a: 1 }, password: 'x' }],
    ['a constructor key on login', '/api/auth/local', { identifier: 'a@b.example', password: 'x', constructor: { prototype: { isAdmin: true } } }],
    ['a constructor key on a link', '/api/auth/magic-link', { email: 'a@b.example', constructor: 1 }],
    ['a prototype key', '/api/auth/magic-link', JSON.parse('{"email":"a@b.example","__proto__":{"admin":true}}')],
    ['deeply nested JSON on login', '/api/auth/local', JSON.parse(`${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`)],
    ['deeply nested JSON on reset', '/api/auth/reset-password', { code: JSON.parse(`${'['.repeat(3000)}1${']'.repeat(3000)}`), password: 'x' }],
    ['a NUL in a sign-up name', '/api/organisations/sign-up', { data: { name: 'Club\u0000', reminderEmail: 'r@club.example', contactEmail: 'c@club.example' } }],
    ['an object for a name', '/api/organisations/sign-up', { data: { name: { a: 1 }, reminderEmail: 'r@club.example', contactEmail: 'c@club.example' } }],
    ['a list for a username', '/api/auth/local/register', { username: ['a'], email: 'a@b.example', password: 'Secret-Passw0rd' }],
  ])('%s answers 400', async (_name, url, body) => {
    expectStrapiError(await api().post(url).send(body as object), 400);
  });

  it.each([
    ['a date that is none', { startsAt: 'not a date' }],
    ['a date past what a database holds', { startsAt: '275760-09-13T00:00:00Z' }],
    ['a year 99999', { startsAt: '+099999-01-01T00:00:00Z' }],
    ['an object for a date', { startsAt: { a: 1 } }],
    ['a number for a date', { startsAt: 1e20 }],
    ['a list for a date (yup read [1] as the year 2001)', { startsAt: [1] }],
    ['a day that does not exist (yup read it as 2 March)', { startsAt: '2027-02-30T10:00' }],
    ['a yes for a date', { startsAt: true }],
    ['an object for a title', { title: { a: 1 } }],
    ['a list for a title', { title: ['x'] }],
    ['a NUL in a title', { title: 'Wandelen\u0000' }],
  ])('a bad value on /api/my/activities (%s) answers 400', async (_name, data) => {
    const { jwt, organisation } = await editor();
    const res = await api().post('/api/my/activities').set('Authorization', `Bearer ${jwt}`).send({ data: { title: 'Wandelen', organisation: organisation.documentId, ...data } });
    expectStrapiError(res, 400);
    // Refused for the bad field itself (or, for NUL, by the guard in front), not for something else about the request.
    expect(JSON.stringify(res.body.error)).toMatch(new RegExp(`${Object.keys(data)[0]}|NUL`));
  });

  it('a password that is not valid Unicode is a 400, and the server lives on (bcryptjs looped on it until the process died)', async () => {
    const res = await api().post('/api/auth/local').set('Content-Type', 'application/json').send('{"identifier":"nobody@nowhere.example","password":"\\ud800x"}');
    expectStrapiError(res, 400);
    expect(res.body.error.message).toMatch(/not valid Unicode/);
    await api().get('/api/categories').expect(200);
  });

  it.each([
    ['nested $and filters', '/api/users/me?filters[%24and][0][%24and][0]=x'],
    ['a list for filters', '/api/users/me?filters[]='],
    ['text compared with a number', '/api/users/me?filters[id][%24gt]=abc'],
  ])('users-permissions\' /users/me with %s answers 400', async (_name, url) => {
    const user = await createUser();
    const login = await api().post('/api/auth/local').send({ identifier: user.email, password: 'Secret-Passw0rd' }).expect(200);
    expectStrapiError(await api().get(url).set('Authorization', `Bearer ${login.body.jwt}`), 400);
  });

  it('a NUL character as a session id to revoke answers 400', async () => {
    const user = await createUser();
    const login = await api().post('/api/auth/local').send({ identifier: user.email, password: 'Secret-Passw0rd' }).expect(200);
    expectStrapiError(await api().delete('/api/auth/sessions/%00').set('Authorization', `Bearer ${login.body.jwt}`), 400);
  });

  it('allows four levels of populate', async () => {
    await api()
      .get('/api/activities?populate[organisation][populate][activities][populate][organisation][populate]=categories')
      .expect(200);
  });

  it('404 on an unknown documentId and on an unknown route', async () => {
    const unknown = await api().get('/api/activities/doesnotexist0000000000000');
    expectStrapiError(unknown, 404);
    expect(unknown.body.error.details.code).toBe('not_found');
    expectStrapiError(await api().get('/api/nothing-here'), 404);
  });

  it('403 for writes the public role may not do', async () => {
    const res = await api().post('/api/activities').send({ data: { title: 'x' } });
    expectStrapiError(res, 403);
    expect(res.body.error.details.code).toBe('forbidden');
    expectStrapiError(await api().delete('/api/organisations/abc'), 403);
  });

  it('401 with the code auth.required for a token that is no longer (or never was) valid', async () => {
    const res = await api().get('/api/my/organisations').set('Authorization', 'Bearer not.a.token');
    expectStrapiError(res, 401);
    expect(res.body.error).toMatchObject({ message: 'Missing or invalid credentials', details: { code: 'auth.required' } });
  });
});
