import { dedupeKeyOf, messageIdOf } from '@buurtplein/plugin-kit';
import { runScript } from '../../../../tests/helpers/cli';
import { adminToken, removeAdmins } from '../../../../tests/helpers/admin';
import { api, bearer, createDocument, createUser, resident, unique } from '../../../../tests/helpers/fixtures';
import type { ReceivedMail } from '../../../../tests/helpers/mail-sink';
import { FRONTEND_URL, mailSink, strapi } from '../../../../tests/helpers/strapi';
import { followLinks } from '../lib/links';
import { periodNamed, type DigestPeriod } from '../lib/periods';
import { settings } from '../../../lib/settings';
import type { Delivery } from '../services/delivery';

const FOLLOW = 'api::follow.follow';
const EVENT = 'api::follow.follow-event';
const MESSAGE = 'plugin::outbox.message';
const INITIATIVE = 'api::initiative.initiative';
const LONG_AGO = new Date('2019-06-01T00:00:00Z');

const delivery = () => strapi().service('api::follow.delivery') as unknown as Delivery;
const address = () => `${unique('volger')}@buurt.example`;
const mailsTo = async (email: string, settle = 300) => {
  await new Promise((resolve) => setTimeout(resolve, settle));
  return mailSink().messages.filter((m) => m.to.includes(email.toLowerCase()));
};
const headerLine = (mail: ReceivedMail, key: string) => mail.parsed.headerLines.find((h) => h.key === key)?.line.replace(/\r?\n\s*/g, ' ');
const unsubscribeUrlOf = (mail: ReceivedMail) => new URL(/<([^>]+)>/.exec(headerLine(mail, 'list-unsubscribe')!)![1]);

let week = 0;
/** A past week of its own per test (2020-W01, W02, ...): no other test's events fall in it. */
const freshWeek = (): DigestPeriod => periodNamed('weekly', `2020-W${String(++week).padStart(2, '0')}`)!;
const inside = (period: DigestPeriod, hours = 1) => new Date(period.from.getTime() + hours * 3600_000);

/** Confirmed follows of one follower (an address, or an account), begun long ago. */
async function follows(who: { email: string } | { userId: number }, list: [type: string, target: string, frequency: string][]) {
  for (const [type, target, frequency] of list) {
    await strapi().db.query(FOLLOW as any).create({ data: { ...who, type, target, frequency, language: 'nl', confirmedAt: LONG_AGO } });
  }
}

/** An initiative the public may read; its own events are removed, so the test says which events there are. */
async function initiative(title = unique('Idee')) {
  const doc = await createDocument(INITIATIVE, { title, slug: unique('idee'), summary: 'Voor de buurt.', stage: 'idea' });
  await strapi().db.query(EVENT as any).deleteMany({ where: { item: doc.documentId } });
  return doc as { documentId: string; title: string; slug: string };
}

/** What followers of `subjects` hear about, as if it happened at `at`. */
async function event(kind: string, item: string, subjects: string[], at: Date, detail = '') {
  const row = await strapi().db.query(EVENT as any).create({ data: { kind, item, detail, subjects } });
  await strapi().db.query(EVENT as any).update({ where: { id: row.id }, data: { createdAt: at } });
  return row.id as number;
}

