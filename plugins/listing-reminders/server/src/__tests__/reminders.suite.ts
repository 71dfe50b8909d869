import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { dedupeKeyOf, messageIdOf } from '@buurtplein/plugin-kit';
import { runScript } from '../../../../../tests/helpers/cli';
import { api, createDocument, unique } from '../../../../../tests/helpers/fixtures';
import { databaseClient, FRONTEND_URL, mailSink, strapi } from '../../../../../tests/helpers/strapi';
import { createConfirmToken } from '../utils/confirm-token';

const ORG = 'api::organisation.organisation';
const ACTIVITY = 'api::activity.activity';
const LOG = 'plugin::listing-reminders.send-log';
const MESSAGE = 'plugin::outbox.message';
const KIND = 'listing-reminders.reminder';
const ROOT = path.resolve(__dirname, '../../../../..');

let periodCounter = 0;
/** A quarter of its own per test, so send logs of different tests never meet. */
const freshPeriod = () => `${2040 + Math.floor(periodCounter / 4)}-Q${(periodCounter++ % 4) + 1}`;

const reminders = () => strapi().plugin('listing-reminders').service('reminders');
const config = () => strapi().config.get('plugin::listing-reminders') as any;
const outboxConfig = () => strapi().config.get('plugin::outbox') as any;
/** The reminder's Message-ID: the same for an organisation and period on every try. */
const messageIdFor = (organisation: string, period: string) => messageIdOf(dedupeKeyOf({ kind: KIND, ref: organisation, round: period }), outboxConfig().messageIdDomain);
/** The outbox's row of one organisation's reminder for a period. */
const outboxRow = (organisation: string, period: string) => strapi().db.query(MESSAGE).findOne({ where: { kind: KIND, ref: organisation, round: period } });

async function organisations(count: number, extra: Record<string, unknown> = {}) {
  return Promise.all(
    Array.from({ length: count }, async () => {
      const org = await createDocument(ORG, {
        name: unique('Vereniging'),
        slug: unique('vereniging'),
        phone: '033-1112233',
        reminderEmail: `${unique('herinnering')}@club.example`,
        lastConfirmedAt: new Date('2025-01-01T00:00:00Z'),
        ...extra,
      });
      return org as { documentId: string; name: string; reminderEmail: string };
    })
  );
}

const mailsTo = (email: string) => mailSink().messages.filter((m) => m.to.includes(email));
/** Reminders of one organisation for one period, by their Message-ID. */
const remindersFor = (organisation: string, period: string) =>
  mailSink().messages.filter((m) => m.headers.get('message-id') === messageIdFor(organisation, period));
const confirmLinkIn = (text: string) => text.match(/https?:\/\/\S+\/api\/listing-reminders\/confirm\?token=\S+/)![0];
/** Runs with a changed config of the plugins named in `patches` (listing-reminders, outbox). */
const withConfig = async (patches: Record<string, Record<string, unknown>>, run: () => Promise<void>) => {
  const saved = Object.keys(patches).map((plugin) => [plugin, strapi().config.get(`plugin::${plugin}`)] as const);
  for (const [plugin, patch] of Object.entries(patches)) strapi().config.set(`plugin::${plugin}`, { ...(strapi().config.get(`plugin::${plugin}`) as object), ...patch });
  try {
    await run();
  } finally {
    for (const [plugin, value] of saved) strapi().config.set(`plugin::${plugin}`, value);
  }
};

