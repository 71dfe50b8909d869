import { api, bearer, createDocument, resident, unique } from '../../../../tests/helpers/fixtures';
import { adminToken, removeAdmins } from '../../../../tests/helpers/admin';
import { mailSink, strapi } from '../../../../tests/helpers/strapi';

const GROUP = 'api::group.group';
const QUESTION = 'api::question.question';
const ANSWER = 'api::answer.answer';
const MEMBERSHIP = 'api::group.membership';

type Person = Awaited<ReturnType<typeof resident>>;

const ask = (who: Person | null, data: Record<string, unknown>) => api().post('/api/questions').set(who ? bearer(who.jwt) : {}).send({ data });
const answer = (who: Person | null, question: string, body: unknown) => api().post(`/api/questions/${question}/answers`).set(who ? bearer(who.jwt) : {}).send({ data: { body } });
const count = (uid: string, where: Record<string, unknown>) => strapi().db.query(uid as any).count({ where });

describe('questions and answers', () => {
  let asker: Person;
  let helper: Person;
  beforeAll(async () => {
    asker = await resident();
    helper = await resident();
  });
  afterAll(removeAdmins);

  it('asks in public with the display name, stores text as typed, and shows nobody the account behind it', async () => {
    const title = `Hoe stel ik <script>alert(1)</script> vrijwilligersbeleid op? ${unique('q')}`;
    const asked = await ask(asker, { title, body: 'Wie heeft een voorbeeld?' }).expect(201);
    const read = await api().get(`/api/questions/${asked.body.data.documentId}`).expect(200);
    expect(read.body.data).toMatchObject({ title, authorName: asker.user.displayName, answerCount: 0, locked: false, status: 'visible' });
    expect(JSON.stringify(read.body)).not.toMatch(new RegExp(`${asker.user.email}|userId|reportCount`));
  });

  it('asks inside a group only as its member: 403 in a group one is not in, 404 in a secret one', async () => {
    const tag = unique('g');
    const closed = await createDocument(GROUP, { name: `Besloten ${tag}`, slug: `besloten-${tag}`, visibility: 'closed' });
    const secret = await createDocument(GROUP, { name: `Geheim ${tag}`, slug: `geheim-${tag}`, visibility: 'secret' });
    const refused = await ask(helper, { title: `Binnen de groep ${tag}`, group: closed.documentId }).expect(403);
    expect(refused.body.error.details.code).toBe('group.not_member');
    await ask(helper, { title: `Binnen de groep ${tag}`, group: secret.documentId }).expect(404);
    await strapi().db.query(MEMBERSHIP as any).create({ data: { group: closed.documentId, userId: helper.user.id, status: 'active' } });
    const asked = await ask(helper, { title: `Binnen de groep ${tag}`, group: closed.documentId }).expect(201);
    await api().get(`/api/questions/${asked.body.data.documentId}`).expect(404);
    await api().get(`/api/questions/${asked.body.data.documentId}`).set(bearer(asker.jwt)).expect(404);
    await api().get(`/api/questions/${asked.body.data.documentId}`).set(bearer(helper.jwt)).expect(200);
    // Someone outside the group cannot answer it either: it does not exist for them.
    await answer(asker, asked.body.data.documentId, 'Ik weet het').expect(404);
    expect(await count(QUESTION, { title: `Binnen de groep ${tag}` })).toBe(1);
  });

  it('refuses bad input, the public and an unconfirmed account, writing nothing', async () => {
    const tag = unique('bad');
    const bad = [{ title: 'Kort' + tag, body: 'x'.repeat(5001) }, { title: 'abc' }, { title: `Goed ${tag}`, group: 'geen id!' }, { title: `Goed ${tag}`, colour: 'rood' }, { title: `Goed ${tag}`, categories: 'x' }];
    for (const data of bad) {
      const res = await ask(asker, data).expect(400);
      expect(res.body.error.name).toBe('ValidationError');
    }
    await api().post('/api/questions').set(bearer(asker.jwt)).send({ title: 'zonder data' }).expect(400);
    // What staff decide (moderation, counts) is refused, not dropped.
    await ask(asker, { title: `Goed ${tag}`, status: 'approved' }).expect(400);
    await ask(null, { title: `Anoniem ${tag}` }).expect(403);
    const unconfirmed = await resident({ confirmed: false });
    expect((await ask(unconfirmed, { title: `Onbevestigd ${tag}` }).expect(403)).body.error.details.code).toBe('account.unconfirmed');
    expect(await count(QUESTION, { title: { $contains: tag } })).toBe(0);
  });

  it('answers, counts, and mails who asked once per answer (escaped), not when they answer themselves', async () => {
    const asked = await ask(asker, { title: `Zonnepanelen op een monument? ${unique('q')}` }).expect(201);
    const question = asked.body.data.documentId;
    await api().get(`/api/questions/${question}`).expect(200);
    expect((await api().get(`/api/questions/${question}`).expect(200)).headers['x-cache']).toBe('HIT');
    const given = await answer(helper, question, 'Ja, met een <b>vergunning</b>: https://evil.example').expect(201);
    await answer(asker, question, 'Dank je!').expect(201);
    const read = await api().get(`/api/questions/${question}`).expect(200);
    expect(read.body.data.answerCount).toBe(2);
    const mail = await mailSink().waitFor({ to: asker.user.email, subject: /Nieuw antwoord/ });
    expect(mail.html).toContain('&lt;b&gt;vergunning&lt;/b&gt;');
    expect(mail.html).not.toContain('href="https://evil.example"');
    expect(mail.text).toContain(`/question.html?id=${question}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mailSink().messages.filter((m) => m.to.includes(asker.user.email) && /Nieuw antwoord/.test(m.subject))).toHaveLength(1);
    const answers = await api().get(`/api/answers?filters[question][documentId][$eq]=${question}&sort=createdAt:asc`).expect(200);
    expect(answers.body.data.map((a: { documentId: string }) => a.documentId)[0]).toBe(given.body.data.documentId);

    for (const body of ['', '   ', 'x'.repeat(5001), { html: true }, null]) await answer(helper, question, body).expect(400);
    await answer(helper, 'abcdefghijklmnopqrstuvwx', 'Waar is de vraag?').expect(404);
    await strapi().db.query(QUESTION).update({ where: { documentId: question }, data: { locked: true } });
    expect((await answer(helper, question, 'Te laat').expect(409)).body.error.details.code).toBe('question.locked');
    expect(await count(ANSWER, { question: { documentId: question } })).toBe(2);
  });

  it('counts twenty answers given at once as twenty, and an answer staff delete in the admin panel no more', async () => {
    const question = (await ask(asker, { title: `Veel antwoorden ${unique('q')}` }).expect(201)).body.data.documentId;
    const people = await Promise.all(Array.from({ length: 20 }, () => resident()));
    await Promise.all(people.map((who, i) => answer(who, question, `Antwoord ${i}`).expect(201)));
    expect((await api().get(`/api/questions/${question}`).expect(200)).body.data.answerCount).toBe(20);
    const [first] = (await api().get(`/api/answers?filters[question][documentId][$eq]=${question}`).expect(200)).body.data;
    await strapi().documents(ANSWER).delete({ documentId: first.documentId } as any);
    expect((await api().get(`/api/questions/${question}`).expect(200)).body.data.answerCount).toBe(19);
    // Written inside a transaction of its own: counted in it, also on SQLite's one connection.
    await strapi().db.transaction(() => strapi().documents(ANSWER).create({ data: { body: 'In een transactie.', question, authorName: 'Staf' } } as any));
    expect((await api().get(`/api/questions/${question}`).expect(200)).body.data.answerCount).toBe(20);
  });

  it('lets only who asked accept an answer, and only one to their own question', async () => {
    const mine = (await ask(asker, { title: `Wie kent een goede vrijwilligersverzekering? ${unique('q')}` }).expect(201)).body.data.documentId;
    const other = (await ask(helper, { title: `Een andere vraag ${unique('q')}` }).expect(201)).body.data.documentId;
    const good = (await answer(helper, mine, 'De VNG-verzekering').expect(201)).body.data.documentId;
    const elsewhere = (await answer(asker, other, 'Iets anders').expect(201)).body.data.documentId;
    const accept = (who: Person, question: string, answerId: unknown) => api().post(`/api/questions/${question}/accept`).set(bearer(who.jwt)).send({ data: { answer: answerId } });
    await accept(helper, mine, good).expect(403);
    await accept(asker, mine, elsewhere).expect(404);
    await accept(asker, mine, 'geen id').expect(400);
    const own = (await api().get('/api/my/questions').set(bearer(asker.jwt)).expect(200)).body.data.map((q: { documentId: string }) => q.documentId);
    expect(own).toContain(mine);
    expect(own).not.toContain(other);
    await api().get('/api/my/questions').expect(403);
    await accept(asker, mine, good).expect(200);
    const read = await api().get(`/api/questions/${mine}?populate=acceptedAnswer`).expect(200);
    expect(read.body.data.acceptedAnswer.documentId).toBe(good);
  });

  it('hides an answer after enough reports, each person once, and puts it in the one moderation queue', async () => {
    const question = (await ask(asker, { title: `Gemeld antwoord ${unique('q')}` }).expect(201)).body.data.documentId;
    const spam = (await answer(helper, question, `Koop nu ${unique('spam')}`).expect(201)).body.data.documentId;
    // Read (and so cached) before the reports: hiding must reach the cached answer too.
    expect((await api().get(`/api/questions/${question}`).expect(200)).body.data.answerCount).toBe(1);
    const report = (who: Person) => api().post(`/api/answers/${spam}/report`).set(bearer(who.jwt)).send({});
    expect((await report(helper).expect(400)).body.error.message).toMatch(/yourself/);
    const reporters = [asker, await resident(), await resident()];
    await report(reporters[0]).expect(200);
    expect((await report(reporters[0]).expect(200)).body.data.counted).toBe(false);
    await report(reporters[1]).expect(200);
    expect((await report(reporters[2]).expect(200)).body.data.hidden).toBe(true);
    await api().get(`/api/answers/${spam}`).expect(404);
    expect((await api().get(`/api/questions/${question}`).expect(200)).body.data.answerCount).toBe(0);
    await report(await resident()).expect(404);

    const staff = bearer(await adminToken());
    const queue = (await api().get('/moderation/queue?limit=500').set(staff).expect(200)).body.data;
    const item = queue.find((entry: { type: string; text: string }) => entry.type === 'knowledge.answer' && entry.text.startsWith('Koop nu'));
    expect(item).toMatchObject({ status: 'hidden', reportCount: 3, author: helper.user.displayName });
    await api().post('/moderation/decisions').set(staff).send({ type: 'knowledge.answer', id: item.id, decision: 'approve' }).expect(200);
    await api().get(`/api/answers/${spam}`).expect(200);
    expect((await api().get(`/api/questions/${question}`).expect(200)).body.data.answerCount).toBe(1);

    const reportedQuestion = await api().post(`/api/questions/${question}/report`).set(bearer(helper.jwt)).send({}).expect(200);
    expect(reportedQuestion.body.data.counted).toBe(true);
  });

  it('limits asking and answering per account, from any address', async () => {
    const limits = () => strapi().config.get('buurtplein.rateLimit') as { maxPerIp: number; maxPerEmail: number };
    const saved = { ...limits() };
    try {
      strapi().config.set('buurtplein.rateLimit', { ...limits(), maxPerEmail: 2 });
      const flooder = await resident();
      const tag = unique('flood');
      for (const ip of ['10.3.0.1', '10.3.0.2']) await api().post('/api/questions').set(bearer(flooder.jwt)).set('X-Forwarded-For', ip).send({ data: { title: `Vraag ${tag} ${ip}` } }).expect(201);
      const refused = await api().post('/api/questions').set(bearer(flooder.jwt)).set('X-Forwarded-For', '10.3.0.3').send({ data: { title: `Vraag ${tag} derde` } }).expect(429);
      expect(refused.body.error.details.code).toBe('rate_limited');
      expect(await count(QUESTION, { title: { $contains: tag } })).toBe(2);
    } finally {
      strapi().config.set('buurtplein.rateLimit', { ...limits(), ...saved });
    }
  });
});
