import request from 'supertest';
import { baseUrl, FRONTEND_URL, mailSink, strapi } from './strapi';

let counter = 0;
/** Unique per call, so suites sharing one database never collide. */
export const unique = (prefix: string) => `${prefix}-${process.pid}-${Date.now().toString(36)}-${++counter}`;

export const api = () => request(baseUrl());

type Status = 'published' | 'draft';

export async function createDocument(uid: string, data: Record<string, unknown>, status: Status = 'published', locale = 'nl') {
  return (await strapi().documents(uid as any).create({ data, status, locale } as any)) as any;
}

export async function createUser(overrides: Record<string, unknown> = {}) {
  const name = unique('user');
  const role = await strapi().db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  return strapi().plugin('users-permissions').service('user').add({
    username: name,
    email: `${name}@private.example`,
    password: 'Secret-Passw0rd',
    provider: 'local',
    confirmed: true,
    blocked: false,
    role: role.id,
    ...overrides,
  });
}

/** A small, complete social map: what the public may see, and what it may not. */
export async function createSocialMap() {
  const tag = unique('map');
  const category = await createDocument('api::category.category', { name: `Cat ${tag}`, slug: `cat-${tag}` });
  const neighbourhood = await createDocument('api::neighbourhood.neighbourhood', { name: `Wijk ${tag}`, slug: `wijk-${tag}` });
  const member = await createUser();
  const orgData = (name: string) => ({
    name: `${name} ${tag}`,
    slug: `${name.toLowerCase()}-${tag}`,
    email: `info-${tag}@public.example`,
    reminderEmail: `reminder-${name.toLowerCase()}-${tag}@secret.example`,
    members: [member.id],
    categories: [category.documentId],
    neighbourhoods: [neighbourhood.documentId],
    externalId: `ext-${name}-${tag}`,
  });
  const published = await createDocument('api::organisation.organisation', orgData('Published'));
  const draft = await createDocument('api::organisation.organisation', orgData('Draft'), 'draft');
  const archived = await createDocument('api::organisation.organisation', orgData('Archived'));
  await strapi().documents('api::organisation.organisation').update({
    documentId: archived.documentId,
    locale: 'nl',
    data: { archivedAt: new Date().toISOString() },
  } as any);
  const activity = await createDocument('api::activity.activity', {
    title: `Wandelen ${tag}`,
    slug: `wandelen-${tag}`,
    organisation: published.documentId,
    categories: [category.documentId],
    neighbourhood: neighbourhood.documentId,
  });
  const orphanActivity = await createDocument('api::activity.activity', {
    title: `Koffie ${tag}`,
    slug: `koffie-${tag}`,
    organisation: archived.documentId,
  });
  const initiator = await createUser();
  const initiative = await createDocument('api::initiative.initiative', {
    title: `Idee ${tag}`,
    slug: `idee-${tag}`,
    initiator: initiator.id,
    theme: category.documentId,
  });
  return { tag, category, neighbourhood, member, initiator, published, draft, archived, activity, orphanActivity, initiative };
}

/** The token from the first link in the newest mail to `to` whose subject matches. */
export async function tokenFromMail(to: string, subject: RegExp, param = 'token') {
  const mail = await mailSink().waitFor({ to, subject }, 10_000);
  const link = mailSink().linksIn(mail).find((l) => l.startsWith(FRONTEND_URL));
  if (!link) throw new Error(`no link to the frontend in mail "${mail.subject}"`);
  const value = new URL(link).searchParams.get(param);
  if (!value) throw new Error(`link ${link} has no ${param}`);
  return { value, link, mail };
}

/** Logs in by email link exactly as a person would: ask, open the mail, follow the link. */
export async function loginByEmail(email: string) {
  mailSink().clear();
  await api().post('/api/auth/magic-link').send({ email }).expect(200);
  const { value } = await tokenFromMail(email.toLowerCase(), /inloglink|login link/i);
  const res = await api().post('/api/auth/magic-link/callback').send({ token: value }).expect(200);
  return res.body as { jwt: string; user: { id: number; email: string } };
}

export const bearer = (jwt: string) => ({ Authorization: `Bearer ${jwt}` });

/**
 * A session made the way the login routes make one, for any account. The API
 * no longer hands one to an unconfirmed account: this shows that each
 * capability still refuses such an account on its own.
 */
export async function mintedSession(userId: number): Promise<string> {
  const sessions = strapi().sessionManager('users-permissions');
  const refresh = await sessions.generateRefreshToken(String(userId), undefined, { type: 'refresh' });
  const access = await sessions.generateAccessToken(refresh.token);
  if ('error' in access) throw new Error(`no session for user ${userId}`);
  return access.token;
}

/** A confirmed resident, logged in with a password like a person would; an unconfirmed one (who cannot log in) gets a minted session. */
export async function resident(overrides: Record<string, unknown> = {}) {
  const user = await createUser(overrides);
  if (overrides.confirmed === false) return { user, jwt: await mintedSession(user.id) };
  const login = await api().post('/api/auth/local').send({ identifier: user.email, password: 'Secret-Passw0rd' }).expect(200);
  return { user, jwt: login.body.jwt as string };
}

/** An editor with an organisation of their own, logged in. */
export async function editor() {
  const role = await strapi().db.query('plugin::users-permissions.role').findOne({ where: { type: 'editor' } });
  const user = await createUser({ role: role.id });
  const organisation = await createDocument('api::organisation.organisation', { name: unique('Org'), slug: unique('org'), members: [user.id] });
  const login = await api().post('/api/auth/local').send({ identifier: user.email, password: 'Secret-Passw0rd' }).expect(200);
  return { user, organisation, jwt: login.body.jwt as string };
}

const CONSONANTS = 'bcdfghjklmnpqrstvwxz';
/** A made-up word (consonants only, so no stemmer touches it) that only this run's documents contain. */
export const madeUpWord = () => 'zq' + unique('w').replace(/[^a-z0-9]/g, '').split('').map((c) => CONSONANTS[parseInt(c, 36) % CONSONANTS.length]).join('');
