import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { api, bearer, createDocument, createUser, resident, unique } from '../../../../../tests/helpers/fixtures';
import { mailSink, strapi } from '../../../../../tests/helpers/strapi';

const UID = 'api::initiative.initiative';
const supportPath = (documentId: string) => `/api/idea-support/initiatives/${documentId}/support`;
const ROOT = path.resolve(__dirname, '../../../../..');

const newInitiative = (data: Record<string, unknown> = {}, status: 'published' | 'draft' = 'published') =>
  createDocument(UID, { title: unique('Idee'), slug: unique('idee'), ...data }, status);

const storedCounts = async (documentId: string) =>
  (await strapi().db.query(UID).findMany({ where: { documentId }, select: ['supportCount'] })).map((r: any) => r.supportCount);
const service = () => strapi().plugin('idea-support').service('support');

describe('idea-support: supporting an initiative', () => {
  it('supports once, idempotently, and withdraws', async () => {
    const initiative = await newInitiative();
    const { jwt } = await resident();
    const first = await api().post(supportPath(initiative.documentId)).set(bearer(jwt)).expect(200);
    expect(first.body).toEqual({ data: { supportCount: 1, supported: true }, meta: {} });
    const again = await api().post(supportPath(initiative.documentId)).set(bearer(jwt)).expect(200);
    expect(again.body).toEqual(first.body);

    expect((await api().get(supportPath(initiative.documentId)).set(bearer(jwt)).expect(200)).body.data).toEqual({ supportCount: 1, supported: true });
    expect((await api().get(supportPath(initiative.documentId)).expect(200)).body.data).toEqual({ supportCount: 1, supported: false });
    expect((await api().get(`/api/initiatives/${initiative.documentId}`).expect(200)).body.data.supportCount).toBe(1);

    const withdrawn = await api().delete(supportPath(initiative.documentId)).set(bearer(jwt)).expect(200);
    expect(withdrawn.body.data).toEqual({ supportCount: 0, supported: false });
    await api().delete(supportPath(initiative.documentId)).set(bearer(jwt)).expect(200);
    expect(await storedCounts(initiative.documentId)).toEqual([0, 0]);
  });

  it('refuses the anonymous, the unconfirmed, drafts, archived and closed initiatives', async () => {
    const open = await newInitiative();
    expect([401, 403]).toContain((await api().post(supportPath(open.documentId))).status);

    const unconfirmed = await resident({ confirmed: false });
    const refused = await api().post(supportPath(open.documentId)).set(bearer(unconfirmed.jwt)).expect(403);
    expect(refused.body.error.details.reason).toBe('unconfirmed');

    const { jwt } = await resident();
    const draft = await newInitiative({}, 'draft');
    await api().post(supportPath(draft.documentId)).set(bearer(jwt)).expect(404);
    const archived = await newInitiative();
    await strapi().documents(UID).update({ documentId: archived.documentId, locale: 'nl', data: { archivedAt: new Date() } } as any);
    await api().post(supportPath(archived.documentId)).set(bearer(jwt)).expect(404);
    const closed = await newInitiative({ supportUntil: new Date(Date.now() - 60_000) });
    const late = await api().post(supportPath(closed.documentId)).set(bearer(jwt)).expect(400);
    expect(late.body.error).toMatchObject({ name: 'ApplicationError', details: { reason: 'closed' } });
    await api().post(supportPath('not-a-document-id')).set(bearer(jwt)).expect(400);
    await api().post(supportPath('a'.repeat(24))).set(bearer(jwt)).expect(404);
  });

  it('never shows who supported what', async () => {
    const initiative = await newInitiative();
    const { user, jwt } = await resident();
    await api().post(supportPath(initiative.documentId)).set(bearer(jwt)).expect(200);
    const raw = (await api().get(`/api/initiatives/${initiative.documentId}?populate=*`).expect(200)).text;
    expect(raw).not.toContain(user.email);
    expect(raw).not.toContain('"supports"');
    await api().get('/api/idea-support/supports').expect(404);
    const ranking = (await api().get('/api/idea-support/ranking?period=all&limit=100').expect(200)).text;
    expect(ranking).not.toContain(user.email);
    expect(ranking).not.toContain('userId');
  });

  it('holds a unique (initiative, user) constraint in the database itself', async () => {
    const initiative = await newInitiative();
    const { user } = await resident();
    await service().support(initiative.documentId, user.id);
    const row = { initiative: initiative.documentId, userId: user.id };
    await expect(strapi().db.query('plugin::idea-support.support').create({ data: row })).rejects.toThrow();
  });
});

