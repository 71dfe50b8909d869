import { totpCode } from '../../src/api/account/lib/totp';
import { grantRolePermissions, NEVER_PUBLIC_ACTIONS } from '../../src/bootstrap/permissions';
import { ensureDisplayNames } from '../../src/bootstrap/display-names';
import { api, bearer, createDocument, createUser, loginByEmail, mintedSession, resident, tokenFromMail, unique } from '../helpers/fixtures';
import { mailSink, strapi } from '../helpers/strapi';

/**
 * The attacks of the account review (issue #14), each performed as the
 * attacker would, holding only part of what a login needs.
 */

const USER = 'plugin::users-permissions.user';
const PERMISSION = 'plugin::users-permissions.permission';
const PASSWORD = 'Secret-Passw0rd';
const ATTACKER_PASSWORD = 'Attacker-Passw0rd';
const at = (offsetSteps: number) => Date.now() + offsetSteps * 30_000;

const stored = (id: number) => strapi().db.query(USER).findOne({ where: { id } });
const accountsWith = (email: string) => strapi().db.query(USER).count({ where: { email } });
const passwordLogin = (identifier: string, password: string) => api().post('/api/auth/local').send({ identifier, password });
/** Mails to `to`, after waiting long enough for anything sent after the answer. */
const mailsTo = async (to: string) => {
  await new Promise((resolve) => setTimeout(resolve, 400));
  return mailSink().messages.filter((m) => m.to.includes(to));
};

/** A confirmed account with an authenticator in use; returns its secret. */
async function withAuthenticator() {
  const { user, jwt } = await resident();
  const setup = await api().post('/api/auth/2fa/setup').set(bearer(jwt)).send({}).expect(200);
  const secret: string = setup.body.data.secret;
  await api().post('/api/auth/2fa/enable').set(bearer(jwt)).send({ code: totpCode(secret, at(-1)) }).expect(200);
  return { user, jwt, secret };
}

async function challengeOf(email: string) {
  const res = await passwordLogin(email, PASSWORD).expect(200);
  expect(res.body).toEqual({ twoFactorRequired: true, challenge: expect.any(String) });
  return res.body.challenge as string;
}

describe('attack: two-factor bypass with a password alone (#14.1)', () => {
  it('a login challenge cannot enrol a new authenticator, with or without the setup routes', async () => {
    const { user, secret } = await withAuthenticator();
    const challenge = await challengeOf(user.email);

    const enrol = await api().post('/api/auth/2fa/enrol').send({ challenge }).expect(401);
    expect(enrol.body.error).toMatchObject({ status: 401, details: { reason: 'challenge' } });
    // The session routes are closed to a caller without a session, challenge or not.
    for (const path of ['/api/auth/2fa/setup', '/api/auth/2fa/enable', '/api/auth/2fa/disable']) {
      const res = await api().post(path).send({ challenge, code: totpCode(secret) });
      expect([path, res.status]).toEqual([path, 403]);
    }
    const after = await stored(user.id);
    expect(after).toMatchObject({ totpEnabled: true, totpSecret: secret, totpPendingSecret: null });
    // The owner's authenticator still answers the very same challenge.
    const verified = await api().post('/api/auth/2fa/verify').send({ challenge, code: totpCode(secret) }).expect(200);
    expect(verified.body.jwt).toEqual(expect.any(String));
  });

  it('the public role holds no two-factor or profile action, and loses one granted before', async () => {
    const publicRole = await strapi().db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const granted = () => strapi().db.query(PERMISSION).count({ where: { role: publicRole.id, action: { $in: NEVER_PUBLIC_ACTIONS } } });
    expect(await granted()).toBe(0);
    // As an older version granted them:
    await strapi().db.query(PERMISSION).create({ data: { action: 'api::account.account.setupTwoFactor', role: publicRole.id } });
    expect(await granted()).toBe(1);
    await grantRolePermissions(strapi());
    expect(await granted()).toBe(0);
  });

  it('an enrolment challenge (role requires 2FA) stops working once an authenticator is set up', async () => {
    const role = await strapi().db.query('plugin::users-permissions.role').create({ data: { name: unique('Strict'), type: unique('strict'), requireTwoFactor: true } });
    const person = await createUser({ role: role.id });
    const first = (await passwordLogin(person.email, PASSWORD).expect(200)).body;
    const second = (await passwordLogin(person.email, PASSWORD).expect(200)).body;
    expect(first.twoFactorSetupRequired).toBe(true);
    const { secret } = (await api().post('/api/auth/2fa/enrol').send({ challenge: first.challenge }).expect(200)).body.data;
    // An enrolment challenge is not a verify challenge and cannot be answered before a secret is shown to it.
    await api().post('/api/auth/2fa/verify').send({ challenge: first.challenge, code: totpCode(secret) }).expect(200);

    // A second challenge made while there was no authenticator is worthless now: no re-enrolment, no login.
    await api().post('/api/auth/2fa/enrol').send({ challenge: second.challenge }).expect(401);
    await api().post('/api/auth/2fa/verify').send({ challenge: second.challenge, code: totpCode(secret, at(1)) }).expect(401);
    expect(await stored(person.id)).toMatchObject({ totpEnabled: true, totpSecret: secret });
  });

  it('a challenge from one account or flow means nothing for another', async () => {
    const { user } = await withAuthenticator();
    const challenge = await challengeOf(user.email);
    // A login link's token is no challenge, and a challenge is no login link.
    const other = await createUser();
    mailSink().clear();
    await api().post('/api/auth/magic-link').send({ email: other.email }).expect(200);
    const { value: linkToken } = await tokenFromMail(other.email, /inloglink/);
    await api().post('/api/auth/2fa/verify').send({ challenge: linkToken, code: '123456' }).expect(401);
    await api().post('/api/auth/magic-link/callback').send({ token: challenge }).expect(400);
    await api().post('/api/invitations/accept').send({ token: challenge }).expect(400);
    await api().post('/api/auth/reset-password').send({ code: challenge, password: 'Whatever-Passw0rd', passwordConfirmation: 'Whatever-Passw0rd' }).expect(400);
  });
});