describe('following: news at once and in digests, each exactly once', () => {
  it('at once: one mail per event and follower, within the minute job; a second run sends nothing', async () => {
    const neighbourhood = await createDocument('api::neighbourhood.neighbourhood', { name: unique('Wijk'), slug: unique('wijk') });
    const quick = address();
    const weekly = address();
    await follows({ email: quick }, [['neighbourhood', neighbourhood.documentId, 'immediate']]);
    await follows({ email: weekly }, [['neighbourhood', neighbourhood.documentId, 'weekly']]);
    // Published as an editor does: the event is recorded by the publish itself.
    const idea = await createDocument(INITIATIVE, { title: `Speeltuin <b>opknappen</b> {{a|b}}`, slug: unique('speeltuin'), summary: 'Nieuwe toestellen.', stage: 'idea', neighbourhood: neighbourhood.documentId });

    const first = await delivery().runImmediate();
    expect(first).toMatchObject({ sent: 1, failed: 0 });
    const [mail, ...more] = await mailsTo(quick);
    expect(more).toEqual([]);
    expect(mail.subject).toBe('Nieuw initiatief: Speeltuin <b>opknappen</b> {{a|b}}');
    // The title is text: escaped in HTML, and the town's voice does not rewrite it.
    expect(mail.html).toContain('Speeltuin &lt;b&gt;opknappen&lt;/b&gt; {{a|b}}');
    expect(mail.text).toContain(`${FRONTEND_URL}/initiative.html?slug=${idea.slug}`);
    expect(headerLine(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(unsubscribeUrlOf(mail).pathname).toBe('/api/follows/unsubscribe');

    expect(await delivery().runImmediate()).toMatchObject({ sent: 0, due: 0 });
    expect(await mailsTo(quick)).toHaveLength(1);
    expect(await mailsTo(weekly, 0)).toEqual([]);
    const stored = await strapi().db.query(EVENT as any).findOne({ where: { item: idea.documentId } });
    expect(stored.immediateDoneAt).not.toBeNull();
  });

  it('a weekly digest bundles the week into one mail per follower; nothing for a follower with nothing new; running again sends nothing', async () => {
    const period = freshWeek();
    const [bench, garden, gone, other] = await Promise.all([initiative('Bankje'), initiative('Moestuin'), initiative('Opgeheven'), initiative('Elders')]);
    const neighbourhood = unique('wijk');
    const reader = address();
    const idle = address();
    await follows({ email: reader }, [['neighbourhood', neighbourhood, 'weekly'], ['initiative', bench.documentId, 'weekly']]);
    await follows({ email: idle }, [['neighbourhood', unique('stil'), 'weekly']]);
    await event('initiative.new', bench.documentId, [`neighbourhood:${neighbourhood}`], inside(period, 1));
    await event('initiative.stage', bench.documentId, [`initiative:${bench.documentId}`], inside(period, 30), 'running');
    await event('initiative.new', garden.documentId, [`neighbourhood:${neighbourhood}`], inside(period, 60));
    await event('initiative.new', gone.documentId, [`neighbourhood:${neighbourhood}`], inside(period, 70));
    await event('initiative.new', other.documentId, [`neighbourhood:${unique('elders')}`], inside(period, 80));
    // Before and after the week: not in it.
    await event('initiative.new', garden.documentId, [`neighbourhood:${neighbourhood}`], new Date(period.from.getTime() - 1), 'x');
    await event('initiative.new', garden.documentId, [`neighbourhood:${neighbourhood}`], period.to, 'y');
    // Archived since: the public may no longer read it, so it is not mailed.
    await strapi().documents(INITIATIVE).update({ documentId: gone.documentId, locale: 'nl', data: { archivedAt: new Date().toISOString() } } as any);

    const dry = await delivery().runDigests({ period, dryRun: true });
    expect(dry.wouldSend.filter((m) => [reader, idle].includes(m.address))).toEqual([{ address: reader, entries: 3 }]);
    expect(await mailsTo(reader, 100)).toEqual([]);

    const run = await delivery().runDigests({ period });
    expect(run).toMatchObject({ period: period.name, failed: 0 });
    const [digest, ...more] = await mailsTo(reader);
    expect(more).toEqual([]);
    expect(digest.subject).toBe(`Je weekoverzicht van buurtplein (${period.name})`);
    expect(digest.text).toContain('(3 berichten)');
    for (const title of ['Bankje', 'Moestuin']) expect(digest.text).toContain(title);
    expect(digest.text).toContain('Initiatief in een nieuwe fase (Loopt)');
    for (const absent of ['Opgeheven', 'Elders']) expect(digest.text).not.toContain(absent);
    expect(digest.headers.get('message-id')).toBe(messageIdOf(dedupeKeyOf({ kind: 'follow.digest', ref: `e:${reader}`, round: `weekly:${period.name}` }), (strapi().config.get('plugin::outbox') as any).messageIdDomain));
    expect(await mailsTo(idle, 0)).toEqual([]);

    const again = await delivery().runDigests({ period });
    expect(again.sent).toBe(0);
    expect(await mailsTo(reader)).toHaveLength(1);
  });

  it('each event reaches a follower once, at the soonest of their follows: at once, not again in the digest', async () => {
    const period = freshWeek();
    const [bench, garden] = await Promise.all([initiative(), initiative()]);
    const neighbourhood = unique('wijk');
    const reader = address();
    await follows({ email: reader }, [['neighbourhood', neighbourhood, 'weekly'], ['initiative', bench.documentId, 'immediate']]);
    await event('initiative.stage', bench.documentId, [`initiative:${bench.documentId}`, `neighbourhood:${neighbourhood}`], inside(period), 'done');
    await event('initiative.new', garden.documentId, [`neighbourhood:${neighbourhood}`], inside(period, 2));
    await delivery().runDigests({ period });
    const [digest] = await mailsTo(reader);
    expect(digest.text).toContain(garden.title);
    expect(digest.text).not.toContain(bench.title);
  });

  it('an account follower gets mail at the account address while it may (confirmed, not blocked)', async () => {
    const period = freshWeek();
    const item = await initiative();
    const active = await createUser();
    const blocked = await createUser();
    for (const user of [active, blocked]) await follows({ userId: user.id }, [['initiative', item.documentId, 'weekly']]);
    await strapi().db.query('plugin::users-permissions.user').update({ where: { id: blocked.id }, data: { blocked: true } });
    await event('initiative.stage', item.documentId, [`initiative:${item.documentId}`], inside(period), 'elaboration');
    await delivery().runDigests({ period });
    expect(await mailsTo(active.email)).toHaveLength(1);
    expect(await mailsTo(blocked.email, 0)).toEqual([]);
  });

  it('SMTP failing, then recovering: the digest goes once, with the same Message-ID; a run that died mid-send is taken over', async () => {
    const period = freshWeek();
    const item = await initiative();
    const [flaky, crashed] = [address(), address()];
    for (const email of [flaky, crashed]) await follows({ email }, [['initiative', item.documentId, 'weekly']]);
    await event('initiative.stage', item.documentId, [`initiative:${item.documentId}`], inside(period), 'running');
    const round = `weekly:${period.name}`;
    // What a run leaves behind when its process dies between claiming a mail and sending it.
    const dedupeKey = dedupeKeyOf({ kind: 'follow.digest', ref: `e:${crashed}`, round });
    const outbox = strapi().config.get('plugin::outbox') as any;
    await strapi().db.query(MESSAGE).create({
      data: { dedupeKey, kind: 'follow.digest', ref: `e:${crashed}`, round, recipient: crashed, status: 'sending', attempts: 1, claimedAt: new Date(Date.now() - 3600_000), messageId: messageIdOf(dedupeKey, outbox.messageIdDomain) },
    });

    strapi().config.set('plugin::outbox', { ...outbox, attempts: 1 });
    try {
      mailSink().failNext(50, 451);
      const down = await delivery().runDigests({ period });
      expect(down.failed).toBeGreaterThanOrEqual(2);
    } finally {
      mailSink().failNext(0);
      strapi().config.set('plugin::outbox', outbox);
    }
    expect(await mailsTo(flaky, 0)).toEqual([]);
    const recovered = await delivery().runDigests({ period });
    expect(recovered.failed).toBe(0);
    for (const email of [flaky, crashed]) {
      const received = await mailsTo(email);
      expect(received).toHaveLength(1);
      expect(received[0].headers.get('message-id')).toBe(messageIdOf(dedupeKeyOf({ kind: 'follow.digest', ref: `e:${email}`, round }), outbox.messageIdDomain));
    }
    expect((await delivery().runDigests({ period })).sent).toBe(0);
  });

  it('a hard bounce stops the mail to that address; confirming a follow from it starts it again', async () => {
    const [first, second] = [freshWeek(), freshWeek()];
    const item = await initiative();
    const gone = address();
    await follows({ email: gone }, [['initiative', item.documentId, 'weekly']]);
    await event('initiative.stage', item.documentId, [`initiative:${item.documentId}`], inside(first), 'running');
    await event('initiative.stage', item.documentId, [`initiative:${item.documentId}`], inside(second), 'done');
    mailSink().refuseAddress(gone);
    expect(await delivery().runDigests({ period: first })).toMatchObject({ failed: 1 });
    expect(await delivery().runDigests({ period: second })).toMatchObject({ failed: 0, unsubscribed: 1, sent: 0 });
    expect(await strapi().db.query(MESSAGE).count({ where: { recipient: gone } })).toBe(1);

    // Its owner clicks a confirmation link sent to it: the address works after all.
    await strapi().db.query(FOLLOW as any).create({ data: { email: gone, type: 'category', target: unique('cat'), frequency: 'weekly', language: 'nl', confirmedAt: null } });
    const token = followLinks(settings(strapi()).mailLinkSecret).confirmToken(gone);
    await api().post('/api/follows/confirm').send({ token }).expect(200);
    expect(await strapi().db.query('plugin::outbox.unsubscribe').count({ where: { email: gone } })).toBe(0);
  });

  it('one click in the mail ends the follows it was about, without login; forged, borrowed or used links change nothing', async () => {
    const item = await initiative();
    const reader = address();
    await follows({ email: reader }, [['initiative', item.documentId, 'immediate'], ['neighbourhood', unique('wijk'), 'weekly']]);
    await event('initiative.stage', item.documentId, [`initiative:${item.documentId}`], new Date(), 'running');
    await delivery().runImmediate();
    const [mail] = await mailsTo(reader);
    const url = unsubscribeUrlOf(mail);
    const token = url.searchParams.get('token')!;
    const stop = (t: string, body?: object | string) => api().post(`/api/follows/unsubscribe?token=${encodeURIComponent(t)}`).type(typeof body === 'string' ? 'form' : 'json').send(body ?? {});
    const remaining = () => strapi().db.query(FOLLOW as any).count({ where: { email: reader } });

    // Opening the link (a person, or a mail scanner) only leads to the page that asks.
    const opened = await api().get(`${url.pathname}${url.search}`).redirects(0).expect(303);
    expect(opened.headers.location).toBe(`${FRONTEND_URL}/follow.html?manage=${encodeURIComponent(token)}`);
    expect(await remaining()).toBe(2);

    // The manage page lists what this address follows; the link reads nothing else.
    const listed = await api().get(`/api/follows/manage?token=${encodeURIComponent(token)}`).expect(200);
    expect(listed.body.data.map((f: { type: string; title: string | null }) => [f.type, f.title])).toEqual([
      ['neighbourhood', null],
      ['initiative', item.title],
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(reader);

    const links = followLinks(settings(strapi()).mailLinkSecret);
    const borrowed = links.confirmToken(reader);
    for (const bad of [`${token}x`, 'forged', borrowed, links.manageToken(`e:${address()}`).replace(/^./, 'x')]) {
      expect((await stop(bad, 'List-Unsubscribe=One-Click').expect(400)).body.error.details.code).toBe('link.invalid');
    }
    await api().get('/api/follows/manage').expect(400);
    // Someone else's follow by id, with this link: not found.
    const stranger = address();
    await follows({ email: stranger }, [['initiative', item.documentId, 'weekly']]);
    const theirs = await strapi().db.query(FOLLOW as any).findOne({ where: { email: stranger } });
    await stop(token, { data: { id: theirs.id } }).expect(404);
    await stop(token, { data: { id: 'x' } }).expect(400);
    await stop(token, { data: { id: 1 }, more: true }).expect(400);
    expect(await strapi().db.query(FOLLOW as any).count({ where: { email: stranger } })).toBe(1);

    // A follow begun after the mail is neither shown nor ended by its link.
    const later = await strapi().db.query(FOLLOW as any).create({ data: { email: reader, type: 'category', target: unique('cat'), frequency: 'daily', language: 'nl', confirmedAt: new Date(Date.now() + 1000), createdAt: new Date(Date.now() + 1000) } });
    expect((await api().get(`/api/follows/manage?token=${encodeURIComponent(token)}`).expect(200)).body.data).toHaveLength(2);
    await stop(token, { data: { id: later.id } }).expect(404);
    const oneClick = await stop(token, 'List-Unsubscribe=One-Click').expect(200);
    expect(oneClick.body.data).toEqual({ ended: 2 });
    expect(await remaining()).toBe(1);
    expect((await stop(token, 'List-Unsubscribe=One-Click').expect(400)).body.error.details.code).toBe('link.used');
  });

  it('two processes sending the same digests at once: each follower gets one mail', async () => {
    const period = freshWeek();
    const item = await initiative();
    const readers = Array.from({ length: 40 }, () => address());
    for (const email of readers) await follows({ email }, [['initiative', item.documentId, 'weekly']]);
    await event('initiative.stage', item.documentId, [`initiative:${item.documentId}`], inside(period), 'running');
    // Two processes of their own, started together, so they boot alike and race over the same followers.
    const runs = await Promise.all([1, 2].map(() => runScript('digests.js', ['--frequency', 'weekly', '--period', period.name])));
    expect(runs).toEqual([expect.objectContaining({ code: 0 }), expect.objectContaining({ code: 0 })]);
    const sentBy = runs.map((run) => Number(/: (\d+) sent, (\d+) sent before/.exec(run.out)?.[1]));
    expect(sentBy[0] + sentBy[1]).toBe(readers.length);
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const email of readers) expect(await mailsTo(email, 0)).toHaveLength(1);
  }, 180_000);

  it('the command: --help, clear usage errors, and a dry run that sends nothing', async () => {
    const help = await runScript('digests.js', ['--help']);
    expect(help).toMatchObject({ code: 0, out: expect.stringContaining('--frequency daily|weekly') });
    for (const args of [[], ['--frequency', 'monthly'], ['--frequency', 'weekly', '--period', '2020-W60'], ['--frequency', 'daily', '--period', '2999-01-01']]) {
      const run = await runScript('digests.js', args);
      expect(run.code).toBe(2);
      expect(run.out).toMatch(/--(frequency|period) must be/);
    }
    const period = freshWeek();
    const item = await initiative();
    const reader = address();
    await follows({ email: reader }, [['initiative', item.documentId, 'weekly']]);
    await event('initiative.stage', item.documentId, [`initiative:${item.documentId}`], inside(period), 'running');
    const dry = await runScript('digests.js', ['--frequency', 'weekly', '--period', period.name, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(`would mail ${reader} (1 item(s))`);
    expect(dry.out).toContain('Nothing was sent.');
    expect(await mailsTo(reader)).toEqual([]);
  }, 180_000);

  describe('what else followers hear about', () => {
    afterAll(removeAdmins);
    const eventsOf = (item: string) => strapi().db.query(EVENT as any).findMany({ where: { item }, orderBy: { id: 'asc' } });

    it('an official reply: the initiator gets a mail of their own at once, followers get the news with its first lines, nobody twice', async () => {
      const initiator = await createUser();
      const item = await createDocument(INITIATIVE, { title: unique('Zebrapad'), slug: unique('zebrapad'), summary: 'Veilig oversteken.', stage: 'idea', initiator: initiator.id });
      const follower = address();
      await follows({ email: follower }, [['initiative', item.documentId, 'immediate']]);
      await follows({ userId: initiator.id }, [['initiative', item.documentId, 'immediate']]);
      const staff = await adminToken();
      const { body } = await api()
        .post(`/idea-support/initiatives/${item.documentId}/official-replies`)
        .set(bearer(staff))
        .send({ data: { body: 'We leggen het zebrapad in het voorjaar aan. <script>x</script>' } })
        .expect(201);
      expect((await eventsOf(item.documentId)).map((e: { kind: string; detail: string }) => [e.kind, e.detail])).toEqual([['initiative.reply', String(body.data.id)]]);

      const toInitiator = await mailSink().waitFor({ to: initiator.email, subject: /Officiële reactie op je initiatief/ });
      expect(toInitiator.text).toContain('“We leggen het zebrapad in het voorjaar aan. <script>x</script>”');
      expect(toInitiator.html).toContain('&lt;script&gt;x&lt;/script&gt;');
      expect(toInitiator.html).not.toContain('<script>');
      expect(toInitiator.text).toContain(`/initiative.html?slug=${item.slug}`);

      await delivery().runImmediate();
      const news = (await mailsTo(follower)).filter((m) => m.subject.startsWith('Officiële reactie van de gemeente'));
      expect(news).toHaveLength(1);
      expect(news[0].text).toContain('“We leggen het zebrapad in het voorjaar aan.');
      // The initiator follows it too, and still has one mail about the reply.
      expect((await mailsTo(initiator.email, 0)).filter((m) => /reactie/i.test(m.subject))).toHaveLength(1);
    });

    it('reaching the support threshold is news for the initiative’s followers, once, also under concurrent supports', async () => {
      const saved = strapi().config.get('plugin::idea-support');
      strapi().config.set('plugin::idea-support', { ...(saved as object), threshold: 3 });
      try {
        const item = await initiative();
        const follower = address();
        await follows({ email: follower }, [['initiative', item.documentId, 'immediate']]);
        const users = await Promise.all(Array.from({ length: 8 }, () => createUser()));
        await Promise.all(users.map((u) => strapi().plugin('idea-support').service('support').support(item.documentId, u.id)));
        expect((await eventsOf(item.documentId)).map((e: { kind: string }) => e.kind)).toEqual(['initiative.threshold']);
        await delivery().runImmediate();
        const [mail, ...more] = await mailsTo(follower);
        expect(more).toEqual([]);
        expect(mail.subject).toBe(`Initiatief heeft genoeg steun: ${item.title}`);
      } finally {
        strapi().config.set('plugin::idea-support', saved);
      }
    });

    it('a new answer to a public question is news for its category’s followers; one inside a group stays inside it', async () => {
      const category = await createDocument('api::category.category', { name: unique('Zorg'), slug: unique('zorg') });
      const group = await createDocument('api::group.group', { name: unique('Mantelzorg'), slug: unique('mantelzorg'), visibility: 'open' });
      const follower = address();
      await follows({ email: follower }, [['category', category.documentId, 'immediate'], ['group', group.documentId, 'immediate']]);
      const ask = (title: string, extra: Record<string, unknown>) => createDocument('api::question.question', { title, body: 'Wie weet het?', status: 'visible', categories: [category.documentId], ...extra });
      const open = await ask(unique('Waar vind ik hulp'), {});
      const inGroup = await ask(unique('Onder ons'), { group: group.documentId });
      const answer = (question: string) => createDocument('api::answer.answer', { body: 'Bij het wijkteam.', question, status: 'visible' });
      await answer(open.documentId);
      await answer(inGroup.documentId);
      await delivery().runImmediate();
      const mails = await mailsTo(follower);
      expect(mails.map((m) => m.subject)).toEqual([`Nieuw antwoord op een vraag: ${open.title}`]);
      expect(mails[0].text).toContain(`/question.html?id=${open.documentId}`);
    });

    it("an initiative's way so far: each stage with the date it was reached, for the public and on the initiator's own list", async () => {
      const { user, jwt } = await resident();
      const item = await createDocument(INITIATIVE, { title: unique('Buurtfeest'), slug: unique('buurtfeest'), summary: 'Samen vieren.', stage: 'idea', initiator: user.id });
      const initiatives = strapi().documents(INITIATIVE);
      for (const stage of ['elaboration', 'running']) await initiatives.update({ documentId: item.documentId, locale: 'nl', data: { stage }, status: 'published' } as any);
      const history = await api().get(`/api/initiatives/${item.documentId}/history`).expect(200);
      expect(history.body.data).toEqual({
        documentId: item.documentId,
        stage: 'running',
        steps: [
          { stage: 'idea', at: new Date(item.createdAt).toISOString() },
          { stage: 'elaboration', at: expect.any(String) },
          { stage: 'running', at: expect.any(String) },
        ],
      });
      const [, elaboration, running] = history.body.data.steps.map((step: { at: string }) => Date.parse(step.at));
      expect(running).toBeGreaterThanOrEqual(elaboration);

      const mine = await api().get('/api/my/initiatives').set(bearer(jwt)).expect(200);
      expect(mine.body.data.find((i: { documentId: string }) => i.documentId === item.documentId).stageHistory.map((s: { stage: string }) => s.stage)).toEqual(['idea', 'elaboration', 'running']);

      const draft = await createDocument(INITIATIVE, { title: unique('Concept'), slug: unique('concept'), stage: 'idea' }, 'draft');
      await api().get(`/api/initiatives/${draft.documentId}/history`).expect(404);
      await api().get(`/api/initiatives/${item.documentId}/history?populate=*`).expect(400);
      await api().get('/api/initiatives/abc/history').expect(400);
    });
  });
});