describe('idea-support: exact counts', () => {
  it('200 concurrent supporters (each trying twice) end with exactly 200', async () => {
    const initiative = await newInitiative();
    const users = await Promise.all(Array.from({ length: 200 }, () => strapi().db.query('plugin::users-permissions.user').create({ data: { username: unique('c'), email: `${unique('c')}@crowd.example`, confirmed: true, provider: 'local' } })));
    const results = await Promise.all([...users, ...users].map((u) => service().support(initiative.documentId, u.id)));
    expect(results.every((r: any) => r.supported)).toBe(true);
    expect(await storedCounts(initiative.documentId)).toEqual([200, 200]);
    expect(await strapi().db.query('plugin::idea-support.support').count({ where: { initiative: initiative.documentId } })).toBe(200);

    await Promise.all(users.slice(0, 50).map((u) => service().withdraw(initiative.documentId, u.id)));
    expect(await storedCounts(initiative.documentId)).toEqual([150, 150]);
  }, 60_000);

  it('mails staff exactly once when the threshold is reached, also under concurrent supports', async () => {
    const saved = strapi().config.get('plugin::idea-support');
    strapi().config.set('plugin::idea-support', { ...(saved as object), threshold: 5, notifyEmails: ['staff@town.example'] });
    try {
      const initiative = await newInitiative();
      const users = await Promise.all(Array.from({ length: 20 }, () => createUser()));
      await Promise.all(users.map((u) => service().support(initiative.documentId, u.id)));
      const mail = await mailSink().waitFor({ to: 'staff@town.example', subject: new RegExp(initiative.title) });
      expect(mail.text).toContain('drempel van 5');
      await new Promise((r) => setTimeout(r, 300));
      expect(mailSink().messages.filter((m) => m.subject.includes(initiative.title))).toHaveLength(1);
      // Through the outbox: a failure would wait in the staff's failed list, with retry.
      const sent = await strapi().db.query('plugin::outbox.message').findMany({ where: { kind: 'idea-support.threshold', ref: initiative.documentId } });
      expect(sent).toEqual([expect.objectContaining({ status: 'sent', recipient: 'staff@town.example' })]);
      const rows = await strapi().db.query(UID).findMany({ where: { documentId: initiative.documentId }, select: ['thresholdReachedAt'] });
      expect(rows.every((r: any) => r.thresholdReachedAt)).toBe(true);
      const res = await api().get(`/api/initiatives/${initiative.documentId}`).expect(200);
      expect(res.body.data.thresholdReachedAt).toEqual(expect.any(String));
    } finally {
      strapi().config.set('plugin::idea-support', saved);
    }
  });

  it('keeps the count when staff edit and republish, and in a new language version', async () => {
    const initiative = await newInitiative();
    const { user } = await resident();
    await service().support(initiative.documentId, user.id);
    await strapi().documents(UID).update({ documentId: initiative.documentId, locale: 'nl', data: { title: 'Nieuwe titel' } } as any);
    await strapi().documents(UID).publish({ documentId: initiative.documentId, locale: 'nl' } as any);
    await strapi().documents(UID).update({ documentId: initiative.documentId, locale: 'en', data: { title: 'New title', slug: initiative.slug } } as any);
    expect(await storedCounts(initiative.documentId)).toEqual([1, 1, 1]);
  });

  it('deleting a user removes their supports and the counts go down', async () => {
    const a = await newInitiative();
    const b = await newInitiative();
    const { user } = await resident();
    const other = await resident();
    for (const i of [a, b]) await service().support(i.documentId, user.id);
    await service().support(a.documentId, other.user.id);
    await strapi().plugin('users-permissions').service('user').remove({ id: user.id });
    expect(await storedCounts(a.documentId)).toEqual([1, 1]);
    expect(await storedCounts(b.documentId)).toEqual([0, 0]);
  });

  it('npm run idea-support:verify reports drift, and --fix repairs it', async () => {
    const initiative = await newInitiative();
    const { user } = await resident();
    await service().support(initiative.documentId, user.id);
    await strapi().db.query(UID).updateMany({ where: { documentId: initiative.documentId }, data: { supportCount: 7 } });

    const run = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, 'scripts/idea-support-verify.js'), ...args], { cwd: ROOT, env: process.env, encoding: 'utf8', timeout: 90_000 });
    const report = run();
    expect(report.status).toBe(1);
    expect(report.stdout).toContain(`drift: initiative ${initiative.documentId} ledger=1 stored=7`);
    const fixed = run('--fix');
    expect(fixed.status).toBe(0);
    expect(await storedCounts(initiative.documentId)).toEqual([1, 1]);
    expect(run().stdout).toContain('0 initiative(s) with drift');
    expect(run('--help').stdout).toContain('--fix');
  }, 200_000);
});

describe('idea-support: ranking', () => {
  it('orders public initiatives by supports in the period, with counts', async () => {
    const [low, high, hidden] = await Promise.all([newInitiative(), newInitiative(), newInitiative()]);
    const people = await Promise.all(Array.from({ length: 3 }, () => createUser()));
    for (const p of people) await service().support(high.documentId, p.id);
    await service().support(low.documentId, people[0].id);
    await service().support(hidden.documentId, people[0].id);
    await strapi().documents(UID).update({ documentId: hidden.documentId, locale: 'nl', data: { archivedAt: new Date() } } as any);

    for (const period of ['7d', '30d', 'all']) {
      const res = await api().get(`/api/idea-support/ranking?period=${period}&limit=100`).expect(200);
      const ids = res.body.data.map((i: any) => i.documentId);
      expect(ids.indexOf(high.documentId)).toBeLessThan(ids.indexOf(low.documentId));
      expect(ids).not.toContain(hidden.documentId);
      const top = res.body.data.find((i: any) => i.documentId === high.documentId);
      expect(top).toMatchObject({ title: high.title, supportCount: 3, supportsInPeriod: 3 });
      expect(res.body.meta).toMatchObject({ period, limit: 100 });
    }
  });

  it('rejects a bad period, limit or locale with 400', async () => {
    for (const query of ['period=1y', 'limit=0', 'limit=101', 'limit=abc', 'locale=de']) {
      const res = await api().get(`/api/idea-support/ranking?${query}`).expect(400);
      expect(res.body.error.name).toBe('ValidationError');
    }
  });
});
