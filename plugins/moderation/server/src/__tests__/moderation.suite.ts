import { adminToken, removeAdmins } from '../../../../../tests/helpers/admin';
import { api, bearer, createDocument, resident, unique } from '../../../../../tests/helpers/fixtures';
import { strapi } from '../../../../../tests/helpers/strapi';
import configDefinition from '../config';

/** Reactions to initiatives (idea-support) are the moderated type the app has today. */
const TYPE = 'idea-support.comment';
const COMMENT_UID = 'plugin::idea-support.comment';
const moderation = () => strapi().plugin('moderation').service('moderation');

async function reportedComment(reports: number, body = unique('Reactie')) {
  const initiative = await createDocument('api::initiative.initiative', { title: unique('Idee'), slug: unique('idee') });
  const author = await resident();
  const posted = await api().post(`/api/idea-support/initiatives/${initiative.documentId}/comments`).set(bearer(author.jwt)).send({ data: { body } }).expect(201);
  const reporters = [];
  for (let i = 0; i < reports; i++) {
    // A name of its own: generated names ("Bewoner 4991") can repeat among many accounts, and the queue must be seen to leave reporters out.
    const reporter = await resident({ displayName: unique('Melder') });
    reporters.push(reporter);
    await api().post(`/api/idea-support/comments/${posted.body.data.id}/report`).set(bearer(reporter.jwt)).expect(200);
  }
  return { initiative, author, reporters, id: posted.body.data.id as number };
}
const statusOf = async (id: number) => (await strapi().db.query(COMMENT_UID).findOne({ where: { id }, select: ['status'] })).status;
const publicIds = async (documentId: string) =>
  (await api().get(`/api/idea-support/initiatives/${documentId}/comments?pageSize=100`).expect(200)).body.data.map((c: { id: number }) => c.id);

