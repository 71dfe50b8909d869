import { api, bearer, createDocument, createUser, resident, unique } from '../../../../../tests/helpers/fixtures';
import { strapi } from '../../../../../tests/helpers/strapi';
import { adminToken, removeAdmins } from '../../../../../tests/helpers/admin';

const UID = 'api::initiative.initiative';
const COMMENT_UID = 'plugin::idea-support.comment';
const commentsPath = (documentId: string) => `/api/idea-support/initiatives/${documentId}/comments`;
const reportPath = (id: number | string) => `/api/idea-support/comments/${id}/report`;

const newInitiative = (data: Record<string, unknown> = {}, status: 'published' | 'draft' = 'published') =>
  createDocument(UID, { title: unique('Idee'), slug: unique('idee'), ...data }, status);

/** One after the other: concurrent supertest requests reset each other's connections (see the concurrency test). */
async function residents(n: number) {
  const all = [];
  for (let i = 0; i < n; i++) all.push(await resident());
  return all;
}

async function postComment(documentId: string, jwt: string, body = unique('Mooi idee')) {
  const res = await api().post(commentsPath(documentId)).set(bearer(jwt)).send({ data: { body } }).expect(201);
  return res.body.data as { id: number; authorName: string; body: string; createdAt: string };
}

const listedIds = async (documentId: string) =>
  (await api().get(`${commentsPath(documentId)}?pageSize=100`).expect(200)).body.data.map((c: { id: number }) => c.id);
const comments = () => strapi().plugin('idea-support').service('comments');
const stored = async (id: number) => strapi().db.query(COMMENT_UID).findOne({ where: { id }, select: ['status', 'reportCount'] });

describe('idea-support: reactions (comments)', () => {
  it('comments on a public initiative and lists the comments publicly, newest first, without private fields', async () => {
    const initiative = await newInitiative();
    const { user, jwt } = await resident();
    const first = await api()
      .post(commentsPath(initiative.documentId))
      .set(bearer(jwt))
      .send({ data: { body: '  Goed idee, ik help mee!  ' } })
      .expect(201);
    expect(first.body.data).toEqual({ id: expect.any(Number), authorName: user.displayName, body: 'Goed idee, ik help mee!', official: false, createdAt: expect.any(String) });
    expect(first.text).not.toContain(user.email);
    const second = await postComment(initiative.documentId, jwt, 'x'.repeat(2000));

    const res = await api().get(commentsPath(initiative.documentId)).expect(200);
    expect(res.body.data.map((c: any) => c.id)).toEqual([second.id, first.body.data.id]);
    expect(res.body.data[1]).toEqual(first.body.data);
    expect(res.body.meta).toEqual({ pagination: { page: 1, pageSize: 25, total: 2 } });
    for (const secret of [user.email, 'userId', 'user_id', 'reportCount', 'report_count', 'status']) expect(res.text).not.toContain(secret);

    const page2 = await api().get(`${commentsPath(initiative.documentId)}?page=2&pageSize=1`).expect(200);
    expect(page2.body.data.map((c: any) => c.id)).toEqual([first.body.data.id]);
    expect(page2.body.meta.pagination).toEqual({ page: 2, pageSize: 1, total: 2 });
    expect((await api().get(`${commentsPath(initiative.documentId)}?page=3&pageSize=1`).expect(200)).body.data).toEqual([]);

    const row = await strapi().db.query(COMMENT_UID).findOne({ where: { id: first.body.data.id } });
    expect(row).toMatchObject({ initiative: initiative.documentId, userId: user.id, status: 'visible', reportCount: 0, documentId: expect.any(String) });
  });

  it('refuses the anonymous, the unconfirmed, bad bodies, drafts and archived initiatives', async () => {
    const initiative = await newInitiative();
    const anonymous = await api().post(commentsPath(initiative.documentId)).send({ data: { body: 'Hallo' } });
    expect([401, 403]).toContain(anonymous.status);

    const unconfirmed = await resident({ confirmed: false });
    const refused = await api().post(commentsPath(initiative.documentId)).set(bearer(unconfirmed.jwt)).send({ data: { body: 'Hallo' } }).expect(403);
    expect(refused.body.error.details.reason).toBe('unconfirmed');

    const { jwt } = await resident();
    const badBodies = [
      undefined,
      {},
      { data: {} },
      { data: 'Hallo' },
      { data: { body: '' } },
      { data: { body: ' \n\t ' } },
      { data: { body: 'x'.repeat(2001) } },
      { data: { body: 42 } },
      { data: { body: ['Hallo'] } },
      { data: { body: 'Hallo', authorName: 'Burgemeester' } },
      { data: { body: 'Hallo', status: 'approved' } },
      { data: { body: 'Hal\u0000lo' } },
    ];
    for (const body of badBodies) {
      const res = await api().post(commentsPath(initiative.documentId)).set(bearer(jwt)).send(body as object);
      expect({ body, status: res.status, name: res.body.error?.name }).toEqual({ body, status: 400, name: 'ValidationError' });
    }
    expect(await strapi().db.query(COMMENT_UID).count({ where: { initiative: initiative.documentId } })).toBe(0);

    const draft = await newInitiative({}, 'draft');
    await api().post(commentsPath(draft.documentId)).set(bearer(jwt)).send({ data: { body: 'Hallo' } }).expect(404);
    await api().get(commentsPath(draft.documentId)).expect(404);
    const archived = await newInitiative();
    await postComment(archived.documentId, jwt);
    await strapi().documents(UID).update({ documentId: archived.documentId, locale: 'nl', data: { archivedAt: new Date() } } as any);
    await api().post(commentsPath(archived.documentId)).set(bearer(jwt)).send({ data: { body: 'Hallo' } }).expect(404);
    await api().get(commentsPath(archived.documentId)).expect(404);
    await api().get(commentsPath('not-a-document-id')).expect(400);
    await api().get(commentsPath('a'.repeat(24))).expect(404);
  });

  it('rejects a bad page or pageSize with 400', async () => {
    const initiative = await newInitiative();
    for (const query of ['page=0', 'page=-1', 'page=abc', 'page=1.5', 'pageSize=0', 'pageSize=101', 'pageSize=x', 'page=1&page=2']) {
      const res = await api().get(`${commentsPath(initiative.documentId)}?${query}`);
      expect({ query, status: res.status, name: res.body.error?.name }).toEqual({ query, status: 400, name: 'ValidationError' });
    }
    const max = await api().get(`${commentsPath(initiative.documentId)}?pageSize=100`).expect(200);
    expect(max.body.meta.pagination).toEqual({ page: 1, pageSize: 100, total: 0 });
  });
});

