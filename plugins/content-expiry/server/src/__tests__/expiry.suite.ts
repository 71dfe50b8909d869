import { runScript } from '../../../../../tests/helpers/cli';
import { api, createDocument, createUser, unique } from '../../../../../tests/helpers/fixtures';
import { databaseClient, mailSink, strapi } from '../../../../../tests/helpers/strapi';

const ACTIVITY = 'api::activity.activity';
const ORG = 'api::organisation.organisation';
const INITIATIVE = 'api::initiative.initiative';
const DAY = 24 * 3600 * 1000;
const ago = (days: number) => new Date(Date.now() - days * DAY);

const expiry = () => strapi().plugin('content-expiry').service('expiry');
const restore = () => strapi().plugin('content-expiry').service('restore');

/** Every row of a document as the database has it: what a dry run must leave exactly as it was. */
const rowsOf = async (uid: string, documentId: string) =>
  (await strapi().db.query(uid as any).findMany({ where: { documentId }, orderBy: { id: 'asc' } })).map((r: any) => ({
    id: r.id,
    publishedAt: r.publishedAt,
    archivedAt: r.archivedAt,
    updatedAt: r.updatedAt,
  }));
const isPublic = async (path: string) => (await api().get(path)).status === 200;

async function organisationWithActivities(confirmedDaysAgo: number) {
  const org = await createDocument(ORG, { name: unique('Org'), slug: unique('org'), lastConfirmedAt: ago(confirmedDaysAgo) });
  const running = await createDocument(ACTIVITY, { title: unique('Loopt'), slug: unique('loopt'), organisation: org.documentId, startsAt: ago(-10), endsAt: ago(-11) });
  const ended = await createDocument(ACTIVITY, { title: unique('Voorbij'), slug: unique('voorbij'), organisation: org.documentId, startsAt: ago(40), endsAt: ago(39) });
  return { org, running, ended };
}

