import fs from 'node:fs';
import path from 'node:path';
import { adminToken } from '../helpers/admin';
import { api, createUser, resident, unique } from '../helpers/fixtures';
import { requestFrom } from '../helpers/peer';
import { FRONTEND_URL, strapi } from '../helpers/strapi';

/** Who the client is, which origins get credentials, and when cookies are Secure (#14.5, #14.12). */

const PASSWORD = 'Secret-Passw0rd';
type Settings = { proxies: { enabled: boolean; trusted: string[] }; rateLimit: { maxPerIp: number; maxPerEmail: number } };
const setting = <K extends keyof Settings>(key: K) => strapi().config.get(`buurtplein.${key}`) as Settings[K];

describe('attack: choosing one\'s own IP with X-Forwarded-For (#14.5)', () => {
  let saved: Pick<Settings, 'proxies' | 'rateLimit'>;
  beforeAll(() => {
    saved = { proxies: { ...setting('proxies') }, rateLimit: { ...setting('rateLimit') } };
    // Only 127.0.0.1 is our proxy; 127.0.0.2 plays a client connecting directly.
    strapi().config.set('buurtplein.proxies', { enabled: true, trusted: ['127.0.0.1'] });
    strapi().config.set('buurtplein.rateLimit', { ...saved.rateLimit, maxPerIp: 2, maxPerEmail: 1000 });
  });
  afterAll(() => {
    strapi().config.set('buurtplein.proxies', saved.proxies);
    strapi().config.set('buurtplein.rateLimit', saved.rateLimit);
  });

  const login = (from: string, forwardedFor: string) =>
    requestFrom(from, 'POST', '/api/auth/local', { 'X-Forwarded-For': forwardedFor }, { identifier: `${unique('x')}@r.example`, password: 'nope-nope' });

  it('a direct client cannot pick a new IP per request', async () => {
    // A loopback address of its own, so earlier suites' counts on 127.0.0.2 do not matter.
    const from = `127.0.${Math.floor(Math.random() * 200) + 10}.${Math.floor(Math.random() * 200) + 10}`;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await login(from, `198.51.100.${i}`)).status);
    expect(statuses).toEqual([400, 400, 429]);
  });

  it('behind the trusted proxy, what the client wrote left of the proxy\'s entry changes nothing', async () => {
    const client = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await login('127.0.0.1', `10.9.9.${i}, ${client}`)).status);
    expect(statuses).toEqual([400, 400, 429]);
    // Another client behind the same proxy has a budget of its own.
    expect((await login('127.0.0.1', `203.0.114.${Math.floor(Math.random() * 250)}`)).status).toBe(400);
  });

  it('an IPv6 client behind the proxy cannot take a new address of its /64 per request', async () => {
    const hex = () => Math.floor(Math.random() * 0xffff).toString(16);
    const network = `2001:db8:${hex()}:${hex()}`;
    const statuses = [];
    for (const address of [`${network}::1`, `${network}:a:b:c:d`, `${network.toUpperCase()}:0:0:ffff:2`]) statuses.push((await login('127.0.0.1', address)).status);
    expect(statuses).toEqual([400, 400, 429]);
    // The next /64 is somebody else.
    expect((await login('127.0.0.1', `2001:db8:${hex()}:${hex()}::1`)).status).toBe(400);
  });

  it('X-Forwarded-Proto from a direct client does not make its cookie Secure; from the proxy it does', async () => {
    const person = await createUser();
    // Each behind-the-proxy login as a client of its own, so the low per-IP limit of this block does not interfere.
    const client = () => `203.0.113.${Math.floor(Math.random() * 250)}`;
    const cookieOf = async (from: string, proto: string) => {
      const headers = { 'X-Forwarded-Proto': proto, 'X-Forwarded-For': client() };
      const res = await requestFrom(from, 'POST', '/api/auth/local', headers, { identifier: person.email, password: PASSWORD });
      expect(res.status).toBe(200);
      return String(res.headers['set-cookie']);
    };
    expect(await cookieOf('127.0.0.3', 'https')).not.toMatch(/;\s*secure/i);
    expect(await cookieOf('127.0.0.1', 'https')).toMatch(/strapi_up_refresh=.*;\s*secure/i);
    // Plain HTTP through the proxy: not Secure, and the login still works.
    expect(await cookieOf('127.0.0.1', 'http')).not.toMatch(/;\s*secure/i);
  });
});

describe('attack: a fresh per-email budget from spellings of one mailbox (#14.5)', () => {
  let saved: Settings['rateLimit'];
  beforeAll(() => {
    saved = { ...setting('rateLimit') };
    strapi().config.set('buurtplein.rateLimit', { ...saved, maxPerIp: 1000, maxPerEmail: 2 });
  });
  afterAll(() => strapi().config.set('buurtplein.rateLimit', saved));

  it('plus tags, case, quotes and a trailing dot count as the same mailbox', async () => {
    const name = unique('ann').toLowerCase();
    const statuses = [];
    for (const email of [`${name}+1@mail.example`, `${name.toUpperCase()}@MAIL.example`, `"${name}"@mail.example`, `${name}+x@mail.example.`]) {
      statuses.push((await api().post('/api/auth/magic-link').send({ email })).status);
    }
    expect(statuses.slice(2)).toEqual([429, 429]);
    expect(statuses.slice(0, 2)).not.toContain(429);
    // Another mailbox still has its budget.
    expect((await api().post('/api/auth/magic-link').send({ email: `${unique('bob')}@mail.example` })).status).not.toBe(429);
  });
});