describe('idea-support: reactions (reports)', () => {
  it('counts each person once and hides a comment at the third report', async () => {
    const initiative = await newInitiative();
    const author = await resident();
    const comment = await postComment(initiative.documentId, author.jwt);
    const [first, second, third] = await residents(3);

    // The same person twice: 200 both times, counted once.
    for (let i = 0; i < 2; i++) {
      expect((await api().post(reportPath(comment.id)).set(bearer(first.jwt)).expect(200)).body).toEqual({ data: { reported: true } });
    }
    await api().post(reportPath(comment.id)).set(bearer(second.jwt)).expect(200);
    expect(await stored(comment.id)).toEqual({ status: 'visible', reportCount: 2 });
    expect(await listedIds(initiative.documentId)).toContain(comment.id);

    await api().post(reportPath(comment.id)).set(bearer(third.jwt)).expect(200);
    expect(await stored(comment.id)).toEqual({ status: 'hidden', reportCount: 3 });
    expect(await listedIds(initiative.documentId)).not.toContain(comment.id);

    // Hidden: a fourth person, or one who reported already, finds nothing to report, and nothing is counted.
    await api().post(reportPath(comment.id)).set(bearer((await resident()).jwt)).expect(404);
    await api().post(reportPath(comment.id)).set(bearer(first.jwt)).expect(404);
    expect(await stored(comment.id)).toEqual({ status: 'hidden', reportCount: 3 });
  });

  it('3 people each reporting twice at the same moment end with exactly 3 reports', async () => {
    const initiative = await newInitiative();
    const author = await resident();
    const comment = await postComment(initiative.documentId, author.jwt);
    const reporters = await Promise.all([createUser(), createUser(), createUser()]);
    // Through the service, as the support suite does: concurrent supertest requests share one
    // listening server that the first finished request closes, which resets the others.
    const results = await Promise.allSettled([...reporters, ...reporters].map((u) => comments().report(comment.id, u.id)));
    // A report that reaches the check after the third one hid the comment is refused (404): it is out of sight by then.
    for (const r of results) if (r.status === 'rejected') expect(r.reason.name).toBe('NotFoundError');
    expect(results.filter((r) => r.status === 'fulfilled' && r.value.counted)).toHaveLength(3);
    expect(await stored(comment.id)).toEqual({ status: 'hidden', reportCount: 3 });
    expect(await strapi().db.query('plugin::moderation.report').count({ where: { subjectType: 'idea-support.comment', subjectId: comment.id } })).toBe(3);
    expect(await listedIds(initiative.documentId)).not.toContain(comment.id);
  });

  it('staff approval makes a hidden comment visible again, and further reports do not hide it', async () => {
    const initiative = await newInitiative();
    const author = await resident();
    const comment = await postComment(initiative.documentId, author.jwt);
    for (const r of await residents(3)) await api().post(reportPath(comment.id)).set(bearer(r.jwt)).expect(200);
    expect(await stored(comment.id)).toEqual({ status: 'hidden', reportCount: 3 });

    await strapi().db.query(COMMENT_UID).update({ where: { id: comment.id }, data: { status: 'approved' } });
    expect(await listedIds(initiative.documentId)).toContain(comment.id);
    for (const r of await residents(2)) await api().post(reportPath(comment.id)).set(bearer(r.jwt)).expect(200);
    expect(await stored(comment.id)).toEqual({ status: 'approved', reportCount: 5 });
    expect(await listedIds(initiative.documentId)).toContain(comment.id);

    // Removed by staff: gone from the list, and nothing left to report.
    await strapi().db.query(COMMENT_UID).update({ where: { id: comment.id }, data: { status: 'removed' } });
    expect(await listedIds(initiative.documentId)).not.toContain(comment.id);
    await api().post(reportPath(comment.id)).set(bearer((await resident()).jwt)).expect(404);
  });

  it('refuses reporting one’s own comment, unknown ids and the anonymous', async () => {
    const initiative = await newInitiative();
    const author = await resident();
    const comment = await postComment(initiative.documentId, author.jwt);
    const own = await api().post(reportPath(comment.id)).set(bearer(author.jwt)).expect(400);
    expect(own.body.error.name).toBe('ValidationError');
    expect(await stored(comment.id)).toEqual({ status: 'visible', reportCount: 0 });

    const { jwt } = await resident();
    await api().post(reportPath(999_999_999)).set(bearer(jwt)).expect(404);
    for (const id of ['abc', '0', '-1', '1.5']) await api().post(reportPath(id)).set(bearer(jwt)).expect(400);
    expect([401, 403]).toContain((await api().post(reportPath(comment.id))).status);

    // An unconfirmed account may report (it cannot comment): the unique index still counts it once.
    const unconfirmed = await resident({ confirmed: false });
    await api().post(reportPath(comment.id)).set(bearer(unconfirmed.jwt)).expect(200);
    expect(await stored(comment.id)).toEqual({ status: 'visible', reportCount: 1 });
  });

  it('holds a unique (type, comment, user) constraint in the database itself', async () => {
    const initiative = await newInitiative();
    const author = await resident();
    const comment = await postComment(initiative.documentId, author.jwt);
    const reporter = await resident();
    await api().post(reportPath(comment.id)).set(bearer(reporter.jwt)).expect(200);
    const reports = strapi().db.query('plugin::moderation.report');
    await expect(reports.create({ data: { subjectType: 'idea-support.comment', subjectId: comment.id, userId: reporter.user.id } })).rejects.toThrow(/unique/i);
    // The same row for another person, or another type, goes in: it is the triple that is unique.
    await expect(reports.create({ data: { subjectType: 'idea-support.comment', subjectId: comment.id, userId: author.user.id } })).resolves.toMatchObject({ subjectId: comment.id });
    await expect(reports.create({ data: { subjectType: 'other-plugin.question', subjectId: comment.id, userId: reporter.user.id } })).resolves.toMatchObject({ subjectId: comment.id });
  });

  it('reports from the ledger before the moderation plugin move over at start-up, each person once, counts untouched', async () => {
    const initiative = await newInitiative();
    const author = await resident();
    const comment = await postComment(initiative.documentId, author.jwt);
    const [a, b] = await residents(2);
    await api().post(reportPath(comment.id)).set(bearer(a.jwt)).expect(200);
    // An upgraded install: the old ledger still holds a's report (already moved) and b's.
    const legacy = strapi().db.query('plugin::idea-support.comment-report');
    await legacy.create({ data: { comment: comment.id, userId: a.user.id } });
    await legacy.create({ data: { comment: comment.id, userId: b.user.id } });
    await strapi().db.query(COMMENT_UID).update({ where: { id: comment.id }, data: { reportCount: 2 } });
    const { carryOverReports } = await import('../repositories/legacy-reports');
    const moved = await carryOverReports(strapi(), (reports) => strapi().plugin('moderation').service('moderation').carryOver('idea-support.comment', reports));
    expect(moved).toBe(2);
    expect(await legacy.count({ where: { comment: comment.id } })).toBe(0);
    expect(await strapi().db.query('plugin::moderation.report').count({ where: { subjectType: 'idea-support.comment', subjectId: comment.id } })).toBe(2);
    expect(await stored(comment.id)).toEqual({ status: 'visible', reportCount: 2 });
    // b reported before the upgrade: reporting again counts nothing.
    expect(await comments().report(comment.id, b.user.id)).toEqual({ counted: false, hidden: false });
  });

  describe('official replies from the admin panel', () => {
    const repliesPath = (documentId: string) => `/idea-support/initiatives/${documentId}/official-replies`;
    const reply = (token: string, documentId: string, body: unknown) => api().post(repliesPath(documentId)).set(bearer(token)).send(body as object);
    afterAll(removeAdmins);

    it('staff reply for the town: public, shown first, signed with the town’s name, and not hidden by reports', async () => {
      const initiative = await newInitiative();
      const { jwt } = await resident();
      const older = await postComment(initiative.documentId, jwt, 'Eerste reactie');
      const staff = await adminToken();
      const created = await reply(staff, initiative.documentId, { data: { body: '  We nemen dit mee in de begroting van 2027.  ' } }).expect(201);
      expect(created.body.data).toEqual({ id: expect.any(Number), authorName: 'Gemeente', body: 'We nemen dit mee in de begroting van 2027.', official: true, createdAt: expect.any(String) });
      const newer = await postComment(initiative.documentId, jwt, 'Later');
      const listed = (await api().get(commentsPath(initiative.documentId)).expect(200)).body.data;
      expect(listed.map((c: { id: number }) => c.id)).toEqual([created.body.data.id, newer.id, older.id]);
      expect(await stored(created.body.data.id)).toEqual({ status: 'approved', reportCount: 0 });
      const staffList = await api().get(repliesPath(initiative.documentId)).set(bearer(staff)).expect(200);
      expect(staffList.body.data.map((c: { id: number }) => c.id)).toEqual([created.body.data.id]);
    });

    it('refuses staff without the permission, residents and the public, bad bodies and initiatives that are not public; writes nothing', async () => {
      const initiative = await newInitiative();
      const draft = await newInitiative({}, 'draft');
      const without = await adminToken({ withoutRights: true });
      const granted = await adminToken({ permissions: [{ action: 'plugin::idea-support.official-reply', subject: null }] });
      await reply(without, initiative.documentId, { data: { body: 'Mag niet' } }).expect(403);
      await api().get(repliesPath(initiative.documentId)).set(bearer(without)).expect(403);
      const { jwt } = await resident();
      expect([401, 403]).toContain((await reply(jwt, initiative.documentId, { data: { body: 'Ik ben bewoner' } })).status);
      expect([401, 403]).toContain((await api().post(repliesPath(initiative.documentId)).send({ data: { body: 'Anoniem' } })).status);
      for (const body of [{}, { data: { body: '' } }, { data: { body: 'x'.repeat(2001) } }, { data: { body: 'Hoi', official: false } }, { data: { body: 42 } }]) {
        await reply(granted, initiative.documentId, body).expect(400);
      }
      await reply(granted, draft.documentId, { data: { body: 'Concept' } }).expect(404);
      await reply(granted, 'abc', { data: { body: 'Onzin' } }).expect(400);
      expect(await strapi().db.query(COMMENT_UID).count({ where: { initiative: { $in: [initiative.documentId, draft.documentId] } } })).toBe(0);
      await reply(granted, initiative.documentId, { data: { body: 'Wel met toestemming' } }).expect(201);
    });
  });
});