describe('content-expiry: archiving', () => {
  let ended: any, recurringEnded: any, recurringOpen: any, upcoming: any, doneInitiative: any;

  beforeAll(async () => {
    ended = await createDocument(ACTIVITY, { title: unique('Afgelopen'), slug: unique('afgelopen'), startsAt: ago(10), endsAt: ago(9) });
    recurringEnded = await createDocument(ACTIVITY, { title: unique('Reeks'), slug: unique('reeks'), startsAt: ago(100), recurrence: `FREQ=WEEKLY;UNTIL=${ago(20).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z` });
    recurringOpen = await createDocument(ACTIVITY, { title: unique('Elke week'), slug: unique('week'), startsAt: ago(100), recurrence: 'FREQ=WEEKLY;BYDAY=TU' });
    upcoming = await createDocument(ACTIVITY, { title: unique('Straks'), slug: unique('straks'), startsAt: ago(-5), endsAt: ago(-5) });
    doneInitiative = await createDocument(INITIATIVE, { title: unique('Klaar'), slug: unique('klaar'), stage: 'done' });
    await strapi().db.query(INITIATIVE).updateMany({ where: { documentId: doneInitiative.documentId }, data: { updatedAt: ago(60) } });
  });

  it('a dry run lists what would be archived and provably changes nothing', async () => {
    const watched = [ended, recurringEnded, recurringOpen, upcoming];
    const before = await Promise.all(watched.map((d) => rowsOf(ACTIVITY, d.documentId)));
    const runsBefore = await strapi().db.query('plugin::content-expiry.archive-record').count();
    const report = await expiry().run({ trigger: 'cli', dryRun: true });
    expect(report.status).toBe('succeeded');
    const listed = report.types[ACTIVITY].wouldArchive.map((i: any) => i.documentId);
    expect(listed).toEqual(expect.arrayContaining([ended.documentId, recurringEnded.documentId]));
    expect(listed).not.toContain(recurringOpen.documentId);
    expect(listed).not.toContain(upcoming.documentId);
    expect(report.types[ACTIVITY].wouldArchive.find((i: any) => i.documentId === ended.documentId).title).toBe(ended.title);
    expect(await Promise.all(watched.map((d) => rowsOf(ACTIVITY, d.documentId)))).toEqual(before);
    expect(await strapi().db.query('plugin::content-expiry.archive-record').count()).toBe(runsBefore);
    expect(await isPublic(`/api/activities/${ended.documentId}`)).toBe(true);
  });

  it('archives what has expired: unpublished, archivedAt set, still there for staff', async () => {
    const report = await expiry().run({ trigger: 'cli' });
    expect(report.types[ACTIVITY].archived).toBeGreaterThanOrEqual(2);
    for (const d of [ended, recurringEnded]) {
      expect(await isPublic(`/api/activities/${d.documentId}`)).toBe(false);
      const rows = await rowsOf(ACTIVITY, d.documentId);
      expect(rows).toHaveLength(1);
      expect(rows[0].publishedAt).toBeNull();
      expect(rows[0].archivedAt).toBeTruthy();
    }
    expect(await isPublic(`/api/activities/${recurringOpen.documentId}`)).toBe(true);
    expect(await isPublic(`/api/activities/${upcoming.documentId}`)).toBe(true);
    expect(await isPublic(`/api/initiatives/${doneInitiative.documentId}`)).toBe(false);
    const run = await strapi().db.query('plugin::content-expiry.run').findOne({ where: { id: report.runId } });
    expect(run).toMatchObject({ status: 'succeeded', trigger: 'cli', dryRun: false });
    expect(run.report[ACTIVITY].archived).toBe(report.types[ACTIVITY].archived);
  });

  it('running it again archives nothing twice', async () => {
    const again = await expiry().run({ trigger: 'cli' });
    expect(again.types[ACTIVITY].archived).toBe(0);
    expect(await strapi().db.query('plugin::content-expiry.archive-record').count({ where: { itemId: ended.documentId } })).toBe(1);
  });

  it('restores in one action, published again, and leaves it alone for a while', async () => {
    const restored = await restore().restore(ACTIVITY, ended.documentId);
    expect(restored).toEqual([{ uid: ACTIVITY, documentId: ended.documentId, republished: true }]);
    expect(await isPublic(`/api/activities/${ended.documentId}`)).toBe(true);
    await expiry().run({ trigger: 'cli' });
    expect(await isPublic(`/api/activities/${ended.documentId}`)).toBe(true);
    await expect(restore().restore(ACTIVITY, upcoming.documentId)).rejects.toThrow(/No archived item/);
  });

  it('continues a run that was killed halfway, counting only what is left', async () => {
    const items = await Promise.all(
      Array.from({ length: 6 }, () => createDocument(ACTIVITY, { title: unique('Oud'), slug: unique('oud'), startsAt: ago(30), endsAt: ago(30) }))
    );
    // The "killed" run: it claimed a run row and archived the first batch, then died.
    const stale = await strapi().db.query('plugin::content-expiry.run').create({ data: { trigger: 'schedule', status: 'running', startedAt: ago(1) } });
    const { createItemsRepository } = await import('../repositories/items');
    await createItemsRepository(strapi()).archive(ACTIVITY, items.slice(0, 3).map((i) => ({ documentId: i.documentId, reason: 'test' })), stale.id, new Date());

    const next = await expiry().run({ trigger: 'cli' });
    expect(next.types[ACTIVITY].archived).toBe(3);
    for (const i of items) expect(await isPublic(`/api/activities/${i.documentId}`)).toBe(false);
    expect((await strapi().db.query('plugin::content-expiry.run').findOne({ where: { id: stale.id } })).status).toBe('interrupted');
  });

  it('deletes items archived longer than the retention period, for good', async () => {
    const old = await createDocument(ACTIVITY, { title: unique('Heel oud'), slug: unique('heel-oud'), startsAt: ago(500), endsAt: ago(500) });
    await expiry().run({ trigger: 'cli' });
    await strapi().db.query(ACTIVITY).updateMany({ where: { documentId: old.documentId }, data: { archivedAt: ago(400) } });
    const dry = await expiry().run({ trigger: 'cli', dryRun: true });
    expect(dry.types[ACTIVITY].wouldDelete.map((i: any) => i.documentId)).toContain(old.documentId);
    expect(await strapi().db.query(ACTIVITY).count({ where: { documentId: old.documentId } })).toBe(1);
    const report = await expiry().run({ trigger: 'cli' });
    expect(report.types[ACTIVITY].deleted).toBeGreaterThanOrEqual(1);
    expect(await strapi().db.query(ACTIVITY).count({ where: { documentId: old.documentId } })).toBe(0);
  });
});

