import { adminToken, removeAdmins } from '../../../../tests/helpers/admin';
import { api, bearer, createDocument, resident, unique } from '../../../../tests/helpers/fixtures';
import { strapi } from '../../../../tests/helpers/strapi';

const ORG = 'api::organisation.organisation';
const ACTIVITY = 'api::activity.activity';
const INITIATIVE = 'api::initiative.initiative';
const COMMENT = 'plugin::idea-support.comment';
const SEND_LOG = 'plugin::listing-reminders.send-log';
const MESSAGE = 'plugin::outbox.message';
const SETTINGS = 'api::enrolment.enrolment-settings';
const ENROLMENT = 'api::enrolment.enrolment';
const DAY = 24 * 3600_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY);

const KEYS = ['organisationsAwaitingApproval', 'reportsAwaitingDecision', 'initiativesAwaitingReply', 'staleListings', 'expiringSoon', 'failedReminderMails', 'fullActivities'];

type Item = { key: string; count: number; href: string };

describe('the cockpit: what needs staff today', () => {
  let admin: string;
  /** Rows made here that other suites' counts should not meet. */
  const made: { uid: string; id: number }[] = [];
  const create = async (uid: string, data: Record<string, unknown>) => {
    const row = await strapi().db.query(uid as any).create({ data });
    made.push({ uid, id: row.id });
    return row;
  };

  beforeAll(async () => {
    admin = await adminToken();
  });

  afterAll(async () => {
    for (const { uid, id } of made.reverse()) await strapi().db.query(uid as any).delete({ where: { id } });
    await removeAdmins();
  });

  async function cockpit(): Promise<Record<string, Item>> {
    const res = await api().get('/buurtplein/cockpit').set(bearer(admin)).expect(200);
    expect(res.body.meta).toEqual({});
    return Object.fromEntries((res.body.data.items as Item[]).map((item) => [item.key, item]));
  }

  /** How much `key` went up while `change` ran; checks the item's link on the way. */
  async function delta(key: string, change: () => Promise<unknown>): Promise<number> {
    const before = (await cockpit())[key];
    await change();
    const after = (await cockpit())[key];
    expect(typeof after.href).toBe('string');
    expect(after.href.startsWith('/admin/')).toBe(true);
    return after.count - before.count;
  }

  it('answers every item, in order, with a count and a link into the admin panel', async () => {
    const res = await api().get('/buurtplein/cockpit').set(bearer(admin)).expect(200);
    expect(res.body.data.items.map((i: Item) => i.key)).toEqual(KEYS);
    for (const item of res.body.data.items as Item[]) {
      expect(Number.isInteger(item.count) && item.count >= 0).toBe(true);
      expect(item.href).toMatch(/^\/admin\//);
    }
  });

  it('is for staff only: 401 without the admin session, also with a resident login; 400 to parameters', async () => {
    await api().get('/buurtplein/cockpit').expect(401);
    const { jwt } = await resident();
    await api().get('/buurtplein/cockpit').set(bearer(jwt)).expect(401);
    const res = await api().get('/buurtplein/cockpit?limit=5').set(bearer(admin)).expect(400);
    expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
  });

  it('counts an organisation that signed up and waits for approval', async () => {
    const tag = unique('aanmelding');
    expect(await delta('organisationsAwaitingApproval', () => createDocument(ORG, { name: `Nieuw ${tag}`, slug: `nieuw-${tag}`, approvalStatus: 'pending' }, 'draft'))).toBe(1);
    expect((await cockpit()).organisationsAwaitingApproval.href).toContain('content-manager/collection-types/api::organisation.organisation?filters');
  });

  it('counts a reaction hidden by reports, waiting in the moderation queue', async () => {
    const tag = unique('idee');
    const initiative = await createDocument(INITIATIVE, { title: `Idee ${tag}`, slug: `idee-${tag}` });
    const change = () => create(COMMENT, { initiative: initiative.documentId, userId: null, authorName: 'Bewoner', body: `Gemeld ${tag}`, status: 'hidden', reportCount: 3, official: false });
    expect(await delta('reportsAwaitingDecision', change)).toBe(1);
  });

  it('counts a public initiative at the support threshold without an official reply, until staff reply', async () => {
    const { threshold } = strapi().config.get('plugin::idea-support') as { threshold: number };
    const tag = unique('gesteund');
    const initiative = await createDocument(INITIATIVE, { title: `Gesteund ${tag}`, slug: `gesteund-${tag}` });
    const backed = () => strapi().db.query(INITIATIVE).updateMany({ where: { documentId: initiative.documentId }, data: { supportCount: threshold } });
    expect(await delta('initiativesAwaitingReply', backed)).toBe(1);
    const reply = () => create(COMMENT, { initiative: initiative.documentId, authorName: 'Gemeente', body: `Wij pakken het op ${tag}`, status: 'approved', official: true });
    expect(await delta('initiativesAwaitingReply', reply)).toBe(-1);
  });

  it('counts an organisation on the stale list: the last two quarterly reminders unanswered', async () => {
    const tag = unique('stil');
    const organisation = await createDocument(ORG, { name: `Stil ${tag}`, slug: `stil-${tag}`, approvalStatus: 'approved', reminderEmail: `${tag}@secret.example` });
    const now = new Date();
    const quarter = (offset: number) => {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3 * offset, 15));
      return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
    };
    const missed = async () => {
      for (const period of [quarter(1), quarter(2)]) await create(SEND_LOG, { organisation: organisation.documentId, period, sentAt: now, email: `${tag}@secret.example`, language: 'nl' });
    };
    expect(await delta('staleListings', missed)).toBe(1);
  });

  it('counts what content-expiry archives within 7 days, not what expires later or has expired already', async () => {
    const tag = unique('verloopt');
    const activity = (name: string, endsAt: Date) => createDocument(ACTIVITY, { title: `${name} ${tag}`, slug: `${name}-${tag}`, startsAt: new Date(endsAt.getTime() - 2 * 3600_000).toISOString(), endsAt: endsAt.toISOString() });
    // Activities expire a day after they end; organisations 9 months after their last confirmation.
    const expiring = async () => {
      await activity('bijna', inDays(3));
      await activity('later', inDays(20));
      await activity('voorbij', inDays(-5));
      const nineMonthsAgo = new Date();
      nineMonthsAgo.setUTCMonth(nineMonthsAgo.getUTCMonth() - 9);
      await createDocument(ORG, { name: `Vergeten ${tag}`, slug: `vergeten-${tag}`, approvalStatus: 'approved', lastConfirmedAt: new Date(nineMonthsAgo.getTime() + 2 * DAY).toISOString() });
    };
    expect(await delta('expiringSoon', expiring)).toBe(2);
    expect((await cockpit()).expiringSoon.href).toBe('/admin/plugins/content-expiry');
  });

  it('counts a reminder mail the outbox gave up on, and no failed mail of another kind', async () => {
    const failed = (kind: string) =>
      create(MESSAGE, { dedupeKey: unique('key'), kind, ref: unique('org'), round: '2026-Q1', recipient: `${unique('r')}@secret.example`, status: 'failed', attempts: 4, lastError: '451 try later' });
    expect(await delta('failedReminderMails', () => failed('listing-reminders.reminder'))).toBe(1);
    expect(await delta('failedReminderMails', () => failed('content-expiry.warning'))).toBe(0);
  });

  it('counts a public activity whose enrolment is open and whose places are all taken', async () => {
    const tag = unique('vol');
    const activity = await createDocument(ACTIVITY, { title: `Vol ${tag}`, slug: `vol-${tag}`, startsAt: inDays(10).toISOString(), endsAt: new Date(inDays(10).getTime() + 3600_000).toISOString() });
    const open = () => create(SETTINGS, { activity: activity.documentId, open: true, capacity: 1, waitlist: false, perOccurrence: false, questions: [] });
    expect(await delta('fullActivities', open)).toBe(0);
    const taken = () => create(ENROLMENT, { activity: activity.documentId, occurrence: 'series', email: `${tag}@private.example`, name: 'Deelnemer', status: 'confirmed', place: 1, placedAt: new Date() });
    expect(await delta('fullActivities', taken)).toBe(1);
  });
});