describe('moderation: the staff queue', () => {
  let auth: { Authorization: string };
  beforeAll(async () => {
    auth = { Authorization: `Bearer ${await adminToken()}` };
  });
  afterAll(removeAdmins);

  it('lists hidden items first, then reported visible ones, with the text staff judge and never who reported', async () => {
    const hidden = await reportedComment(3, unique('Verborgen'));
    const once = await reportedComment(1, unique('Eén keer gemeld'));
    const clean = await reportedComment(0);
    const queue = (await api().get('/moderation/queue?limit=500').set(auth).expect(200)).body.data;
    const hiddenAt = queue.findIndex((i: any) => i.id === hidden.id && i.type === TYPE);
    const onceAt = queue.findIndex((i: any) => i.id === once.id && i.type === TYPE);
    expect(hiddenAt).toBeGreaterThanOrEqual(0);
    expect(onceAt).toBeGreaterThan(hiddenAt);
    expect(queue.some((i: any) => i.id === clean.id && i.type === TYPE)).toBe(false);
    expect(queue[hiddenAt]).toEqual({
      type: TYPE,
      label: { nl: 'Reactie op een initiatief', en: 'Reaction to an initiative' },
      id: hidden.id,
      status: 'hidden',
      reportCount: 3,
      text: expect.stringMatching(/^Verborgen/),
      author: hidden.author.user.displayName,
      context: hidden.initiative.documentId,
      createdAt: expect.any(String),
    });
    const text = JSON.stringify(queue);
    for (const reporter of hidden.reporters) {
      expect(text).not.toContain(reporter.user.email);
      expect(text).not.toContain(reporter.user.displayName);
    }
  });

  it('approve brings a hidden item back for good; remove takes it down and nothing is left to report', async () => {
    const item = await reportedComment(3);
    expect(await publicIds(item.initiative.documentId)).not.toContain(item.id);
    const approved = await api().post('/moderation/decisions').set(auth).send({ type: TYPE, id: item.id, decision: 'approve' }).expect(200);
    expect(approved.body.data).toEqual({ type: TYPE, id: item.id, status: 'approved' });
    expect(await publicIds(item.initiative.documentId)).toContain(item.id);
    for (const reporter of [await resident(), await resident(), await resident()]) {
      await api().post(`/api/idea-support/comments/${item.id}/report`).set(bearer(reporter.jwt)).expect(200);
    }
    expect(await statusOf(item.id)).toBe('approved');
    const queue = (await api().get('/moderation/queue?limit=500').set(auth).expect(200)).body.data;
    expect(queue.some((i: any) => i.id === item.id && i.type === TYPE)).toBe(false);

    await api().post('/moderation/decisions').set(auth).send({ type: TYPE, id: item.id, decision: 'remove' }).expect(200);
    expect(await statusOf(item.id)).toBe('removed');
    expect(await publicIds(item.initiative.documentId)).not.toContain(item.id);
    await api().post(`/api/idea-support/comments/${item.id}/report`).set(bearer((await resident()).jwt)).expect(404);
  });

  it('refuses bad decisions with a clear 400, unknown items with 404, and anyone who is not staff', async () => {
    const item = await reportedComment(1);
    const bad = [
      undefined,
      [],
      { type: TYPE, id: item.id },
      { type: TYPE, id: item.id, decision: 'delete' },
      { type: TYPE, id: String(item.id), decision: 'approve' },
      { type: TYPE, id: 0, decision: 'approve' },
      { type: TYPE, id: 1.5, decision: 'approve' },
      { type: TYPE, id: 3_000_000_000, decision: 'approve' },
      { type: 'comment', id: item.id, decision: 'approve' },
      { type: TYPE, id: item.id, decision: 'approve', status: 'approved' },
    ];
    for (const body of bad) {
      const res = await api().post('/moderation/decisions').set(auth).send(body as object);
      expect({ body, status: res.status, name: res.body.error?.name }).toEqual({ body, status: 400, name: 'ValidationError' });
    }
    await api().post('/moderation/decisions').set(auth).send({ type: 'nobody.moderates-this', id: item.id, decision: 'approve' }).expect(404);
    await api().post('/moderation/decisions').set(auth).send({ type: TYPE, id: 2_147_483_000, decision: 'approve' }).expect(404);
    for (const query of ['limit=0', 'limit=501', 'limit=x', 'limit[]=5']) await api().get(`/moderation/queue?${query}`).set(auth).expect(400);
    expect(await statusOf(item.id)).toBe('visible');

    await api().get('/moderation/queue').expect(401);
    await api().post('/moderation/decisions').send({ type: TYPE, id: item.id, decision: 'remove' }).expect(401);
    // A resident's login is no staff login.
    await api().post('/moderation/decisions').set(bearer(item.author.jwt)).send({ type: TYPE, id: item.id, decision: 'remove' }).expect(401);
    expect(await statusOf(item.id)).toBe('visible');
  });
});

describe('moderation: reports and configuration', () => {
  it('hides at the configured number of reports', async () => {
    const saved = strapi().config.get('plugin::moderation') as object;
    strapi().config.set('plugin::moderation', { ...saved, reportsToHide: 1 });
    try {
      const item = await reportedComment(1);
      expect(await statusOf(item.id)).toBe('hidden');
    } finally {
      strapi().config.set('plugin::moderation', saved);
    }
  });

  it('a type is refused at registration when its content type cannot be moderated', () => {
    const preview = () => ({ text: '', author: null, context: null });
    expect(() => moderation().registerType('x.initiatives', { uid: 'api::initiative.initiative', label: { nl: 'x', en: 'x' }, preview })).toThrow(
      /api::initiative.initiative lacks status, reportCount, userId/
    );
    expect(() => moderation().registerType('x.nothing', { uid: 'api::nothing.nothing', label: { nl: 'x', en: 'x' }, preview })).toThrow(/is not a content type of this app/);
  });

  it('refuses a reportsToHide that is not a whole number of at least 1', () => {
    for (const reportsToHide of [0, -1, 2.5, '3']) expect(() => configDefinition.validator({ reportsToHide } as any)).toThrow(/reportsToHide must be a whole number of at least 1/);
    expect(() => configDefinition.validator({ reportsToHide: 3 })).not.toThrow();
  });
});