describe('content-expiry: organisations take their activities along', () => {
  it('archives an unconfirmed organisation with its activities; restoring brings back exactly those', async () => {
    const { org, running, ended } = await organisationWithActivities(400);
    await expiry().run({ trigger: 'cli' });
    for (const path of [`/api/organisations/${org.documentId}`, `/api/activities/${running.documentId}`, `/api/activities/${ended.documentId}`]) {
      expect(await isPublic(path)).toBe(false);
    }
    const restored = await restore().restore(ORG, org.documentId);
    expect(restored.map((r: any) => r.documentId)).toEqual([org.documentId, running.documentId]);
    expect(await isPublic(`/api/organisations/${org.documentId}`)).toBe(true);
    expect(await isPublic(`/api/activities/${running.documentId}`)).toBe(true);
    expect(await isPublic(`/api/activities/${ended.documentId}`)).toBe(false);
    const [row] = await strapi().db.query(ORG).findMany({ where: { documentId: org.documentId }, limit: 1 });
    expect(new Date(row.lastConfirmedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('leaves confirmed organisations alone', async () => {
    const { org, running } = await organisationWithActivities(30);
    await expiry().run({ trigger: 'cli' });
    expect(await isPublic(`/api/organisations/${org.documentId}`)).toBe(true);
    expect(await isPublic(`/api/activities/${running.documentId}`)).toBe(true);
  });
});

describe('content-expiry: owners hear about it a week before, once', () => {
  it('mails the organisation’s editors and reminder address', async () => {
    const editor = await createUser({ language: 'en' });
    const org = await createDocument(ORG, { name: unique('Club'), slug: unique('club'), reminderEmail: `${unique('rem')}@club.example`, members: [editor.id], lastConfirmedAt: new Date() });
    const soon = await createDocument(ACTIVITY, { title: unique('Bijna voorbij'), slug: unique('bijna'), organisation: org.documentId, startsAt: ago(-2), endsAt: ago(-3) });
    await expiry().run({ trigger: 'cli' });
    const english = await mailSink().waitFor({ to: editor.email, subject: /still running/ });
    expect(english.text).toContain(soon.title);
    await mailSink().waitFor({ to: org.reminderEmail, subject: /nog door/ });
    await expiry().run({ trigger: 'cli' });
    expect(mailSink().messages.filter((m) => m.subject.includes(soon.title))).toHaveLength(2);
  });

  it('a warning SMTP refuses waits in the outbox’s failed list; retrying it sends it', async () => {
    const org = await createDocument(ORG, { name: unique('Club'), slug: unique('club'), reminderEmail: `${unique('rem')}@club.example`, lastConfirmedAt: new Date() });
    const soon = await createDocument(ACTIVITY, { title: unique('Laatste keer'), slug: unique('laatste'), organisation: org.documentId, startsAt: ago(-2), endsAt: ago(-3) });
    const outboxConfig = strapi().config.get('plugin::outbox') as object;
    strapi().config.set('plugin::outbox', { ...outboxConfig, attempts: 1 });
    try {
      mailSink().failNext(1, 451);
      await expiry().run({ trigger: 'cli' });
    } finally {
      strapi().config.set('plugin::outbox', outboxConfig);
    }
    const [failed] = await strapi().db.query('plugin::outbox.message').findMany({ where: { kind: 'content-expiry.warning', ref: soon.documentId } });
    expect(failed).toMatchObject({ status: 'failed', recipient: org.reminderEmail });
    expect(await strapi().db.query('plugin::content-expiry.notice').findOne({ where: { itemId: soon.documentId } })).toMatchObject({ status: 'failed' });
    expect(await strapi().plugin('outbox').service('outbox').retry(failed.id)).toBe('sent');
    const mail = await mailSink().waitFor({ to: org.reminderEmail, subject: new RegExp(soon.title) });
    expect(mail.text).toMatch(/verdwijnt na \d+ \w+ \d{4}/);
  });
});

describe('content-expiry: one scheduled run per slot, however many instances', () => {
  it('two runs of the same slot at the same moment: one works, the other skips', async () => {
    const slot = unique('slot');
    const [a, b] = await Promise.all([expiry().run({ trigger: 'schedule', slot }), expiry().run({ trigger: 'schedule', slot })]);
    expect([a.status, b.status].sort()).toEqual(['skipped', 'succeeded']);
    expect(await strapi().db.query('plugin::content-expiry.run').count({ where: { slot } })).toBe(1);
  });

  (databaseClient() === 'postgres' ? it : it.skip)('two Strapi instances (processes) against one PostgreSQL run a slot once', async () => {
    const items = await Promise.all(
      Array.from({ length: 4 }, () => createDocument(ACTIVITY, { title: unique('Twee'), slug: unique('twee'), startsAt: ago(20), endsAt: ago(20) }))
    );
    const slot = unique('instances');
    const [one, two] = await Promise.all([runScript('expiry.js', ['--slot', slot]), runScript('expiry.js', ['--slot', slot])]);
    // The output comes along so a failing child says why.
    expect([one, two]).toEqual([expect.objectContaining({ code: 0 }), expect.objectContaining({ code: 0 })]);
    const outputs = [one.out, two.out];
    expect(outputs.filter((o) => o.includes('already ran on another instance'))).toHaveLength(1);
    expect(await strapi().db.query('plugin::content-expiry.run').count({ where: { slot } })).toBe(1);
    for (const i of items) expect(await strapi().db.query('plugin::content-expiry.archive-record').count({ where: { itemId: i.documentId } })).toBe(1);
  }, 180_000);
});

describe('content-expiry: staff endpoints', () => {
  let adminToken: string;

  beforeAll(async () => {
    const email = `${unique('staff')}@town.example`;
    const superAdmin = await strapi().service('admin::role').getSuperAdmin();
    await strapi().service('admin::user').create({ email, password: 'Staff-Passw0rd', firstname: 'S', lastname: 'T', isActive: true, registrationToken: null, roles: [superAdmin.id] });
    adminToken = (await api().post('/admin/login').send({ email, password: 'Staff-Passw0rd' }).expect(200)).body.data.token;
  });

  it('admin: the managed types come from the config, so the staff page names none of its own', async () => {
    const auth = { Authorization: `Bearer ${adminToken}` };
    const types = await api().get('/content-expiry/types').set(auth).expect(200);
    const configured = (strapi().config.get('plugin::content-expiry') as any).types.map((t: { uid: string }) => t.uid);
    expect(types.body.data.map((t: any) => t.uid)).toEqual(configured);
    expect(types.body.data).toContainEqual({ uid: ACTIVITY, displayName: expect.any(String) });
    await api().get('/content-expiry/types').expect(401);
  });

  it('admin: list runs, dry run now, list archived, restore', async () => {
    const auth = { Authorization: `Bearer ${adminToken}` };
    const dry = await api().post('/content-expiry/runs').set(auth).send({ dryRun: true }).expect(200);
    expect(dry.body.data).toMatchObject({ status: 'succeeded', dryRun: true });
    const runs = await api().get('/content-expiry/runs').set(auth).expect(200);
    expect(runs.body.data[0]).toMatchObject({ id: dry.body.data.runId, trigger: 'admin', dryRun: true });

    const item = await createDocument(ACTIVITY, { title: unique('Terug'), slug: unique('terug'), startsAt: ago(15), endsAt: ago(15) });
    await expiry().run({ trigger: 'cli' });
    const archived = await api().get(`/content-expiry/archived?uid=${ACTIVITY}&pageSize=100`).set(auth).expect(200);
    expect(archived.body.data.map((a: any) => a.documentId)).toContain(item.documentId);
    const restored = await api().post('/content-expiry/restore').set(auth).send({ uid: ACTIVITY, documentId: item.documentId }).expect(200);
    expect(restored.body.data[0]).toMatchObject({ documentId: item.documentId, republished: true });
    expect(await isPublic(`/api/activities/${item.documentId}`)).toBe(true);
  });

  it('refuses bad input (400), unknown items (404), anonymous callers and residents', async () => {
    const auth = { Authorization: `Bearer ${adminToken}` };
    await api().post('/content-expiry/restore').set(auth).send({ uid: 'nope', documentId: 'x' }).expect(400);
    await api().post('/content-expiry/restore').set(auth).send({ uid: 'api::category.category', documentId: 'a'.repeat(24) }).expect(400);
    await api().post('/content-expiry/restore').set(auth).send({ uid: ACTIVITY, documentId: 'a'.repeat(24) }).expect(404);
    await api().post('/content-expiry/runs').set(auth).send({ dryRun: 'yes' }).expect(400);
    for (const query of ['page=0', 'page=1.5', 'pageSize=101', 'pageSize[]=5', 'page=1&page=2']) await api().get(`/content-expiry/archived?uid=${ACTIVITY}&${query}`).set(auth).expect(400);
    await api().get('/content-expiry/runs').expect(401);
    await api().post('/api/content-expiry/restore').send({ uid: ACTIVITY, documentId: 'a'.repeat(24) }).expect(403);
    const resident = await createUser();
    const jwt = (await api().post('/api/auth/local').send({ identifier: resident.email, password: 'Secret-Passw0rd' }).expect(200)).body.jwt;
    await api().post('/api/content-expiry/runs').set({ Authorization: `Bearer ${jwt}` }).send({ dryRun: false }).expect(403);
  });

  it('staff with a full-access API token restore over REST', async () => {
    const token = await strapi().service('admin::api-token').create({ name: unique('staff'), type: 'full-access', lifespan: null });
    const item = await createDocument(ACTIVITY, { title: unique('Rest'), slug: unique('rest'), startsAt: ago(15), endsAt: ago(15) });
    await expiry().run({ trigger: 'cli' });
    const res = await api().post('/api/content-expiry/restore').set({ Authorization: `Bearer ${token.accessKey}` }).send({ uid: ACTIVITY, documentId: item.documentId }).expect(200);
    expect(res.body.data[0].documentId).toBe(item.documentId);
  });
});