describe('attack: two-factor bypass through password reset, and a stolen session (#14.2)', () => {
  it('a reset of an account with an authenticator ends in a challenge, not a session', async () => {
    const { user, secret } = await withAuthenticator();
    mailSink().clear();
    await api().post('/api/auth/forgot-password').send({ email: user.email }).expect(200);
    const { value: code } = await tokenFromMail(user.email, /Nieuw wachtwoord/, 'code');
    const reset = await api().post('/api/auth/reset-password').send({ code, password: 'Brand-New-Passw0rd', passwordConfirmation: 'Brand-New-Passw0rd' }).expect(200);
    expect(reset.body).toEqual({ twoFactorRequired: true, challenge: expect.any(String) });
    expect(reset.headers['set-cookie']).toBeUndefined();
    // The password changed all the same; the second factor is still asked.
    expect((await passwordLogin(user.email, 'Brand-New-Passw0rd').expect(200)).body.twoFactorRequired).toBe(true);
    const verified = await api().post('/api/auth/2fa/verify').send({ challenge: reset.body.challenge, code: totpCode(secret) }).expect(200);
    expect(verified.body.jwt).toEqual(expect.any(String));
    // The code is single use and so is the link.
    await api().post('/api/auth/reset-password').send({ code, password: 'Third-Passw0rd!', passwordConfirmation: 'Third-Passw0rd!' }).expect(400);
  });

  it('a reset link expires, and a new reset link revokes the older ones', async () => {
    const person = await createUser();
    mailSink().clear();
    await api().post('/api/auth/forgot-password').send({ email: person.email }).expect(200);
    const first = await tokenFromMail(person.email, /Nieuw wachtwoord/, 'code');
    expect(first.mail.text).toContain('60 minuten');
    mailSink().clear();
    await api().post('/api/auth/forgot-password').send({ email: person.email }).expect(200);
    const second = await tokenFromMail(person.email, /Nieuw wachtwoord/, 'code');
    await strapi()
      .db.query('api::account.one-time-token')
      .updateMany({ where: { userId: person.id, purpose: 'password-reset', usedAt: { $null: true } }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await api().post('/api/auth/reset-password').send({ code: second.value, password: 'Brand-New-Passw0rd', passwordConfirmation: 'Brand-New-Passw0rd' }).expect(400);
    expect(expired.body.error).toMatchObject({ message: 'Incorrect code provided', details: { reason: 'expired' } });
    await passwordLogin(person.email, PASSWORD).expect(200);
  });

  it('setting up with a session never switches two-factor off, and replacing the authenticator takes a current code', async () => {
    const { user, jwt, secret } = await withAuthenticator();
    // A stolen session alone:
    const noCode = await api().post('/api/auth/2fa/setup').set(bearer(jwt)).send({}).expect(400);
    expect(noCode.body.error.details.reason).toBe('wrong-code');
    await api().post('/api/auth/2fa/setup').set(bearer(jwt)).send({ code: '000000' }).expect(400);
    await api().post('/api/auth/2fa/disable').set(bearer(jwt)).send({ code: '000000' }).expect(400);
    await api().post('/api/auth/2fa/enable').set(bearer(jwt)).send({ code: '000000' }).expect(400);
    expect(await stored(user.id)).toMatchObject({ totpEnabled: true, totpSecret: secret, totpPendingSecret: null });

    // The owner, with a current code, sets up a new phone; the old one works until the new one is confirmed.
    const replaced = await api().post('/api/auth/2fa/setup').set(bearer(jwt)).send({ code: totpCode(secret) }).expect(200);
    const fresh: string = replaced.body.data.secret;
    expect(fresh).not.toBe(secret);
    expect(await stored(user.id)).toMatchObject({ totpEnabled: true, totpSecret: secret, totpPendingSecret: fresh });
    await api().post('/api/auth/2fa/enable').set(bearer(jwt)).send({ code: totpCode(secret, at(1)) }).expect(400);
    await api().post('/api/auth/2fa/enable').set(bearer(jwt)).send({ code: totpCode(fresh, at(1)) }).expect(200);
    expect(await stored(user.id)).toMatchObject({ totpEnabled: true, totpSecret: fresh, totpPendingSecret: null });
  });
});

describe('attack: a token that outlived its account', () => {
  it('refuses the access token of a deleted or blocked account, a refresh token as access token, and a forged one', async () => {
    const gone = await resident();
    const blocked = await resident();
    const me = (jwt: string) => api().get('/api/my/questions').set(bearer(jwt));
    await me(gone.jwt).expect(200);
    await me(blocked.jwt).expect(200);
    await strapi().db.query(USER).delete({ where: { id: gone.user.id } });
    await strapi().db.query(USER).update({ where: { id: blocked.user.id }, data: { blocked: true } });
    expect((await me(gone.jwt).expect(401)).body.error.status).toBe(401);
    await me(blocked.jwt).expect(401);
    // A refresh token carries type 'refresh': never accepted where an access token is asked.
    const { user } = await resident();
    const refresh = await strapi().sessionManager('users-permissions').generateRefreshToken(String(user.id), undefined, { type: 'refresh' });
    await me(refresh.token).expect(401);
    const [head, , signature] = (await mintedSession(user.id)).split('.');
    const forged = Buffer.from(JSON.stringify({ userId: String(gone.user.id + 1000000), type: 'access' })).toString('base64url');
    await me(`${head}.${forged}.${signature}`).expect(401);
  });
});

describe('a session token is not looked up as an API token', () => {
  it('reads no API token row for a session, still finds API tokens, and refuses a made-up one', async () => {
    const { jwt } = await resident();
    const tokenQueries: string[] = [];
    const listen = (query: { sql: string }) => {
      if (query.sql.includes('strapi_api_tokens')) tokenQueries.push(query.sql);
    };
    strapi().db.connection.on('query', listen);
    try {
      await api().get('/api/my/questions').set(bearer(jwt)).expect(200);
      expect(tokenQueries).toEqual([]);
      const staff = await strapi().service('admin::api-token').create({ name: unique('staff'), type: 'full-access', lifespan: null });
      await api().get('/api/articles?status=draft').set(bearer(staff.accessKey)).expect(200);
      expect(tokenQueries.length).toBeGreaterThan(0);
      await api().get('/api/articles?status=draft').set(bearer(`${staff.accessKey.slice(0, -4)}beef`)).expect(401);
    } finally {
      strapi().db.connection.off('query', listen);
    }
  });
});

describe('a session alone does not change the password', () => {
  it('needs the current password, and an account without one is told how to get one', async () => {
    const change = (jwt: string, body: object) => api().post('/api/auth/change-password').set(bearer(jwt)).send(body);
    const linkOnly = await loginByEmail(`${unique('link')}@resident.example`);
    const none = await change(linkOnly.jwt, { currentPassword: 'whatever', password: 'New-Passw0rd', passwordConfirmation: 'New-Passw0rd' }).expect(400);
    expect(none.body.error.details.reason).toBe('no-password');

    const { user, jwt } = await resident();
    await change(jwt, { currentPassword: 'Wrong-Passw0rd', password: 'New-Passw0rd', passwordConfirmation: 'New-Passw0rd' }).expect(400);
    await change(jwt, { currentPassword: PASSWORD, password: 'New-Passw0rd', passwordConfirmation: 'Other-Passw0rd' }).expect(400);
    await change(jwt, { currentPassword: PASSWORD, password: 'New-Passw0rd', passwordConfirmation: 'New-Passw0rd', role: 1 }).expect(400);
    await change(jwt, { currentPassword: PASSWORD, password: 'New-Passw0rd', passwordConfirmation: 'New-Passw0rd' }).expect(200);
    await passwordLogin(user.email, 'New-Passw0rd').expect(200);
  });
});

describe('attack: account takeover by pre-registration (#14.3)', () => {
  it('register creates nothing, answers alike for new and taken addresses, and gives no session', async () => {
    const owner = await createUser();
    const fresh = `${unique('fresh')}@resident.example`;
    mailSink().clear();
    const taken = await api().post('/api/auth/local/register').send({ username: unique('a'), email: owner.email, password: ATTACKER_PASSWORD }).expect(200);
    const free = await api().post('/api/auth/local/register').send({ username: unique('b'), email: fresh, password: ATTACKER_PASSWORD }).expect(200);
    expect(Object.keys(taken.body)).toEqual(Object.keys(free.body));
    expect(taken.body).toEqual({ email: owner.email, sent: true });
    expect(free.body.jwt).toBeUndefined();
    expect(free.headers['set-cookie']).toBeUndefined();
    expect(await accountsWith(fresh)).toBe(0);
    await passwordLogin(fresh, ATTACKER_PASSWORD).expect(400);
    await passwordLogin(owner.email, ATTACKER_PASSWORD).expect(400);
    // The owner of the taken address is told, and offered a login; nothing about them changed.
    const told = await mailSink().waitFor({ to: owner.email, subject: /al een account/ }, 10_000);
    expect(told.text).not.toContain(ATTACKER_PASSWORD);
    await passwordLogin(owner.email, PASSWORD).expect(200);
  });

  it('the real owner logs in by email link into an account of their own; the attacker\'s password never works', async () => {
    const victim = `${unique('victim')}@resident.example`;
    mailSink().clear();
    await api().post('/api/auth/local/register').send({ username: unique('squatter'), email: victim, password: ATTACKER_PASSWORD }).expect(200);
    await mailSink().waitFor({ to: victim, subject: /Bevestig/ }, 10_000);
    // Later the victim asks for a login link (not the confirmation the attacker caused).
    const session = await loginByEmail(victim);
    expect(session.user).toMatchObject({ email: victim, confirmed: true });
    await passwordLogin(victim, ATTACKER_PASSWORD).expect(400);
    const account = await stored(session.user.id);
    expect(account.password).toBeNull();
    expect(account.username).not.toMatch(/squatter/);
  });

  it('an invitation and a claim land the owner in their own account, not a squatter\'s', async () => {
    const organisation = () =>
      createDocument('api::organisation.organisation', { name: unique('Club'), slug: unique('club'), reminderEmail: `${unique('claim')}@club.example` });
    const [club, imported] = [await organisation(), await organisation()];
    const inviter = await createUser();
    await strapi().plugin('users-permissions').service('user').edit(inviter.id, { role: (await strapi().db.query('plugin::users-permissions.role').findOne({ where: { type: 'editor' } })).id });
    await strapi().service('api::organisation.membership').addMember(club.documentId, inviter.id);
    const inviterJwt = (await passwordLogin(inviter.email, PASSWORD).expect(200)).body.jwt;

    for (const victim of [`${unique('invited')}@club.example`, imported.reminderEmail]) {
      mailSink().clear();
      await api().post('/api/auth/local/register').send({ username: unique('sq'), email: victim, password: ATTACKER_PASSWORD }).expect(200);
      let link: { value: string };
      let path: string;
      if (victim === imported.reminderEmail) {
        await api().post(`/api/organisations/${imported.documentId}/claim`).send({}).expect(200);
        link = await tokenFromMail(victim, /Beheer .* zelf/);
        path = '/api/organisations/claim/callback';
      } else {
        await api().post(`/api/my/organisations/${club.documentId}/invitations`).set(bearer(inviterJwt)).send({ email: victim }).expect(201);
        link = await tokenFromMail(victim, /Uitnodiging/);
        path = '/api/invitations/accept';
      }
      const landed = await api().post(path).send({ token: link.value }).expect(200);
      expect(landed.body.user.email).toBe(victim);
      await passwordLogin(victim, ATTACKER_PASSWORD).expect(400);
    }
  });

  it('following the confirmation link creates the account with the password and name chosen; only the link followed counts', async () => {
    const email = `${unique('reg')}@resident.example`;
    const username = unique('reg').replace(/[^\w.-]/g, '');
    mailSink().clear();
    await api().post('/api/auth/local/register').send({ username, email, password: 'First-Passw0rd', displayName: 'Anna uit Oost' }).expect(200);
    const first = await tokenFromMail(email, /Bevestig/);
    mailSink().clear();
    await api().post('/api/auth/local/register').send({ username: `${username}-2`, email, password: 'Second-Passw0rd' }).expect(200);
    const second = await tokenFromMail(email, /Bevestig/);
    expect(second.value).not.toBe(first.value);
    expect(await accountsWith(email)).toBe(0);

    const confirmed = await api().post('/api/auth/magic-link/callback').send({ token: second.value }).expect(200);
    expect(confirmed.body.user).toMatchObject({ email, username: `${username}-2`, confirmed: true });
    await passwordLogin(email, 'Second-Passw0rd').expect(200);
    // The other link, followed later, logs in but changes nothing it did not prove.
    await api().post('/api/auth/magic-link/callback').send({ token: first.value }).expect(200);
    await passwordLogin(email, 'First-Passw0rd').expect(400);
    await passwordLogin(email, 'Second-Passw0rd').expect(200);
    expect(await accountsWith(email)).toBe(1);
  });

  it('an unconfirmed account with a password set without proof loses it when the owner proves the address', async () => {
    // As staff (or an older version) could leave one behind.
    const squatted = await createUser({ confirmed: false, password: ATTACKER_PASSWORD });
    const refused = await passwordLogin(squatted.email, ATTACKER_PASSWORD).expect(400);
    expect(refused.body.error.details.reason).toBe('unconfirmed');
    const session = await loginByEmail(squatted.email);
    expect(session.user.id).toBe(squatted.id);
    await passwordLogin(squatted.email, ATTACKER_PASSWORD).expect(400);
  });

  it('register refuses a taken username, a username or display name with an address, and unknown fields', async () => {
    const someone = await createUser();
    const body = () => ({ username: unique('ok').replace(/[^\w.-]/g, ''), email: `${unique('r')}@resident.example`, password: 'Good-Passw0rd' });
    const taken = await api().post('/api/auth/local/register').send({ ...body(), username: someone.username }).expect(400);
    expect(taken.body.error.details).toMatchObject({ field: 'username', reason: 'taken' });
    for (const bad of [
      { username: someone.email },
      { displayName: 'mail me at a@b.example' },
      { displayName: 'see https://evil.example' },
      { password: 'short' },
      { password: 'x'.repeat(73) },
      { confirmed: true },
      { role: 1 },
      { email: ['a@b.example'] },
    ]) {
      const res = await api().post('/api/auth/local/register').send({ ...body(), ...bad });
      expect([bad, res.status]).toEqual([bad, 400]);
    }
  });

  it('asking for a confirmation mail answers alike for every address', async () => {
    const confirmed = await createUser();
    const unconfirmed = await createUser({ confirmed: false });
    const blocked = await createUser({ blocked: true, confirmed: false });
    mailSink().clear();
    const answers = await Promise.all(
      [confirmed.email, unconfirmed.email, blocked.email, `${unique('nobody')}@resident.example`].map((email) =>
        api().post('/api/auth/send-email-confirmation').send({ email }).expect(200)
      )
    );
    expect(new Set(answers.map((a) => JSON.stringify(Object.keys(a.body)))).size).toBe(1);
    const { value } = await tokenFromMail(unconfirmed.email, /inloglink/);
    await api().post('/api/auth/magic-link/callback').send({ token: value }).expect(200);
    expect(await mailsTo(confirmed.email)).toHaveLength(0);
    expect(await mailsTo(blocked.email)).toHaveLength(0);
  });
});

describe('attack: fake residents (#14.4)', () => {
  it('five registrations with made-up addresses add no support', async () => {
    const initiative = await createDocument('api::initiative.initiative', { title: unique('Idee'), slug: unique('idee') });
    const before = await strapi().db.query('api::initiative.initiative').findOne({ where: { documentId: initiative.documentId }, select: ['supportCount'] });
    for (let i = 0; i < 5; i++) {
      const email = `${unique('fake')}@made-up.example`;
      await api().post('/api/auth/local/register').send({ username: unique('fake').replace(/[^\w.-]/g, ''), email, password: ATTACKER_PASSWORD }).expect(200);
      const login = await passwordLogin(email, ATTACKER_PASSWORD).expect(400);
      expect(login.body.jwt).toBeUndefined();
    }
    // Even a session for an unconfirmed account (none can be had through the API) is refused.
    const unconfirmed = await createUser({ confirmed: false });
    const jwt = await mintedSession(unconfirmed.id);
    const refused = await api().post(`/api/idea-support/initiatives/${initiative.documentId}/support`).set(bearer(jwt)).send({});
    expect(refused.status).toBe(403);
    await api().post('/api/my/initiatives').set(bearer(jwt)).send({ data: { title: 'Nep idee', summary: 'Een idee van niemand' } }).expect(403);
    await api().post(`/api/idea-support/initiatives/${initiative.documentId}/comments`).set(bearer(jwt)).send({ data: { body: 'nep' } }).expect(403);
    const after = await strapi().db.query('api::initiative.initiative').findOne({ where: { documentId: initiative.documentId }, select: ['supportCount'] });
    expect(after.supportCount).toBe(before.supportCount);
  });
});

describe('attack: public names reveal addresses (#14.15)', () => {
  it('an account made from an address shows a chosen or generated name, never part of the address', async () => {
    const email = `jan.de.vries.${unique('x').replace(/\W/g, '')}@resident.example`;
    const session = await loginByEmail(email);
    const account = await stored(session.user.id);
    expect(account.displayName).toMatch(/^Bewoner \d{4}$/);
    expect(account.username).not.toContain('jan.de.vries');
    const initiative = await createDocument('api::initiative.initiative', { title: unique('Idee'), slug: unique('idee') });
    const path = `/api/idea-support/initiatives/${initiative.documentId}/comments`;
    await api().post(path).set(bearer(session.jwt)).send({ data: { body: 'Goed plan' } }).expect(201);
    expect((await api().get(path).expect(200)).text).not.toContain('jan.de.vries');
    const asked = (await api().post('/api/questions').set(bearer(session.jwt)).send({ data: { title: `Wie helpt mee ${unique('q')}?` } }).expect(201)).body.data.documentId;
    expect((await api().get(`/api/questions/${asked}`).expect(200)).text).not.toContain('jan.de.vries');

    // The person chooses a name; earlier reactions and questions show it too.
    const renamed = await api().put('/api/my/account').set(bearer(session.jwt)).send({ data: { displayName: 'Jan uit de Hoven' } }).expect(200);
    expect(renamed.body.data).toEqual({ displayName: 'Jan uit de Hoven', language: 'nl' });
    expect((await api().get(`${path}?page=1`).expect(200)).body.data[0].authorName).toBe('Jan uit de Hoven');
    expect((await api().get(`/api/questions/${asked}`).expect(200)).body.data.authorName).toBe('Jan uit de Hoven');
    await api().put('/api/my/account').set(bearer(session.jwt)).send({ data: { displayName: email } }).expect(400);
    await api().put('/api/my/account').set(bearer(session.jwt)).send({ data: { username: 'x' } }).expect(400);
    await api().put('/api/my/account').send({ data: { displayName: 'Niemand' } }).expect(403);
  });

  it('accounts and reactions from before display names get one at start-up', async () => {
    const old = await createUser();
    const initiative = await createDocument('api::initiative.initiative', { title: unique('Idee'), slug: unique('idee') });
    const comment = await strapi().documents('plugin::idea-support.comment' as any).create({ data: { initiative: initiative.documentId, userId: old.id, authorName: old.username, body: 'oud' } } as any);
    await strapi().db.query(USER).update({ where: { id: old.id }, data: { displayName: null } });
    await ensureDisplayNames(strapi());
    const name = (await stored(old.id)).displayName;
    expect(name).toMatch(/^Bewoner \d{4}$/);
    const after = await strapi().db.query('plugin::idea-support.comment').findOne({ where: { id: comment.id } });
    expect(after.authorName).toBe(name);
  });
});

describe('attack: login timing tells which accounts exist (#14.16)', () => {
  it('a wrong password takes as long for an unknown account as for a known one', async () => {
    const known = await createUser();
    const time = async (identifier: string) => {
      const start = process.hrtime.bigint();
      await passwordLogin(identifier, 'Wrong-Passw0rd').expect(400);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const knownTimes: number[] = [];
    const unknownTimes: number[] = [];
    for (let i = 0; i < 9; i++) {
      knownTimes.push(await time(known.email));
      unknownTimes.push(await time(`${unique('ghost')}@resident.example`));
    }
    // Both pay for one bcrypt comparison (~60-100 ms); without it an unknown account answered ~10x faster.
    const ratio = median(unknownTimes) / median(knownTimes);
    expect(ratio).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.7);
  });
});

describe('attack: guessing two-factor codes (#14.17)', () => {
  it('a challenge dies after five wrong codes, even for the right one after', async () => {
    const { user, secret } = await withAuthenticator();
    const challenge = await challengeOf(user.email);
    const wrong = totpCode(secret, at(20));
    for (let left = 4; left >= 1; left--) {
      const res = await api().post('/api/auth/2fa/verify').send({ challenge, code: wrong }).expect(400);
      expect(res.body.error.details).toMatchObject({ reason: 'wrong-code', attemptsLeft: left });
    }
    await api().post('/api/auth/2fa/verify').send({ challenge, code: wrong }).expect(401);
    await api().post('/api/auth/2fa/verify').send({ challenge, code: totpCode(secret) }).expect(401);
  });

  it('fresh challenges do not buy fresh guesses: codes per account are limited', async () => {
    const { user, secret } = await withAuthenticator();
    const wrong = totpCode(secret, at(20));
    let limited: any;
    // withAuthenticator used one code; 9 more fit in the window, then 429.
    for (let i = 0; i < 12 && !limited; i++) {
      const res = await api().post('/api/auth/2fa/verify').send({ challenge: await challengeOf(user.email), code: wrong });
      if (res.status === 429) limited = { res, i };
      else expect(res.status).toBe(400);
    }
    expect(limited?.i).toBe(9);
    expect(limited.res.body.error.name).toBe('RateLimitError');
    // The right code is refused too while the account is limited.
    await api().post('/api/auth/2fa/verify').send({ challenge: await challengeOf(user.email), code: totpCode(secret) }).expect(429);
  });

  it('one challenge answered twice at once with two valid codes gives one session', async () => {
    const { user, secret } = await withAuthenticator();
    const challenge = await challengeOf(user.email);
    // Two codes of the window that are both right (this step and the next), so only the challenge decides.
    const answers = await Promise.all(
      [totpCode(secret, at(1)), totpCode(secret)].map((code) => api().post('/api/auth/2fa/verify').send({ challenge, code }))
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, expect.any(Number)]);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
  });
});