describe('listing-reminders: the quarterly mail', () => {
  it('sends every organisation one mail with its summary, a confirm link and a login link; never twice', async () => {
    const [org, other] = await organisations(2, { preferredLanguage: 'en' });
    await createDocument(ACTIVITY, { title: unique('Wandeling'), slug: unique('wandeling'), organisation: org.documentId, startsAt: new Date(Date.now() + 7 * 864e5) });
    const period = freshPeriod();
    const first = await reminders().run({ period, trigger: 'cli' });
    expect(first.status).toBe('succeeded');
    const mail = await mailSink().waitFor({ to: org.reminderEmail, subject: /Is your listing still right/ });
    expect(mail.text).toContain(org.name);
    expect(mail.text).toContain('033-1112233');
    expect(mail.text).toMatch(/Wandeling/);
    expect(mail.headers.get('message-id')).toBe(messageIdFor(org.documentId, period));
    const editLink = mailSink().linksIn(mail).find((l) => l.startsWith(`${FRONTEND_URL}/login/email`))!;
    expect(new URL(editLink).searchParams.get('next')).toBe('/manage/');
    const login = await api().post('/api/auth/magic-link/callback').send({ token: new URL(editLink).searchParams.get('token') }).expect(200);
    expect(login.body.user.email).toBe(org.reminderEmail);

    const second = await reminders().run({ period, trigger: 'cli' });
    expect(second.sent).toBe(0);
    expect(mailsTo(org.reminderEmail)).toHaveLength(1);
    expect(mailsTo(other.reminderEmail)).toHaveLength(1);
  });

  it('the confirm link works once, without login, in the organisation’s language; old and forged links get a clear page', async () => {
    const [org] = await organisations(1);
    const activity = await createDocument(ACTIVITY, { title: unique('Koffie'), slug: unique('koffie'), organisation: org.documentId });
    const period = freshPeriod();
    await reminders().run({ period, trigger: 'cli' });
    const mail = await mailSink().waitFor({ to: org.reminderEmail, subject: /Klopt je vermelding nog/ });
    const url = new URL(confirmLinkIn(mail.text));

    const page = await api().get(`${url.pathname}${url.search}`).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('<html lang="nl">');
    expect(page.text).toContain('Dank je wel');
    const rows = await strapi().db.query(ORG).findMany({ where: { documentId: org.documentId } });
    for (const row of rows) expect(Date.now() - new Date(row.lastConfirmedAt).getTime()).toBeLessThan(60_000);
    const act = await strapi().db.query(ACTIVITY).findOne({ where: { documentId: activity.documentId } });
    expect(Date.now() - new Date(act.lastConfirmedAt).getTime()).toBeLessThan(60_000);

    const again = await api().get(`${url.pathname}${url.search}`).expect(200);
    expect(again.text).toContain('Al bevestigd');
    const forged = await api().get(`${url.pathname}?token=${url.searchParams.get('token')!.slice(0, -3)}abc`).expect(400);
    expect(forged.text).toContain('Deze link werkt niet');
    await api().get('/api/listing-reminders/confirm').expect(400);
    await api().get('/api/listing-reminders/confirm?token[]=x').expect(400);
    const old = createConfirmToken(config().secret, org.documentId, '2020-Q1');
    const expired = await api().get(`/api/listing-reminders/confirm?token=${old}`).expect(410);
    expect(expired.text).toContain('verlopen');
  });

  it('a dry run shows who would get a mail and sends nothing', async () => {
    const [org] = await organisations(1);
    const period = freshPeriod();
    const dry = await reminders().run({ period, trigger: 'cli', dryRun: true });
    expect(dry.recipients.map((r: any) => r.email)).toContain(org.reminderEmail);
    expect(await strapi().db.query(LOG).count({ where: { period } })).toBe(0);
    expect(await strapi().db.query(MESSAGE).count({ where: { kind: KIND, round: period } })).toBe(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(mailsTo(org.reminderEmail)).toHaveLength(0);
  });

  it('skips pending organisations and those without a reminder address', async () => {
    const [pending] = await organisations(1, { approvalStatus: 'pending' });
    const period = freshPeriod();
    const dry = await reminders().run({ period, trigger: 'cli', dryRun: true });
    expect(dry.recipients.map((r: any) => r.email)).not.toContain(pending.reminderEmail);
  });
});

describe('listing-reminders: exactly once under concurrency, crashes and SMTP failures', () => {
  it('two runs at the same time send each organisation one mail', async () => {
    const orgs = await organisations(6);
    const period = freshPeriod();
    const [a, b] = await Promise.all([reminders().run({ period, trigger: 'cli' }), reminders().run({ period, trigger: 'cli' })]);
    expect(a.sent + b.sent).toBeGreaterThanOrEqual(6);
    await new Promise((r) => setTimeout(r, 300));
    for (const org of orgs) expect(mailsTo(org.reminderEmail)).toHaveLength(1);
  });

  (databaseClient() === 'postgres' ? it : it.skip)('two Strapi instances (processes) sending the same quarter at once: one mail each', async () => {
    const orgs = await organisations(5);
    // The command takes the current quarter (or a recent one) only; these organisations are new, so it is fresh for them.
    const now = new Date();
    const period = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
    const runs = await Promise.all([runScript('reminders.js', ['--period', period]), runScript('reminders.js', ['--period', period])]);
    // The output comes along so a failing child says why.
    expect(runs).toEqual([expect.objectContaining({ code: 0 }), expect.objectContaining({ code: 0 })]);
    await new Promise((r) => setTimeout(r, 500));
    for (const org of orgs) expect(remindersFor(org.documentId, period)).toHaveLength(1);
    expect(await strapi().db.query(LOG).count({ where: { period, sentAt: { $notNull: true } } })).toBeGreaterThanOrEqual(5);
  }, 180_000);

  it('two scheduled runs of the same slot: one sends, the other skips', async () => {
    await organisations(1);
    const period = freshPeriod();
    const slot = unique('slot');
    const results = await Promise.all([reminders().run({ period, trigger: 'schedule', slot }), reminders().run({ period, trigger: 'schedule', slot })]);
    expect(results.map((r: any) => r.status).sort()).toEqual(['skipped', 'succeeded']);
  });

  it('a run killed halfway: the next one sends what was left, and not what was sent', async () => {
    const [sent, crashed, live] = await organisations(3);
    const period = freshPeriod();
    const old = new Date(Date.now() - 60 * 60_000);
    // What a run leaves in the outbox when it dies between claiming a mail and sending it.
    const row = (org: typeof sent, status: string, claimedAt: Date) => {
      const dedupeKey = dedupeKeyOf({ kind: KIND, ref: org.documentId, round: period });
      return strapi().db.query(MESSAGE).create({
        data: { dedupeKey, kind: KIND, ref: org.documentId, round: period, recipient: org.reminderEmail, status, claimedAt, attempts: 1, messageId: messageIdOf(dedupeKey, outboxConfig().messageIdDomain) },
      });
    };
    await row(sent, 'sent', old);
    await row(crashed, 'sending', old); // claimed by a run that died before sending
    await row(live, 'sending', new Date()); // claimed right now by another, living run
    await reminders().run({ period, trigger: 'cli' });
    await new Promise((r) => setTimeout(r, 300));
    expect(mailsTo(sent.reminderEmail)).toHaveLength(0);
    expect(mailsTo(crashed.reminderEmail)).toHaveLength(1);
    expect(mailsTo(live.reminderEmail)).toHaveLength(0);
  });

  it('retries a failing SMTP server with backoff, and records a mail that keeps failing', async () => {
    await withConfig({ 'listing-reminders': { concurrency: 1 }, outbox: { attempts: 3, backoffMs: 20 } }, async () => {
      const [flaky] = await organisations(1);
      const period = freshPeriod();
      // One at a time: the first organisation's first two tries meet a server that says "try again later".
      mailSink().failNext(2, 451);
      const result = await reminders().run({ period, trigger: 'cli' });
      expect(result.failed).toBe(0);
      const thirdTry = await strapi().db.query(MESSAGE).findMany({ where: { kind: KIND, round: period, attempts: 3 } });
      expect(thirdTry).toHaveLength(1);
      expect(thirdTry[0].status).toBe('sent');
      expect(remindersFor(thirdTry[0].ref, period)).toHaveLength(1);
      expect((await strapi().db.query(LOG).findOne({ where: { organisation: thirdTry[0].ref, period } })).sentAt).toBeTruthy();
      expect(mailsTo(flaky.reminderEmail)).toHaveLength(1);

      const [down] = await organisations(1);
      const period2 = freshPeriod();
      const others = await strapi().db.query(ORG).count({ where: { publishedAt: { $notNull: true }, approvalStatus: 'approved', reminderEmail: { $notNull: true } } });
      mailSink().failNext(3 * others, 451);
      const failing = await reminders().run({ period: period2, trigger: 'cli' });
      expect(failing.failed).toBeGreaterThanOrEqual(1);
      const failed = await outboxRow(down.documentId, period2);
      expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
      expect(failed.lastError).toMatch(/451/);
      // Not sent: nothing in the send log, so the confirm link (which only a sent mail carries) finds nothing either.
      expect(await strapi().db.query(LOG).findOne({ where: { organisation: down.documentId, period: period2 } })).toBeNull();
      // Staff see it on this page, with the outbox message they can retry.
      const failures = await strapi().plugin('listing-reminders').service('stats').failures(period2);
      expect(failures).toContainEqual(expect.objectContaining({ id: failed.id, organisation: down.documentId, email: down.reminderEmail, attempts: 3 }));

      const retried = await reminders().run({ period: period2, trigger: 'cli' });
      expect(retried.sent).toBeGreaterThanOrEqual(1);
      expect(mailsTo(down.reminderEmail)).toHaveLength(1);
    });
  }, 60_000);
});

describe('listing-reminders: staff', () => {
  let auth: { Authorization: string };
  let adminEmail: string;

  beforeAll(async () => {
    adminEmail = `${unique('staff')}@town.example`;
    const superAdmin = await strapi().service('admin::role').getSuperAdmin();
    await strapi().service('admin::user').create({ email: adminEmail, password: 'Staff-Passw0rd', firstname: 'S', lastname: 'T', isActive: true, registrationToken: null, roles: [superAdmin.id] });
    auth = { Authorization: `Bearer ${(await api().post('/admin/login').send({ email: adminEmail, password: 'Staff-Passw0rd' }).expect(200)).body.data.token}` };
  });

  it('edits the Dutch text, previews it, sends a test to themselves; the next reminder uses it', async () => {
    const body = 'Hallo {{organisation}},\n\nKlopt alles? {{confirmLink}}\n\nAanpassen: {{editLink}}';
    await api().put('/listing-reminders/templates/nl').set(auth).send({ subject: 'Even checken: {{organisation}}', body: 'Geen link {{organisation}}' }).expect(400);
    const unknown = await api().put('/listing-reminders/templates/nl').set(auth).send({ subject: 'x', body: '{{confirmLink}} {{shoeSize}}' }).expect(400);
    expect(unknown.body.error.message).toMatch(/shoeSize/);
    await api().put('/listing-reminders/templates/de').set(auth).send({ subject: 'x', body: '{{confirmLink}}' }).expect(400);

    const preview = await api().post('/listing-reminders/templates/nl/preview').set(auth).send({ subject: 'Even checken: {{organisation}}', body }).expect(200);
    expect(preview.body.data.subject).toBe('Even checken: Wandelclub De Hoven');
    expect(preview.body.data.html).toContain('<a href=');
    await api().post('/listing-reminders/templates/nl/test').set(auth).send({ subject: 'Even checken: {{organisation}}', body }).expect(200);
    await mailSink().waitFor({ to: adminEmail, subject: /\[TEST\] Even checken/ });

    await api().put('/listing-reminders/templates/nl').set(auth).send({ subject: 'Even checken: {{organisation}}', body }).expect(200);
    try {
      const [org] = await organisations(1);
      await reminders().run({ period: freshPeriod(), trigger: 'cli' });
      await mailSink().waitFor({ to: org.reminderEmail, subject: new RegExp(`Even checken: ${org.name}`) });
    } finally {
      await api().delete('/listing-reminders/templates/nl').set(auth).expect(200);
    }
    const templates = await api().get('/listing-reminders/templates').set(auth).expect(200);
    expect(templates.body.data.nl.custom).toBe(false);
  });

  it('sees runs, the confirmation rate per quarter, failures and stale listings', async () => {
    const [answered, silent] = await organisations(2);
    const now = new Date();
    const quarter = (offset: number) => {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3 * offset, 15));
      return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
    };
    for (const period of [quarter(1), quarter(2)]) {
      for (const org of [answered, silent]) {
        await strapi().db.query(LOG).create({ data: { organisation: org.documentId, period, sentAt: now, email: org.reminderEmail, ...(org === answered && period === quarter(1) ? { confirmedAt: now } : {}) } });
      }
    }
    const overview = await api().get('/listing-reminders/overview').set(auth).expect(200);
    const stale = overview.body.data.stale.organisations.map((o: any) => o.documentId);
    expect(stale).toContain(silent.documentId);
    expect(stale).not.toContain(answered.documentId);
    const last = overview.body.data.perPeriod.find((p: any) => p.period === quarter(1));
    expect(last.sent).toBeGreaterThanOrEqual(2);
    expect(last.confirmationRate).toBeGreaterThan(0);
    expect(Array.isArray(overview.body.data.runs)).toBe(true);

    const dry = await api().post('/listing-reminders/runs').set(auth).send({ period: freshPeriod(), dryRun: true }).expect(200);
    expect(dry.body.data.dryRun).toBe(true);
    await api().post('/listing-reminders/runs').set(auth).send({ period: '2026-Q5' }).expect(400);
    await api().get('/listing-reminders/overview').expect(401);
  });

  it('npm run reminders -- --dry-run shows who would get a mail', () => {
    const now = new Date();
    const period = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/reminders.js'), '--period', period, '--dry-run'], { cwd: ROOT, env: process.env, encoding: 'utf8', timeout: 90_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`DRY RUN ${period}: \\d+ organisation\\(s\\) would get a mail`));
    const bad = spawnSync(process.execPath, [path.join(ROOT, 'scripts/reminders.js'), '--period', 'soon'], { cwd: ROOT, env: process.env, encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--period must look like \d{4}-Q[1-4], not "soon"/);
  }, 100_000);
});