describe('attack: credentials for any origin (#14.12)', () => {
  it('only a listed origin gets credentials on the refresh route', async () => {
    const person = await createUser();
    const refreshCookie = async () =>
      String((await api().post('/api/auth/local').send({ identifier: person.email, password: PASSWORD }).expect(200)).headers['set-cookie']).split(';')[0];
    const evil = await api().post('/api/auth/refresh').set('Origin', 'https://evil.example').set('Cookie', await refreshCookie()).send({});
    expect(evil.headers['access-control-allow-origin']).not.toBe('https://evil.example');
    expect(evil.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await api().options('/api/auth/refresh').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();

    const site = await api().post('/api/auth/refresh').set('Origin', FRONTEND_URL).set('Cookie', await refreshCookie()).send({}).expect(200);
    expect(site.headers['access-control-allow-origin']).toBe(FRONTEND_URL);
    expect(site.headers['access-control-allow-credentials']).toBe('true');
  });
});

describe('attack: cache poisoning through Host (#14.6)', () => {
  // A URL of its own per test (a point nobody else asks about), so no earlier answer is in the cache.
  const feed = () => `/api/feeds/latest.rss?types=initiative&near=52.1,5.${Math.floor(Math.random() * 9000) + 1000}`;
  const selfLink = (rss: string) => /<atom:link href="([^"]+)" rel="self"/.exec(rss)?.[1]?.replace(/&amp;/g, '&');

  it('without PUBLIC_URL, an answer built from the Host header is never kept', async () => {
    expect(strapi().config.get('server.url')).toBeFalsy();
    const path = feed();
    const poisoned = await api().get(path).set('Host', 'evil.example').expect(200);
    expect(selfLink(poisoned.text)).toBe(`http://evil.example${path}`);
    expect(poisoned.headers['cache-control']).toBe('private, no-store');
    const honest = await api().get(path).expect(200);
    expect(honest.text).not.toContain('evil.example');
    expect(honest.headers['x-cache']).not.toBe('HIT');
  });

  it('with PUBLIC_URL, links come from it whatever Host or X-Forwarded-Host say, and the answer is shared', async () => {
    strapi().config.set('server.url', 'https://cms.example.org');
    try {
      const path = feed();
      const forged = await requestFrom('127.0.0.1', 'GET', path, { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-For': '203.0.113.7' });
      expect(selfLink(forged.text)).toBe(`https://cms.example.org${path}`);
      const next = await api().get(path).expect(200);
      expect(next.headers['x-cache']).toBe('HIT');
      expect(next.text).not.toContain('evil.example');
    } finally {
      strapi().config.set('server.url', '');
    }
  });
});

describe('attack: filling the disk with anonymous uploads (#14.7)', () => {
  const UPLOADS = path.resolve(__dirname, '../../.tmp/uploads');
  const waiting = () => (fs.existsSync(UPLOADS) ? fs.readdirSync(UPLOADS) : []);
  const file = Buffer.alloc(2 * 1024 * 1024, 'x');

  it('multipart to a route that takes no files is refused before anything is written', async () => {
    const { jwt } = await resident();
    for (const [path, auth] of [
      ['/api/organisations/sign-up', null],
      ['/api/auth/local', null],
      ['/api/my/activities', jwt],
      ['/api/activities', null],
    ] as const) {
      const req = api().post(path).attach('file', file, 'big.bin');
      const res = await (auth ? req.set('Authorization', `Bearer ${auth}`) : req);
      expect([path, res.status, res.body.error?.name]).toEqual([path, 415, 'UnsupportedMediaTypeError']);
    }
    expect(waiting()).toEqual([]);
  });

  it('the routes that take files refuse an upload without credentials unread, and remove every file whatever the answer', async () => {
    expect((await api().post('/api/upload').attach('files', file, 'a.bin')).status).toBe(401);
    const { jwt } = await resident();
    const staff = await adminToken();
    for (const [path, token, field] of [
      ['/api/upload', 'forged-token', 'files'],
      ['/api/upload', jwt, 'file'],
      ['/bulk-import/imports', jwt, 'file'],
      ['/bulk-import/imports', staff, 'other'],
      ['/upload/unstable/nothing', staff, 'files'],
    ] as const) {
      const res = await api().post(path).set('Authorization', `Bearer ${token}`).attach(field, file, 'big.csv');
      expect([path, field, res.status]).toEqual([path, field, expect.any(Number)]);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect([path, field, waiting()]).toEqual([path, field, []]);
    }
    // A staff import that succeeds leaves nothing behind either.
    const csv = `externalId;name\n${unique('up')};Upload ${unique('u')}\n`;
    await api().post('/bulk-import/imports').set('Authorization', `Bearer ${staff}`).field('dryRun', 'true').attach('file', Buffer.from(csv), 'orgs.csv').expect(200);
    expect(waiting()).toEqual([]);
  });
});
