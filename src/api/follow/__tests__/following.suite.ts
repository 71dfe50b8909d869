import { api, bearer, createDocument, resident, tokenFromMail, unique } from '../../../../tests/helpers/fixtures';
import { mailSink, strapi } from '../../../../tests/helpers/strapi';
import { followLinks } from '../lib/links';
import { settings } from '../../../lib/settings';

const FOLLOW = 'api::follow.follow';
const MEMBERSHIP = 'api::group.membership';

describe('following', () => {
  const tag = unique('volg');
  const items: Record<string, { documentId: string }> = {};
  const follow = (jwt: string, data: Record<string, unknown>) => api().post('/api/my/follows').set(bearer(jwt)).send({ data });

  beforeAll(async () => {
    items.initiative = await createDocument('api::initiative.initiative', { title: `Bankje ${tag}`, slug: `bankje-${tag}`, summary: 'Een bankje bij de speeltuin.', stage: 'idea' });
    items.organisation = await createDocument('api::organisation.organisation', { name: `Wandelclub ${tag}`, slug: `wandelclub-${tag}` });
    items.neighbourhood = await createDocument('api::neighbourhood.neighbourhood', { name: `Wijk ${tag}`, slug: `wijk-${tag}` });
    items.category = await createDocument('api::category.category', { name: `Sport ${tag}`, slug: `sport-${tag}` });
    items.group = await createDocument('api::group.group', { name: `Werkgroep ${tag}`, slug: `werkgroep-${tag}`, visibility: 'open' });
    items.secret = await createDocument('api::group.group', { name: `Geheim ${tag}`, slug: `geheim-${tag}`, visibility: 'secret' });
    items.draft = await createDocument('api::initiative.initiative', { title: `Concept ${tag}`, slug: `concept-${tag}`, summary: 'Nog niet klaar.', stage: 'idea' }, 'draft');
    items.archived = await createDocument('api::organisation.organisation', { name: `Opgeheven ${tag}`, slug: `opgeheven-${tag}` });
    await strapi().documents('api::organisation.organisation').update({ documentId: items.archived.documentId, locale: 'nl', data: { archivedAt: new Date().toISOString() } } as any);
  });

  it('follows each kind of item once, changes how often, lists them with their names, and ends a follow', async () => {
    const { user, jwt } = await resident();
    for (const type of ['initiative', 'organisation', 'neighbourhood', 'category', 'group']) {
      const res = await follow(jwt, { type, documentId: items[type].documentId }).expect(201);
      expect(res.body.data).toMatchObject({ type, documentId: items[type].documentId, frequency: 'weekly', title: expect.stringContaining(tag) });
    }
    // Following again changes the frequency, never makes a second follow.
    const again = await follow(jwt, { type: 'group', documentId: items.group.documentId, frequency: 'daily' }).expect(200);
    expect(again.body.data.frequency).toBe('daily');
    expect(await strapi().db.query(FOLLOW as any).count({ where: { userId: user.id } })).toBe(5);

    const mine = await api().get('/api/my/follows').set(bearer(jwt)).expect(200);
    expect(mine.body.data.map((f: { type: string }) => f.type).sort()).toEqual(['category', 'group', 'initiative', 'neighbourhood', 'organisation']);
    expect(JSON.stringify(mine.body)).not.toContain('userId');
    expect(JSON.stringify(mine.body)).not.toContain(user.email);

    const groupFollow = mine.body.data.find((f: { type: string }) => f.type === 'group');
    expect((await api().delete(`/api/my/follows/${groupFollow.id}`).set(bearer(jwt)).expect(200)).body.data).toEqual({ id: groupFollow.id, following: false });
    await api().delete(`/api/my/follows/${groupFollow.id}`).set(bearer(jwt)).expect(404);
    expect((await api().get('/api/my/follows').set(bearer(jwt)).expect(200)).body.data).toHaveLength(4);
  });

  it('counts twenty follows of one item at once as one', async () => {
    const { user, jwt } = await resident();
    const answers = await Promise.all(Array.from({ length: 20 }, () => follow(jwt, { type: 'category', documentId: items.category.documentId })));
    expect(answers.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 201]);
    expect(await strapi().db.query(FOLLOW as any).count({ where: { userId: user.id } })).toBe(1);
  });

  it("refuses someone else's follow, the public and an unconfirmed account", async () => {
    const owner = await resident();
    const other = await resident();
    const { body } = await follow(owner.jwt, { type: 'initiative', documentId: items.initiative.documentId }).expect(201);
    await api().delete(`/api/my/follows/${body.data.id}`).set(bearer(other.jwt)).expect(404);
    expect((await api().get('/api/my/follows').set(bearer(other.jwt)).expect(200)).body.data).toEqual([]);
    expect(await strapi().db.query(FOLLOW as any).count({ where: { id: body.data.id } })).toBe(1);

    for (const request of [api().get('/api/my/follows'), api().post('/api/my/follows').send({ data: { type: 'initiative', documentId: items.initiative.documentId } }), api().delete(`/api/my/follows/${body.data.id}`)]) {
      expect([401, 403]).toContain((await request).status);
    }
    const unconfirmed = await resident({ confirmed: false });
    const refused = await follow(unconfirmed.jwt, { type: 'initiative', documentId: items.initiative.documentId }).expect(403);
    expect(refused.body.error.details.code).toBe('account.unconfirmed');
    // Who follows what is not readable through the REST API at all.
    for (const path of ['/api/follows', `/api/follows/${body.data.id}`]) expect([403, 404, 405]).toContain((await api().get(path).set(bearer(owner.jwt))).status);
  });

  it('follows only what the person may see: not a draft, an archived item, or a secret group they are not in', async () => {
    const { user, jwt } = await resident();
    await follow(jwt, { type: 'initiative', documentId: items.draft.documentId }).expect(404);
    await follow(jwt, { type: 'organisation', documentId: items.archived.documentId }).expect(404);
    await follow(jwt, { type: 'group', documentId: items.secret.documentId }).expect(404);
    // The right documentId under the wrong type is not found either.
    await follow(jwt, { type: 'organisation', documentId: items.initiative.documentId }).expect(404);
    await strapi().db.query(MEMBERSHIP as any).create({ data: { group: items.secret.documentId, userId: user.id, role: 'member', status: 'active' } });
    await follow(jwt, { type: 'group', documentId: items.secret.documentId }).expect(201);
    // Once they leave, the follow stays theirs to end, but the group's name is not shown.
    await strapi().db.query(MEMBERSHIP as any).deleteMany({ where: { group: items.secret.documentId, userId: user.id } });
    const mine = await api().get('/api/my/follows').set(bearer(jwt)).expect(200);
    expect(mine.body.data).toEqual([expect.objectContaining({ type: 'group', documentId: items.secret.documentId, title: null })]);
    expect(JSON.stringify(mine.body)).not.toContain(`Geheim ${tag}`);
  });

  it('refuses bad input with a 400 and writes nothing', async () => {
    const { user, jwt } = await resident();
    const bad: unknown[] = [
      undefined,
      { type: 'initiative', documentId: items.initiative.documentId },
      { data: [] },
      { data: { type: 'person', documentId: items.initiative.documentId } },
      { data: { type: 'initiative' } },
      { data: { type: 'initiative', documentId: 'not-a-document-id' } },
      { data: { type: 'initiative', documentId: items.initiative.documentId, frequency: 'hourly' } },
      { data: { type: 'initiative', documentId: items.initiative.documentId, email: 'someone@example.org' } },
    ];
    for (const body of bad) {
      const res = await api().post('/api/my/follows').set(bearer(jwt)).send(body as object);
      expect([JSON.stringify(body), res.status, res.body.error?.name]).toEqual([JSON.stringify(body), 400, 'ValidationError']);
    }
    for (const id of ['abc', '0', '-1', '1.5', '99999999999']) await api().delete(`/api/my/follows/${id}`).set(bearer(jwt)).expect(400);
    expect(await strapi().db.query(FOLLOW as any).count({ where: { userId: user.id } })).toBe(0);
  });

  it('counts followers for anyone, never says who, and not addresses that did not confirm', async () => {
    const organisation = await createDocument('api::organisation.organisation', { name: `Teller ${tag}`, slug: `teller-${tag}` });
    const counted = async () => (await api().get(`/api/follows/count?type=organisation&documentId=${organisation.documentId}`).expect(200)).body.data;
    expect(await counted()).toEqual({ type: 'organisation', documentId: organisation.documentId, followers: 0 });
    for (const { jwt } of [await resident(), await resident()]) await follow(jwt, { type: 'organisation', documentId: organisation.documentId }).expect(201);
    await api().post('/api/follows').send({ data: { email: `${unique('wacht')}@private.example`, type: 'organisation', documentId: organisation.documentId } }).expect(202);
    expect((await counted()).followers).toBe(2);
    await api().get(`/api/follows/count?type=group&documentId=${items.secret.documentId}`).expect(404);
    for (const query of ['', '?type=organisation', `?type=person&documentId=${organisation.documentId}`, `?type=organisation&documentId=x`, `?type=organisation&documentId=${organisation.documentId}&user=1`]) {
      await api().get(`/api/follows/count${query}`).expect(400);
    }
  });

  it('records what followers hear about once: a new activity, initiative or public group article, and an initiative\'s next stage', async () => {
    const events = (item: string) => strapi().db.query('api::follow.follow-event' as any).findMany({ where: { item }, orderBy: { id: 'asc' } });
    const activity = await createDocument('api::activity.activity', {
      title: `Wandeling ${tag}`,
      slug: `wandeling-${tag}`,
      organisation: items.organisation.documentId,
      neighbourhood: items.neighbourhood.documentId,
      categories: [items.category.documentId],
      startsAt: '2030-05-01T10:00:00.000Z',
    });
    await strapi().documents('api::activity.activity').publish({ documentId: activity.documentId, locale: 'nl' } as any);
    const recorded = await events(activity.documentId);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ kind: 'activity.new', detail: '' });
    expect([...recorded[0].subjects].sort()).toEqual(
      [`organisation:${items.organisation.documentId}`, `neighbourhood:${items.neighbourhood.documentId}`, `category:${items.category.documentId}`].sort()
    );

    const initiatives = strapi().documents('api::initiative.initiative');
    const idea = await createDocument('api::initiative.initiative', { title: `Moestuin ${tag}`, slug: `moestuin-${tag}`, summary: 'Samen groente kweken.', stage: 'idea', neighbourhood: items.neighbourhood.documentId });
    await initiatives.update({ documentId: idea.documentId, locale: 'nl', data: { stage: 'elaboration' } } as any);
    expect((await events(idea.documentId)).map((e: { kind: string }) => e.kind)).toEqual(['initiative.new']);
    await initiatives.publish({ documentId: idea.documentId, locale: 'nl' } as any);
    await initiatives.publish({ documentId: idea.documentId, locale: 'nl' } as any);
    expect((await events(idea.documentId)).map((e: { kind: string; detail: string; subjects: string[] }) => [e.kind, e.detail, e.subjects])).toEqual([
      ['initiative.new', '', [`neighbourhood:${items.neighbourhood.documentId}`]],
      ['initiative.stage', 'elaboration', [`initiative:${idea.documentId}`]],
    ]);

    const article = (visibility: string, group?: string) =>
      createDocument('api::article.article', { title: `Artikel ${visibility} ${tag}`, slug: unique(`artikel-${visibility}`), visibility, ...(group ? { group } : {}) });
    const inGroup = await article('public', items.group.documentId);
    const forMembers = await article('members', items.group.documentId);
    const inSecret = await article('public', items.secret.documentId);
    const outside = await article('public');
    expect((await events(inGroup.documentId)).map((e: { kind: string; subjects: string[] }) => [e.kind, e.subjects])).toEqual([['article.new', [`group:${items.group.documentId}`]]]);
    for (const quiet of [forMembers, inSecret, outside]) expect(await events(quiet.documentId)).toEqual([]);

    // Published inside a transaction of its own (as the demo seed and imports do): recorded in it, on SQLite's one connection too.
    const seeded = await strapi().db.transaction(() =>
      strapi().documents('api::initiative.initiative').create({ data: { title: `Geplant ${tag}`, slug: `geplant-${tag}`, summary: 'Bomen.', stage: 'idea', neighbourhood: items.neighbourhood.documentId }, locale: 'nl', status: 'published' } as any)
    );
    expect((await events(seeded.documentId)).map((e: { kind: string }) => e.kind)).toEqual(['initiative.new']);
  });

  describe('by email address alone', () => {
    const byEmail = (data: Record<string, unknown>) => api().post('/api/follows').send({ data });
    const followsOf = (email: string) => strapi().db.query(FOLLOW as any).findMany({ where: { email }, orderBy: { id: 'asc' } });
    const mailsTo = async (email: string) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return mailSink().messages.filter((m) => m.to.includes(email));
    };

    it('sends one confirmation a day, nothing else before the click, and the click starts every follow waiting', async () => {
      const email = `${unique('buur')}@private.example`;
      const first = await byEmail({ email, type: 'neighbourhood', documentId: items.neighbourhood.documentId, frequency: 'daily' }).expect(202);
      expect(first.body.data).toEqual({ status: 'confirmation-sent' });
      const { value: token, mail } = await tokenFromMail(email, /Bevestig/, 'confirm');
      expect(mail.text).toContain(`Wijk ${tag}`);
      await byEmail({ email, type: 'initiative', documentId: items.initiative.documentId }).expect(202);
      await byEmail({ email: email.toUpperCase(), type: 'category', documentId: items.category.documentId }).expect(202);
      // One mail per address per day, however often it is given.
      expect(await mailsTo(email)).toHaveLength(1);
      expect((await followsOf(email)).map((f: { confirmedAt: unknown }) => f.confirmedAt)).toEqual([null, null, null]);

      expect((await api().post('/api/follows/confirm').send({ token }).expect(200)).body.data).toEqual({ confirmed: 3 });
      expect((await followsOf(email)).every((f: { confirmedAt: unknown }) => f.confirmedAt)).toBe(true);
      expect((await api().post('/api/follows/confirm').send({ token }).expect(400)).body.error.details.code).toBe('link.used');
      // Giving a confirmed follow again answers alike and changes nothing: no mail, no new frequency.
      await byEmail({ email, type: 'neighbourhood', documentId: items.neighbourhood.documentId, frequency: 'weekly' }).expect(202);
      expect((await followsOf(email))[0].frequency).toBe('daily');
      expect(await mailsTo(email)).toHaveLength(1);
    });

    it('refuses a forged, altered, expired or other flow\'s token, and bad input, writing nothing', async () => {
      const email = `${unique('buur')}@private.example`;
      await byEmail({ email, type: 'organisation', documentId: items.organisation.documentId }).expect(202);
      const { value: token } = await tokenFromMail(email, /Bevestig/, 'confirm');
      const links = followLinks(settings(strapi()).mailLinkSecret);
      const confirm = (body: unknown) => api().post('/api/follows/confirm').send(body as object);
      for (const bad of [`${token}x`, 'forged', `${token.split('.')[0]}.${'A'.repeat(43)}`]) expect((await confirm({ token: bad }).expect(400)).body.error.details.code).toBe('link.invalid');
      const expired = links.confirmToken(email, Date.now() - 8 * 24 * 3600_000);
      expect((await confirm({ token: expired }).expect(400)).body.error.details.code).toBe('link.expired');
      // An enrolment cancel token made with the same secret is not a confirmation.
      const { enrolmentLinks } = await import('../../enrolment/lib/links');
      const other = enrolmentLinks(settings(strapi()).mailLinkSecret).listToken(email, 'nl');
      expect((await confirm({ token: other }).expect(400)).body.error.details.code).toBe('link.invalid');
      for (const body of [{}, { token: 42 }, { token: ['x'] }, { token, extra: 1 }]) await confirm(body).expect(400);
      expect((await followsOf(email))[0].confirmedAt).toBeNull();

      for (const data of [
        { type: 'organisation', documentId: items.organisation.documentId },
        { email: 'not-an-address', type: 'organisation', documentId: items.organisation.documentId },
        { email, type: 'organisation', documentId: items.organisation.documentId, language: 'de' },
        { email, type: 'person', documentId: items.organisation.documentId },
      ]) {
        expect((await byEmail(data)).status).toBe(400);
      }
      // Only what the public may see: a secret group, a draft, an archived item are not found.
      await byEmail({ email, type: 'group', documentId: items.secret.documentId }).expect(404);
      await byEmail({ email, type: 'initiative', documentId: items.draft.documentId }).expect(404);
      await byEmail({ email, type: 'organisation', documentId: items.archived.documentId }).expect(404);
      expect(await followsOf(email)).toHaveLength(1);
    });

    it('"Volg deze buurt" embeds as a page with a form that posts to itself; its answers are pages too, escaped', async () => {
      const neighbourhood = await createDocument('api::neighbourhood.neighbourhood', { name: `Oost <script>x</script> ${tag}`, slug: `oost-${tag}` });
      const form = await api().get(`/embed/follow?neighbourhood=oost-${tag}&locale=nl`).expect(200);
      expect(form.headers['content-type']).toMatch(/text\/html/);
      expect(form.headers['x-frame-options']).toBeUndefined();
      expect(form.headers['content-security-policy']).toContain("form-action 'self'");
      expect(form.headers['content-security-policy']).toContain('frame-ancestors *');
      expect(form.text).toContain(`Volg Oost &lt;script&gt;x&lt;/script&gt; ${tag}`);
      expect(form.text).not.toContain('<script>');
      expect(form.text).toContain('<form method="post" action="follow">');
      // The activities embed still may not post anywhere.
      expect((await api().get('/embed/activities').expect(200)).headers['content-security-policy']).toContain("form-action 'none'");

      await api().get('/embed/follow?neighbourhood=bestaat-niet&locale=nl').expect(404);
      await api().get('/embed/follow').expect(400);
      await api().get(`/embed/follow?neighbourhood=oost-${tag}&x=1`).expect(400);

      const post = (fields: Record<string, string>) => api().post('/embed/follow').type('form').send(fields);
      const email = `${unique('embed')}@private.example`;
      const wrong = await post({ neighbourhood: `oost-${tag}`, locale: 'en', email: 'not-an-address"><b>' }).expect(400);
      expect(wrong.text).toContain('Enter a valid email address.');
      expect(wrong.text).toContain('value="not-an-address&quot;&gt;&lt;b&gt;"');
      expect(wrong.headers['content-security-policy']).toContain("form-action 'self'");
      await post({ neighbourhood: 'bestaat-niet', locale: 'nl', email }).expect(404);
      expect(await followsOf(email)).toEqual([]);

      const done = await post({ neighbourhood: `oost-${tag}`, locale: 'nl', email, frequency: 'daily' }).expect(202);
      expect(done.text).toContain('Bijna klaar: open de mail die we stuurden en bevestig daar.');
      expect(done.text).not.toContain('<form');
      expect(await followsOf(email)).toEqual([expect.objectContaining({ type: 'neighbourhood', target: neighbourhood.documentId, frequency: 'daily', confirmedAt: null })]);
      expect((await mailsTo(email)).map((m) => m.subject)).toEqual([expect.stringMatching(/^Bevestig/)]);
    });
  });
});
