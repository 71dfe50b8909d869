import jwt from 'jsonwebtoken';
import { totpCode } from '../../src/api/account/lib/totp';
import { api, bearer, createUser, loginByEmail, tokenFromMail, unique } from '../helpers/fixtures';
import { mailSink, strapi } from '../helpers/strapi';

const USER = 'plugin::users-permissions.user';
const TOKEN = 'api::account.one-time-token';

describe('login by email link', () => {
  it('answers the same for known and unknown addresses, and both get a working link', async () => {
    const known = await createUser();
    const unknownEmail = `${unique('new')}@resident.example`;
    const a = await api().post('/api/auth/magic-link').send({ email: known.email }).expect(200);
    const b = await api().post('/api/auth/magic-link').send({ email: unknownEmail }).expect(200);
    expect(a.body).toEqual(b.body);
    expect(a.body).toEqual({ data: { sent: true }, meta: {} });

    const knownLink = await tokenFromMail(known.email, /inloglink/);
    const login = await api().post('/api/auth/magic-link/callback').send({ token: knownLink.value }).expect(200);
    expect(login.body).toEqual({ jwt: expect.any(String), user: expect.objectContaining({ id: known.id, email: known.email }) });
    expect(login.body.user.password).toBeUndefined();
    await api().get('/api/users/me').set(bearer(login.body.jwt)).expect(200);

    const newLink = await tokenFromMail(unknownEmail, /inloglink/);
    const created = await api().post('/api/auth/magic-link/callback').send({ token: newLink.value }).expect(200);
    expect(created.body.user).toMatchObject({ email: unknownEmail, confirmed: true });
  });

  it('answers in similar time for known and unknown addresses', async () => {
    const known = await createUser();
    const time = async (email: string) => {
      const start = process.hrtime.bigint();
      await api().post('/api/auth/magic-link').send({ email }).expect(200);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)];
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < 15; i++) {
      knownTimes.push(await time(known.email));
      unknownTimes.push(await time(`${unique('nobody')}@resident.example`));
    }
    // The answer is sent before anything about the address is looked up; only noise separates the two.
    expect(Math.abs(median(knownTimes) - median(unknownTimes))).toBeLessThan(25);
  });

  it('has the same response shape as the password login', async () => {
    const person = await createUser();
    const byPassword = await api().post('/api/auth/local').send({ identifier: person.email, password: 'Secret-Passw0rd' }).expect(200);
    const byLink = await loginByEmail(person.email);
    expect(Object.keys(byLink).sort()).toEqual(Object.keys(byPassword.body).sort());
    expect(Object.keys(byLink.user).sort()).toEqual(Object.keys(byPassword.body.user).sort());
  });

  it('refuses a used, an expired and a forged link with a clear 400', async () => {
    const person = await createUser();
    await api().post('/api/auth/magic-link').send({ email: person.email }).expect(200);
    const { value } = await tokenFromMail(person.email, /inloglink/);
    await api().post('/api/auth/magic-link/callback').send({ token: value }).expect(200);
    const used = await api().post('/api/auth/magic-link/callback').send({ token: value }).expect(400);
    expect(used.body.error).toMatchObject({ name: 'ValidationError', message: expect.stringMatching(/already been used/), details: { reason: 'used', code: 'link.used' } });

    mailSink().clear();
    await api().post('/api/auth/magic-link').send({ email: person.email }).expect(200);
    const second = await tokenFromMail(person.email, /inloglink/);
    await strapi().db.query(TOKEN).updateMany({ where: { email: person.email, usedAt: { $null: true } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await api().post('/api/auth/magic-link/callback').send({ token: second.value }).expect(400);
    expect(expired.body.error.details).toMatchObject({ reason: 'expired', code: 'link.expired' });

    const forged = await api().post('/api/auth/magic-link/callback').send({ token: 'x'.repeat(43) }).expect(400);
    expect(forged.body.error.details).toMatchObject({ reason: 'invalid', code: 'link.invalid' });
    await api().post('/api/auth/magic-link/callback').send({}).expect(400);
    const badEmail = await api().post('/api/auth/magic-link').send({ email: 'not an email' }).expect(400);
    expect(badEmail.body.error.details.code).toBe('validation');
  });

  it('lets exactly one of two simultaneous uses of a link succeed', async () => {
    const person = await createUser();
    mailSink().clear();
    await api().post('/api/auth/magic-link').send({ email: person.email }).expect(200);
    const { value } = await tokenFromMail(person.email, /inloglink/);
    const results = await Promise.all([1, 2, 3].map(() => api().post('/api/auth/magic-link/callback').send({ token: value })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400]);
  });

  it('speaks with the town\'s voice: je by default, u when MAIL_FORM_OF_ADDRESS=u', async () => {
    const informal = `${unique('je')}@resident.example`;
    await api().post('/api/auth/magic-link').send({ email: informal }).expect(200);
    expect((await tokenFromMail(informal, /inloglink/)).mail.subject).toBe('Je inloglink voor buurtplein');
    strapi().config.set('buurtplein.formOfAddress', 'u');
    try {
      const formal = `${unique('u')}@resident.example`;
      await api().post('/api/auth/magic-link').send({ email: formal }).expect(200);
      const { mail } = await tokenFromMail(formal, /inloglink/);
      expect(mail.subject).toBe('Uw inloglink voor buurtplein');
      expect(mail.text).toContain('Heeft u niet om deze link gevraagd? Dan kunt u deze mail negeren.');
    } finally {
      strapi().config.set('buurtplein.formOfAddress', 'je');
    }
  });

  it('carries the page to come back to in the link, so another browser lands there too', async () => {
    const email = `${unique('next')}@resident.example`;
    await api().post('/api/auth/magic-link').send({ email, next: '/initiative.html?slug=bankjes&lang=nl' }).expect(200);
    const { link } = await tokenFromMail(email, /inloglink/);
    expect(new URL(link).pathname).toBe('/login/email');
    expect(new URL(link).searchParams.get('next')).toBe('/initiative.html?slug=bankjes&lang=nl');
  });

  it.each(['//evil.example/manage/', 'https://evil.example/', '/\\evil.example', 'manage/', '/a\nb', ['/manage/'], { path: '/' }])(
    'refuses a next (%j) that could lead off the website, and mails nothing',
    async (next) => {
      const email = `${unique('evil-next')}@resident.example`;
      const res = await api().post('/api/auth/magic-link').send({ email, next }).expect(400);
      expect(res.body.error).toMatchObject({ name: 'ValidationError' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(mailSink().messages.filter((mail) => mail.to.includes(email))).toEqual([]);
    }
  );

  it('writes the mail in English when asked', async () => {
    const email = `${unique('en')}@resident.example`;
    await api().post('/api/auth/magic-link').send({ email, language: 'en' }).expect(200);
    const { mail } = await tokenFromMail(email, /login link/);
    expect(mail.text).toContain('30 minutes');
  });
});

describe('password login and "forgot everything"', () => {
  it('registers, forgets the password, resets it from the mail and logs in again', async () => {
    const email = `${unique('pw')}@resident.example`;
    const registered = await api().post('/api/auth/local/register').send({ username: unique('pw'), email, password: 'First-Passw0rd' }).expect(200);
    expect(registered.body).toEqual({ email, sent: true });
    // Nothing to log in to until the address is confirmed from the mail.
    await api().post('/api/auth/local').send({ identifier: email, password: 'First-Passw0rd' }).expect(400);
    const confirmation = await tokenFromMail(email, /Bevestig je e-mailadres/);
    const confirmed = await api().post('/api/auth/magic-link/callback').send({ token: confirmation.value }).expect(200);
    expect(confirmed.body.user).toMatchObject({ email, confirmed: true });
    await api().post('/api/auth/local').send({ identifier: email, password: 'First-Passw0rd' }).expect(200);

    const forgot = await api().post('/api/auth/forgot-password').send({ email }).expect(200);
    const unknown = await api().post('/api/auth/forgot-password').send({ email: `${unique('ghost')}@resident.example` }).expect(200);
    expect(forgot.body).toEqual(unknown.body);
    const { value: code, link } = await tokenFromMail(email, /Nieuw wachtwoord/, 'code');
    expect(link.startsWith('http://frontend.test/reset-password?code=')).toBe(true);

    const reset = await api()
      .post('/api/auth/reset-password')
      .send({ code, password: 'Second-Passw0rd', passwordConfirmation: 'Second-Passw0rd' })
      .expect(200);
    expect(reset.body.jwt).toEqual(expect.any(String));
    await api().post('/api/auth/local').send({ identifier: email, password: 'First-Passw0rd' }).expect(400);
    await api().post('/api/auth/local').send({ identifier: email, password: 'Second-Passw0rd' }).expect(200);
    await api().post('/api/auth/reset-password').send({ code, password: 'Third-Passw0rd', passwordConfirmation: 'Third-Passw0rd' }).expect(400);
  });
});

describe('two-factor login (TOTP)', () => {
  const password = 'Secret-Passw0rd';
  const at = (offsetSteps: number) => Date.now() + offsetSteps * 30_000;

  it('is set up with a JWT, then asked for at every login; a code works once', async () => {
    const person = await createUser();
    const first = await api().post('/api/auth/local').send({ identifier: person.email, password }).expect(200);
    const setup = await api().post('/api/auth/2fa/setup').set(bearer(first.body.jwt)).send({}).expect(200);
    expect(setup.body.data.otpauthUri).toMatch(/^otpauth:\/\/totp\/buurtplein:/);
    const { secret } = setup.body.data;
    await api().post('/api/auth/2fa/enable').set(bearer(first.body.jwt)).send({ code: '000000' }).expect(400);
    await api().post('/api/auth/2fa/enable').set(bearer(first.body.jwt)).send({ code: totpCode(secret, at(-1)) }).expect(200);

    const challenged = await api().post('/api/auth/local').send({ identifier: person.email, password }).expect(200);
    expect(challenged.body).toEqual({ twoFactorRequired: true, challenge: expect.any(String) });
    await api().post('/api/auth/local').send({ identifier: person.email, password: 'wrong' }).expect(400);

    const code = totpCode(secret);
    const verified = await api().post('/api/auth/2fa/verify').send({ challenge: challenged.body.challenge, code }).expect(200);
    expect(verified.body).toMatchObject({ jwt: expect.any(String), user: { email: person.email, totpEnabled: true } });
    expect(verified.body.user.totpSecret).toBeUndefined();

    const again = await api().post('/api/auth/local').send({ identifier: person.email, password }).expect(200);
    const replay = await api().post('/api/auth/2fa/verify').send({ challenge: again.body.challenge, code }).expect(400);
    expect(replay.body.error.message).toMatch(/used already/);
    await api().post('/api/auth/2fa/verify').send({ challenge: challenged.body.challenge, code: totpCode(secret, at(1)) }).expect(401);

    // The email link asks for the second factor too.
    mailSink().clear();
    await api().post('/api/auth/magic-link').send({ email: person.email }).expect(200);
    const { value } = await tokenFromMail(person.email, /inloglink/);
    const byLink = await api().post('/api/auth/magic-link/callback').send({ token: value }).expect(200);
    expect(byLink.body.twoFactorRequired).toBe(true);
  });

  it('a role that requires 2FA makes setting it up part of the first login', async () => {
    const role = await strapi().db.query('plugin::users-permissions.role').create({ data: { name: unique('Staff-ish'), type: unique('strict'), requireTwoFactor: true } });
    const person = await createUser({ role: role.id });
    const login = await api().post('/api/auth/local').send({ identifier: person.email, password }).expect(200);
    expect(login.body).toEqual({ twoFactorSetupRequired: true, challenge: expect.any(String) });
    const setup = await api().post('/api/auth/2fa/enrol').send({ challenge: login.body.challenge }).expect(200);
    const done = await api()
      .post('/api/auth/2fa/verify')
      .send({ challenge: login.body.challenge, code: totpCode(setup.body.data.secret) })
      .expect(200);
    expect(done.body.jwt).toEqual(expect.any(String));
    await api().post('/api/auth/2fa/disable').set(bearer(done.body.jwt)).send({ code: totpCode(setup.body.data.secret, at(1)) }).expect(403);
    const stored = await strapi().db.query(USER).findOne({ where: { id: person.id } });
    expect(stored.totpEnabled).toBe(true);
  });

  it('operators can require it for a role type with TWO_FACTOR_ROLES', async () => {
    const type = unique('listed');
    const role = await strapi().db.query('plugin::users-permissions.role').create({ data: { name: type, type } });
    const person = await createUser({ role: role.id });
    await api().post('/api/auth/local').send({ identifier: person.email, password }).expect(200).expect((res) => expect(res.body.jwt).toBeDefined());
    strapi().config.set('buurtplein.twoFactorRoles', [type]);
    try {
      const login = await api().post('/api/auth/local').send({ identifier: person.email, password }).expect(200);
      expect(login.body.twoFactorSetupRequired).toBe(true);
    } finally {
      strapi().config.set('buurtplein.twoFactorRoles', []);
    }
  });

  it('expired challenges and links are cleaned up', async () => {
    const tokens = strapi().service('api::account.one-time-token') as any;
    await tokens.issue({ purpose: 'magic-link', email: 'old@resident.example', ttlMs: -2 * 24 * 3600 * 1000 });
    const before = await strapi().db.query(TOKEN).count({ where: { email: 'old@resident.example' } });
    await tokens.deleteExpired();
    expect(before).toBe(1);
    expect(await strapi().db.query(TOKEN).count({ where: { email: 'old@resident.example' } })).toBe(0);
  });
});

describe('access tokens', () => {
  // The session manager verifies with the secret as a KeyObject (src/cache/public-ability.ts):
  // it must take exactly the tokens the plain string secret signs, and nothing else.
  it('accepts a token signed with JWT_SECRET as a string, and refuses one signed with another secret', async () => {
    const user = await createUser();
    const secret = strapi().config.get('plugin::users-permissions.jwtSecret') as string;
    const payload = { userId: String(user.id), type: 'access' };
    const me = (token: string) => api().get('/api/users/me').set(bearer(token));
    expect((await me(jwt.sign(payload, secret, { algorithm: 'HS256', expiresIn: 60 })).expect(200)).body.id).toBe(user.id);
    await me(jwt.sign(payload, `${secret}x`, { algorithm: 'HS256', expiresIn: 60 })).expect(401);
    await me(jwt.sign({ ...payload, type: 'refresh' }, secret, { algorithm: 'HS256', expiresIn: 60 })).expect(401);
  });
});

describe('rate limits', () => {
  const limits = () => strapi().config.get('buurtplein.rateLimit') as { maxPerIp: number; maxPerEmail: number };
  let saved: { maxPerIp: number; maxPerEmail: number };

  beforeAll(() => {
    saved = { ...limits() };
  });
  afterAll(() => {
    strapi().config.set('buurtplein.rateLimit', { ...limits(), ...saved });
  });

  it('per email: the 4th request for one address within the window gets 429 with Retry-After', async () => {
    strapi().config.set('buurtplein.rateLimit', { ...limits(), maxPerEmail: 3 });
    const email = `${unique('flood')}@resident.example`;
    for (let i = 0; i < 3; i++) {
      await api().post('/api/auth/magic-link').set('X-Forwarded-For', `10.1.0.${i}`).send({ email }).expect(200);
    }
    const refused = await api().post('/api/auth/magic-link').set('X-Forwarded-For', '10.1.0.9').send({ email: email.toUpperCase() }).expect(429);
    expect(refused.body.error).toMatchObject({ status: 429, name: 'RateLimitError', details: { code: 'rate_limited' } });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await api().post('/api/auth/magic-link').send({ email: `${unique('other')}@resident.example` }).expect(200);
  });

  it('per IP: on login, registration, sign-up and invitations', async () => {
    strapi().config.set('buurtplein.rateLimit', { ...limits(), maxPerIp: 2, maxPerEmail: 1000 });
    const requests: [string, () => object][] = [
      ['/api/auth/local', () => ({ identifier: `${unique('x')}@r.example`, password: 'nope-nope' })],
      ['/api/auth/local/register', () => ({ username: unique('u'), email: `${unique('r')}@r.example`, password: 'Secret-Passw0rd' })],
      ['/api/organisations/sign-up', () => ({ data: {} })],
      ['/api/auth/forgot-password', () => ({ email: `${unique('f')}@r.example` })],
      ['/api/invitations/accept', () => ({ token: 'x'.repeat(43) })],
    ];
    for (const [url, body] of requests) {
      const ip = `10.2.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
      for (let i = 0; i < 2; i++) {
        const res = await api().post(url).set('X-Forwarded-For', ip).send(body());
        expect([url, res.status]).not.toEqual([url, 429]);
      }
      const refused = await api().post(url).set('X-Forwarded-For', ip).send(body());
      expect([url, refused.status]).toEqual([url, 429]);
    }
  });
});
