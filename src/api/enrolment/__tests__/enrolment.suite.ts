import { api, bearer, createDocument, editor, madeUpWord, mintedSession, resident, tokenFromMail, unique } from '../../../../tests/helpers/fixtures';
import { FRONTEND_URL, mailSink, strapi } from '../../../../tests/helpers/strapi';
import { adminToken, removeAdmins } from '../../../../tests/helpers/admin';

const ACTIVITY = 'api::activity.activity';
const ENROLMENT = 'api::enrolment.enrolment';
const DAY = 24 * 3600_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY);
const enrolPath = (documentId: string) => `/api/activities/${documentId}/enrolments`;

type Editor = Awaited<ReturnType<typeof editor>>;

/** A published activity of the editor's organisation, with enrolment set through the editor's own API. */
async function openActivity(owner: Editor, enrolment: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const tag = unique('meedoen');
  const activity = await createDocument(ACTIVITY, {
    title: `Taalcafé ${tag}`,
    slug: `taalcafe-${tag}`,
    organisation: owner.organisation.documentId,
    startsAt: inDays(7).toISOString(),
    endsAt: new Date(inDays(7).getTime() + 2 * 3600_000).toISOString(),
    address: 'Dorpsstraat 1',
    city: 'Buurtstad',
    ...extra,
  });
  await api().put(`/api/my/activities/${activity.documentId}`).set(bearer(owner.jwt)).send({ data: { enrolment } }).expect(200);
  return activity as { documentId: string; title: string };
}

const statuses = async (activity: string) =>
  (await strapi().db.query(ENROLMENT as any).findMany({ where: { activity }, orderBy: { place: 'asc' } })) as { id: number; status: string; place: number; email: string; userId: number }[];

/** `n` confirmed accounts with sessions, made without password hashing (200 bcrypt rounds would take most of the test). */
async function people(n: number) {
  const role = await strapi().db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const tag = unique('p');
  const made = [];
  for (let i = 0; i < n; i += 1) {
    const user = await strapi()
      .db.query('plugin::users-permissions.user')
      .create({ data: { username: `${tag}-${i}`, email: `${tag}-${i}@private.example`, provider: 'local', confirmed: true, blocked: false, role: role.id } });
    made.push({ user, jwt: await mintedSession(user.id) });
  }
  return made;
}

const publicEnrolment = async (documentId: string) => (await api().get(`/api/activities/${documentId}`).expect(200)).body.data.enrolment;

describe('enrolment: settings by the organisation', () => {
  let owner: Editor;
  beforeAll(async () => {
    owner = await editor();
  });

  it('turns enrolment on with PUT /api/my/activities/:documentId; the public read shows counts only', async () => {
    const activity = await openActivity(owner, { open: true, capacity: 20, waitlist: true, deadline: null });
    expect(await publicEnrolment(activity.documentId)).toMatchObject({ open: true, capacity: 20, confirmed: 0, placesLeft: 20, waitlist: 0 });
    const mine = await api().get('/api/my/activities').set(bearer(owner.jwt)).expect(200);
    expect(mine.body.data.find((a: { documentId: string }) => a.documentId === activity.documentId)).toBeDefined();
  });

  it('refuses bad settings with a 400 naming the field, and someone else or the public with 404/403/401', async () => {
    const activity = await openActivity(owner, { open: false });
    const put = (data: unknown, jwt = owner.jwt) => api().put(`/api/my/activities/${activity.documentId}`).set(bearer(jwt)).send({ data });
    for (const enrolment of [{ capacity: 0 }, { capacity: 'twenty' }, { open: 'ja' }, { questions: ['a', 'b', 'c', 'd'] }, { questions: ['x'.repeat(201)] }, { deadline: 'morgen' }, { places: 3 }]) {
      const res = await put({ enrolment }).expect(400);
      expect(res.body.error.name).toBe('ValidationError');
    }
    const other = await editor();
    await put({ enrolment: { open: true } }, other.jwt).expect(404);
    const { jwt } = await resident();
    await put({ enrolment: { open: true } }, jwt).expect(403);
    await api().put(`/api/my/activities/${activity.documentId}`).send({ data: { enrolment: { open: true } } }).expect(403);
    expect((await publicEnrolment(activity.documentId)).open).toBe(false);
  });
});

describe('enrolment: enrolling', () => {
  let owner: Editor;
  beforeAll(async () => {
    owner = await editor();
  });
  beforeEach(() => mailSink().clear());

  it('places a confirmed account at once (201) and mails the details with an .ics of the date and a cancel link', async () => {
    const activity = await openActivity(owner, { open: true, capacity: 5, waitlist: true });
    const { user, jwt } = await resident();
    const res = await api().post(enrolPath(activity.documentId)).set(bearer(jwt)).send({ data: { name: 'Anna' } }).expect(201);
    expect(res.body.data).toEqual({ status: 'confirmed' });
    const mail = await mailSink().waitFor({ to: user.email, subject: /Ingeschreven/ });
    expect(mail.text).toContain(activity.title);
    expect(mail.text).toContain('Dorpsstraat 1');
    const ics = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    expect(ics).toBeDefined();
    const calendar = ics!.content.toString('utf8');
    expect(calendar).toMatch(/BEGIN:VEVENT[\s\S]*DTSTART;TZID=Europe\/Amsterdam:\d{8}T\d{6}[\s\S]*END:VEVENT/);
    expect(calendar).toContain('METHOD:PUBLISH');
    expect(mailSink().linksIn(mail).some((link) => link.includes('/meedoen/afmelden?token='))).toBe(true);
    expect(await publicEnrolment(activity.documentId)).toMatchObject({ confirmed: 1, placesLeft: 4 });

    const again = await api().post(enrolPath(activity.documentId)).set(bearer(jwt)).send({ data: { name: 'Anna' } }).expect(409);
    expect(again.body.error.details.code).toBe('enrolment.already');
    const unconfirmed = await resident({ confirmed: false });
    const refused = await api().post(enrolPath(activity.documentId)).set(bearer(unconfirmed.jwt)).send({ data: { name: 'B' } }).expect(403);
    expect(refused.body.error.details.code).toBe('account.unconfirmed');
  });

  it('asks anyone else to confirm by mail (202); the link works once, and a link of another flow or a forged one never', async () => {
    const activity = await openActivity(owner, { open: true, capacity: 5, waitlist: true });
    const email = `${unique('gast')}@private.example`;
    const res = await api().post(enrolPath(activity.documentId)).send({ data: { name: 'Gast', email } }).expect(202);
    expect(res.body.data).toEqual({ status: 'pending' });
    const { value: token, mail } = await tokenFromMail(email, /Bevestig/);
    expect(mail.text).not.toContain('Gast');
    expect((await publicEnrolment(activity.documentId)).confirmed).toBe(0);

    await api().post('/api/enrolments/confirm').send({ token: `${token}x` }).expect(400);
    for (const body of [{}, { token: 42 }, { token: ['x'] }, { token: 'x', extra: 1 }]) await api().post('/api/enrolments/confirm').send(body).expect(400);
    await api().post('/api/enrolments/by-link').send({ token: 'forged' }).expect(400);
    const confirmed = await api().post('/api/enrolments/confirm').send({ token }).expect(200);
    expect(confirmed.body.data).toMatchObject({ status: 'confirmed', activity: { documentId: activity.documentId } });
    const reused = await api().post('/api/enrolments/confirm').send({ token }).expect(400);
    expect(reused.body.error.details.code).toBe('link.used');

    // The cancel link of the confirmation mail is refused as a confirm token, and the confirm token as a cancel token.
    const { value: cancelToken } = await tokenFromMail(email, /Ingeschreven/);
    expect((await api().post('/api/enrolments/confirm').send({ token: cancelToken }).expect(400)).body.error.details.code).toBe('link.invalid');
    expect((await api().post('/api/enrolments/cancel').send({ token }).expect(400)).body.error.details.code).toBe('link.invalid');

    // Asking again answers the same 202; the mail (to the address itself) says it is enrolled already. Still one row.
    await api().post(enrolPath(activity.documentId)).send({ data: { name: 'Iemand anders', email } }).expect(202);
    await mailSink().waitFor({ to: email, subject: /al ingeschreven/ });
    expect((await statuses(activity.documentId)).filter((row) => row.email === email)).toHaveLength(1);

    await api().post('/api/enrolments/cancel').send({ token: cancelToken }).expect(200);
    expect((await api().post('/api/enrolments/cancel').send({ token: cancelToken }).expect(400)).body.error.details.code).toBe('link.used');
    expect((await publicEnrolment(activity.documentId)).confirmed).toBe(0);
  });

  it("puts the town's website in every mailed link, whatever Host or X-Forwarded-* the request claims", async () => {
    const activity = await openActivity(owner, { open: true, capacity: 5 });
    const email = `${unique('host')}@private.example`;
    await api()
      .post(enrolPath(activity.documentId))
      .set('Host', 'evil.example')
      .set('X-Forwarded-Host', 'evil.example')
      .set('X-Forwarded-Proto', 'http')
      .send({ data: { name: 'A', email } })
      .expect(202);
    const { value: token, mail } = await tokenFromMail(email, /Bevestig/);
    await api().post('/api/enrolments/confirm').set('X-Forwarded-Host', 'evil.example').send({ token }).expect(200);
    const placed = await mailSink().waitFor({ to: email, subject: /Ingeschreven/ });
    for (const sent of [mail, placed]) {
      expect(mailSink().linksIn(sent).length).toBeGreaterThan(0);
      expect(mailSink().linksIn(sent).every((link) => link.startsWith(`${FRONTEND_URL}/`))).toBe(true);
      expect(`${sent.text}${sent.html}`).not.toContain('evil.example');
    }
  });

  it('refuses bad input with a clear 4xx and writes nothing', async () => {
    const activity = await openActivity(owner, { open: true, capacity: 5, questions: ['Dieetwensen?'] });
    const post = (data: unknown, documentId = activity.documentId) => api().post(enrolPath(documentId)).send({ data });
    const email = `${unique('x')}@private.example`;
    await post({ name: 'A' }).expect(400);
    await post({ name: 'A', email: 'geen-adres' }).expect(400);
    await post({ email }).expect(400);
    await post({ name: 'A', email, answers: ['x'.repeat(301)] }).expect(400);
    await post({ name: 'A', email, answers: ['a', 'b'] }).expect(400);
    await post({ name: 'A', email, answers: [{ $gt: '' }] }).expect(400);
    await post({ name: 'A', email, extra: 1 }).expect(400);
    await api().post(enrolPath(activity.documentId)).send('not json').expect(400);
    await post({ name: 'A', email }, 'not-a-document-id').expect(400);
    await post({ name: 'A', email }, 'a'.repeat(24)).expect(404);

    const closed = await openActivity(owner, { open: false });
    expect((await post({ name: 'A', email }, closed.documentId).expect(409)).body.error.details.code).toBe('enrolment.closed');
    const late = await openActivity(owner, { open: true, deadline: new Date(Date.now() - 60_000).toISOString() });
    expect((await post({ name: 'A', email }, late.documentId).expect(409)).body.error.details.code).toBe('enrolment.deadline_passed');
    const past = await openActivity(owner, { open: true }, { startsAt: inDays(-3).toISOString(), endsAt: inDays(-3).toISOString() });
    expect((await post({ name: 'A', email }, past.documentId).expect(400)).body.error.details.code).toBe('enrolment.past');
    const archived = await openActivity(owner, { open: true });
    await strapi().documents(ACTIVITY).update({ documentId: archived.documentId, locale: 'nl', data: { archivedAt: new Date().toISOString() } } as any);
    await post({ name: 'A', email }, archived.documentId).expect(404);

    for (const id of [activity, closed, late, past, archived].map((a) => a.documentId)) expect(await statuses(id)).toEqual([]);
  });

  it('limits enrolling per email (from any address) and per IP, and the mailed links per IP', async () => {
    const limits = () => strapi().config.get('buurtplein.rateLimit') as { maxPerIp: number; maxPerEmail: number };
    const saved = { ...limits() };
    const activity = await openActivity(owner, { open: true, capacity: 5 });
    try {
      strapi().config.set('buurtplein.rateLimit', { ...limits(), maxPerEmail: 2 });
      const email = `${unique('flood')}@private.example`;
      const post = (ip: string, address = email) => api().post(enrolPath(activity.documentId)).set('X-Forwarded-For', ip).send({ data: { name: 'A', email: address } });
      await post('10.2.0.1').expect(202);
      await post('10.2.0.2').expect(202);
      const refused = await post('10.2.0.3', email.toUpperCase()).expect(429);
      expect(refused.body.error.details.code).toBe('rate_limited');
      strapi().config.set('buurtplein.rateLimit', { ...limits(), maxPerEmail: 1000, maxPerIp: 2 });
      await post('10.2.1.1', `${unique('a')}@private.example`).expect(202);
      await post('10.2.1.1', `${unique('b')}@private.example`).expect(202);
      await post('10.2.1.1', `${unique('c')}@private.example`).expect(429);
      for (let i = 0; i < 2; i++) await api().post('/api/enrolments/cancel').set('X-Forwarded-For', '10.2.2.1').send({ token: 'x' }).expect(400);
      await api().post('/api/enrolments/cancel').set('X-Forwarded-For', '10.2.2.1').send({ token: 'x' }).expect(429);
    } finally {
      strapi().config.set('buurtplein.rateLimit', { ...limits(), ...saved });
    }
  });

  it('takes enrolments per date of a recurring activity: only the RRULE\'s own dates still to come', async () => {
    const start = inDays(2);
    const activity = await openActivity(owner, { open: true, capacity: 2, perOccurrence: true }, { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3600_000).toISOString(), recurrence: 'FREQ=WEEKLY;COUNT=5' });
    const summary = await publicEnrolment(activity.documentId);
    expect(summary.perOccurrence).toBe(true);
    expect(summary.occurrences).toHaveLength(5);
    const [first, second] = summary.occurrences.map((o: { occurrence: string }) => o.occurrence);
    const { jwt } = await resident();
    const post = (occurrence?: string) => api().post(enrolPath(activity.documentId)).set(bearer(jwt)).send({ data: { name: 'A', ...(occurrence ? { occurrence } : {}) } });
    expect((await post().expect(400)).body.error.details.code).toBe('enrolment.occurrence_required');
    expect((await post(new Date(new Date(first).getTime() + 60_000).toISOString()).expect(400)).body.error.details.code).toBe('enrolment.not_an_occurrence');
    expect((await post('gisteren').expect(400)).body.error.details.code).toBe('enrolment.not_an_occurrence');
    await post(first).expect(201);
    await post(second).expect(201);
    await post(first).expect(409);
    const after = await publicEnrolment(activity.documentId);
    expect(after.occurrences.slice(0, 2)).toEqual([
      { occurrence: first, confirmed: 1, placesLeft: 1, waitlist: 0 },
      { occurrence: second, confirmed: 1, placesLeft: 1, waitlist: 0 },
    ]);
    const switched = await api().put(`/api/my/activities/${activity.documentId}`).set(bearer(owner.jwt)).send({ data: { enrolment: { perOccurrence: false } } }).expect(409);
    expect(switched.body.error.details.code).toBe('enrolment.mode_locked');
  });
});

describe('enrolment: places are exact', () => {
  let owner: Editor;
  beforeAll(async () => {
    owner = await editor();
  });

  it('gives 200 people enrolling at once for 20 places exactly 20 seats and 180 waitlist places in order', async () => {
    const activity = await openActivity(owner, { open: true, capacity: 20, waitlist: true });
    const crowd = await people(200);
    const answers = await Promise.all(crowd.map(({ jwt }, i) => api().post(enrolPath(activity.documentId)).set(bearer(jwt)).send({ data: { name: `P${i}` } })));
    expect(answers.map((res) => res.status)).toEqual(crowd.map(() => 201));
    const confirmed = answers.filter((res) => res.body.data.status === 'confirmed');
    const waiting = answers.filter((res) => res.body.data.status === 'waitlisted');
    expect(confirmed).toHaveLength(20);
    expect(waiting.map((res) => res.body.data.position).sort((a, b) => a - b)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
    const rows = await statuses(activity.documentId);
    expect(rows.map((row) => row.place)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    // Arrival order: every seat went before every waitlist place.
    expect(rows.slice(0, 20).every((row) => row.status === 'confirmed')).toBe(true);
    expect(await publicEnrolment(activity.documentId)).toMatchObject({ confirmed: 20, placesLeft: 0, waitlist: 180 });
  }, 120_000);

  it('promotes the first of the waitlist at once when seats free up, also when ten cancel at the same moment', async () => {
    const activity = await openActivity(owner, { open: true, capacity: 10, waitlist: true });
    const crowd = await people(25);
    for (const { jwt } of crowd) await api().post(enrolPath(activity.documentId)).set(bearer(jwt)).send({ data: { name: 'P' } }).expect(201);
    const before = await statuses(activity.documentId);
    const seated = before.filter((row) => row.status === 'confirmed');
    const queue = before.filter((row) => row.status === 'waitlisted');
    mailSink().clear();
    const jwtOf = (row: { userId: number }) => crowd.find(({ user }) => user.id === row.userId)!.jwt;
    await Promise.all(seated.map((row) => api().delete(`/api/my/enrolments/${row.id}`).set(bearer(jwtOf(row))).expect(200)));
    const after = await statuses(activity.documentId);
    const nowSeated = after.filter((row) => row.status === 'confirmed').map((row) => row.id);
    expect(nowSeated).toEqual(queue.slice(0, 10).map((row) => row.id));
    expect(after.filter((row) => row.status === 'waitlisted').map((row) => row.id)).toEqual(queue.slice(10).map((row) => row.id));
    await mailSink().waitFor({ to: queue[0].email, subject: /Plaats vrijgekomen/ });
    // Cancelling twice, or someone else's: 404.
    await api().delete(`/api/my/enrolments/${seated[0].id}`).set(bearer(jwtOf(seated[0]))).expect(404);
    await api().delete(`/api/my/enrolments/${queue[0].id}`).set(bearer(crowd.at(-1)!.jwt)).expect(404);
    await api().delete(`/api/my/enrolments/${queue[0].id}`).expect(403);
  }, 60_000);

  it('never cancels anyone by a lower capacity: refused with the count; a higher one moves people up', async () => {
    const activity = await openActivity(owner, { open: true, capacity: 3, waitlist: true });
    for (const { jwt } of await people(5)) await api().post(enrolPath(activity.documentId)).set(bearer(jwt)).send({ data: { name: 'P' } }).expect(201);
    const put = (capacity: number) => api().put(`/api/my/activities/${activity.documentId}`).set(bearer(owner.jwt)).send({ data: { enrolment: { capacity }, title: 'Nieuwe titel' } });
    const refused = await put(2).expect(409);
    expect(refused.body.error.details).toMatchObject({ code: 'enrolment.capacity_below_confirmed', occurrence: 'series', confirmed: 3 });
    expect(await publicEnrolment(activity.documentId)).toMatchObject({ capacity: 3, confirmed: 3, waitlist: 2 });
    await put(4).expect(200);
    expect(await publicEnrolment(activity.documentId)).toMatchObject({ capacity: 4, confirmed: 4, waitlist: 1 });
  });
});

describe('enrolment: privacy and the organiser', () => {
  it('shows the public counts only, and the organiser their list and a CSV safe for spreadsheets', async () => {
    const owner = await editor();
    const activity = await openActivity(owner, { open: true, capacity: 1, waitlist: true, questions: ['Dieetwensen?'] });
    const [first, second] = await people(2);
    await api().post(enrolPath(activity.documentId)).set(bearer(first.jwt)).send({ data: { name: '=HYPERLINK("http://evil.example","klik")', answers: ['@SUM(1)'] } }).expect(201);
    await api().post(enrolPath(activity.documentId)).set(bearer(second.jwt)).send({ data: { name: 'Tweede' } }).expect(201);

    for (const path of [`/api/activities/${activity.documentId}?populate=*`, `/api/activities?filters[documentId][$eq]=${activity.documentId}&populate=*`]) {
      const raw = (await api().get(path).expect(200)).text;
      expect(raw).not.toContain(first.user.email);
      expect(raw).not.toContain('HYPERLINK');
    }
    const list = await api().get(`/api/my/activities/${activity.documentId}/enrolments`).set(bearer(owner.jwt)).expect(200);
    expect(list.body.data.map((e: { status: string; position?: number }) => [e.status, e.position])).toEqual([['confirmed', undefined], ['waitlisted', 1]]);
    const csv = await api().get(`/api/my/activities/${activity.documentId}/enrolments?format=csv`).set(bearer(owner.jwt)).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
    expect(csv.text).toContain("'@SUM(1)");

    const seat = list.body.data[0].id;
    await api().put(`/api/my/activities/${activity.documentId}/enrolments/${seat}`).set(bearer(owner.jwt)).send({ data: { attended: true } }).expect(200);
    await api().put(`/api/my/activities/${activity.documentId}/enrolments/${seat}`).set(bearer(owner.jwt)).send({ data: { attended: 'ja' } }).expect(400);

    const other = await editor();
    await api().get(`/api/my/activities/${activity.documentId}/enrolments`).set(bearer(other.jwt)).expect(404);
    await api().put(`/api/my/activities/${activity.documentId}/enrolments/${seat}`).set(bearer(other.jwt)).send({ data: { attended: false } }).expect(404);
    await api().get(`/api/my/activities/${activity.documentId}/enrolments`).set(bearer(first.jwt)).expect(403);
    await api().get(`/api/my/activities/${activity.documentId}/enrolments`).expect(403);
    await api().get(`/api/my/activities/${activity.documentId}/enrolments?format=xml`).set(bearer(owner.jwt)).expect(400);
  });

  it('lets a person see and cancel all their enrolments, signed in or by the mailed list link', async () => {
    const owner = await editor();
    const one = await openActivity(owner, { open: true, capacity: 5 });
    const two = await openActivity(owner, { open: true, capacity: 5 });
    const { user, jwt } = await resident();
    mailSink().clear();
    for (const activity of [one, two]) await api().post(enrolPath(activity.documentId)).set(bearer(jwt)).send({ data: { name: 'A' } }).expect(201);
    const mine = await api().get('/api/my/enrolments').set(bearer(jwt)).expect(200);
    expect(mine.body.data.map((e: { activity: { documentId: string } }) => e.activity.documentId)).toEqual([one.documentId, two.documentId]);
    await api().get('/api/my/enrolments').expect(403);

    const { value: listToken } = await tokenFromMail(user.email, new RegExp(two.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), 'token').then(async ({ mail }) => {
      const link = mailSink().linksIn(mail).find((l) => l.includes('/meedoen/mijn-inschrijvingen'))!;
      return { value: new URL(link).searchParams.get('token')! };
    });
    const byLink = await api().post('/api/enrolments/by-link').send({ token: listToken }).expect(200);
    expect(byLink.body.data).toHaveLength(2);
    const stranger = await resident();
    const theirs = await api().post(enrolPath(one.documentId)).set(bearer(stranger.jwt)).send({ data: { name: 'S' } }).expect(201);
    expect(theirs.body.data.status).toBe('confirmed');
    const strangerRow = (await statuses(one.documentId)).find((row) => row.userId === stranger.user.id)!;
    await api().post('/api/enrolments/by-link/cancel').send({ token: listToken, id: strangerRow.id }).expect(404);
    await api().post('/api/enrolments/by-link/cancel').send({ token: 'forged', id: mine.body.data[0].id }).expect(400);
    await api().post('/api/enrolments/by-link/cancel').send({ token: listToken, id: mine.body.data[0].id }).expect(200);
    expect((await api().post('/api/enrolments/by-link').send({ token: listToken }).expect(200)).body.data).toHaveLength(1);
  });
});

describe('enrolment: staff in the admin panel', () => {
  afterAll(removeAdmins);

  it("sets an activity's enrolment and sees, exports, marks and mails its list, as its organisation does", async () => {
    const staff = bearer(await adminToken());
    const owner = await editor();
    const activity = await openActivity(owner, { open: false });
    const base = `/buurtplein/activities/${activity.documentId}`;
    const saved = await api().put(`${base}/enrolment`).set(staff).send({ data: { open: true, capacity: 2, waitlist: true, questions: ['Dieetwensen?'] } }).expect(200);
    expect(saved.body.data).toMatchObject({ open: true, capacity: 2, waitlist: true, questions: ['Dieetwensen?'] });
    expect(await publicEnrolment(activity.documentId)).toMatchObject({ open: true, capacity: 2, placesLeft: 2 });

    const enrolled = await people(3);
    for (const { jwt } of enrolled) await api().post(enrolPath(activity.documentId)).set(bearer(jwt)).send({ data: { name: '<b>Buur</b>', answers: ['=1+1'] } }).expect(201);
    const list = await api().get(`${base}/enrolments`).set(staff).expect(200);
    expect(list.body.data.map((e: { status: string; email: string }) => [e.status, e.email])).toEqual(enrolled.map(({ user }, i) => [i < 2 ? 'confirmed' : 'waitlisted', user.email]));
    expect(list.body.meta.settings).toMatchObject({ capacity: 2, questions: ['Dieetwensen?'] });
    expect((await api().get(`${base}/enrolments?format=csv`).set(staff).expect(200)).text).toContain("'=1+1");
    await api().put(`${base}/enrolments/${list.body.data[0].id}`).set(staff).send({ data: { attended: true } }).expect(200);
    await api().put(`${base}/enrolments/${list.body.data[2].id}`).set(staff).send({ data: { attended: true } }).expect(404); // waiting, not present
    const sent = await api().post(`${base}/enrolments/message`).set(staff).send({ data: { subject: 'Andere zaal', message: 'We zitten boven.' } }).expect(202);
    expect(sent.body.data).toEqual({ recipients: 3 });
    await mailSink().waitFor({ to: enrolled[2].user.email, subject: /Andere zaal/ });

    // Lowering below who has a seat is refused with the count, as for the organisation.
    const refused = await api().put(`${base}/enrolment`).set(staff).send({ data: { capacity: 1 } }).expect(409);
    expect(refused.body.error.details).toMatchObject({ code: 'enrolment.capacity_below_confirmed', confirmed: 2 });
    for (const bad of [{ capacity: 'veel' }, { capacity: 0 }, { questions: ['a', 'b', 'c', 'd'] }, { seats: 3 }, { deadline: '31-02-2027' }]) {
      const res = await api().put(`${base}/enrolment`).set(staff).send({ data: bad }).expect(400);
      expect(res.body.error.name).toBe('ValidationError');
    }
    await api().put(`${base}/enrolment`).set(staff).send({ open: true }).expect(400);
    await api().get(`${base}/enrolments?format=pdf`).set(staff).expect(400);
    await api().get('/buurtplein/activities/geenactiviteitmetditiddd/enrolments').set(staff).expect(404);
    expect((await strapi().db.query('api::enrolment.enrolment-settings' as any).findOne({ where: { activity: activity.documentId } })).capacity).toBe(2);
  });

  it('refuses staff without the right to read (or change) activities, the public and residents', async () => {
    const owner = await editor();
    const activity = await openActivity(owner, { open: true, capacity: 5 });
    const base = `/buurtplein/activities/${activity.documentId}`;
    const reader = bearer(await adminToken({ permissions: [{ action: 'plugin::content-manager.explorer.read', subject: ACTIVITY }] }));
    const nobody = bearer(await adminToken({ withoutRights: true }));
    await api().get(`${base}/enrolments`).set(reader).expect(200);
    await api().put(`${base}/enrolment`).set(reader).send({ data: { capacity: 50 } }).expect(403);
    await api().post(`${base}/enrolments/message`).set(reader).send({ data: { subject: 'x', message: 'y' } }).expect(403);
    await api().get(`${base}/enrolments`).set(nobody).expect(403);
    await api().get(`${base}/enrolments`).expect(401);
    // An editor's or resident's session is no admin session.
    await api().get(`${base}/enrolments`).set(bearer(owner.jwt)).expect(401);
    await api().put(`${base}/enrolment`).set(bearer(owner.jwt)).send({ data: { capacity: 50 } }).expect(401);
    expect(await publicEnrolment(activity.documentId)).toMatchObject({ capacity: 5 });
  });
});

describe('enrolment: after enrolling', () => {
  let owner: Editor;
  beforeAll(async () => {
    owner = await editor();
  });
  beforeEach(() => mailSink().clear());

  const reminders = () => strapi().service('api::enrolment.reminders') as any;
  const mailsTo = (email: string, subject: RegExp) => mailSink().messages.filter((m) => m.to.includes(email) && subject.test(m.subject));

  it('reminds each enrolment once before its date, also when two instances run at the same moment', async () => {
    const soon = new Date(Date.now() + 2 * 3600_000);
    const weekly = await openActivity(owner, { open: true, capacity: 5, perOccurrence: true }, { startsAt: soon.toISOString(), endsAt: null, recurrence: 'FREQ=WEEKLY;COUNT=3' });
    const once = await openActivity(owner, { open: true, capacity: 5 }, { startsAt: new Date(Date.now() + 5 * 3600_000).toISOString(), endsAt: null });
    const later = await openActivity(owner, { open: true, capacity: 5 }, { startsAt: inDays(3).toISOString(), endsAt: null });
    const [a, b] = await people(2);
    const [first, second] = (await publicEnrolment(weekly.documentId)).occurrences.map((o: { occurrence: string }) => o.occurrence);
    for (const occurrence of [first, second]) await api().post(enrolPath(weekly.documentId)).set(bearer(a.jwt)).send({ data: { name: 'A', occurrence } }).expect(201);
    await api().post(enrolPath(once.documentId)).set(bearer(b.jwt)).send({ data: { name: 'B' } }).expect(201);
    await api().post(enrolPath(later.documentId)).set(bearer(b.jwt)).send({ data: { name: 'B' } }).expect(201);

    const [one, two] = await Promise.all([reminders().run(), reminders().run()]);
    expect(one.sent + two.sent).toBeGreaterThanOrEqual(2);
    await mailSink().waitFor({ to: a.user.email, subject: /Herinnering/ });
    await mailSink().waitFor({ to: b.user.email, subject: /Herinnering/ });
    const again = await reminders().run();
    expect(again.sent).toBe(0);
    // A's first date and B's one-off: one reminder each; A's second date and B's activity in three days: not yet.
    expect(mailsTo(a.user.email, /Herinnering/)).toHaveLength(1);
    expect(mailsTo(b.user.email, /Herinnering/)).toHaveLength(1);
    expect(mailsTo(b.user.email, /Herinnering/)[0].subject).toContain(once.title);
    expect(mailsTo(a.user.email, /Herinnering/)[0].text).toMatch(/afmelden\?token=/);
  });

  it('lets the organiser mail everyone enrolled for a date; nobody else, and no header in the subject', async () => {
    const activity = await openActivity(owner, { open: true, capacity: 1, waitlist: true });
    const [a, b] = await people(2);
    for (const { jwt } of [a, b]) await api().post(enrolPath(activity.documentId)).set(bearer(jwt)).send({ data: { name: 'P' } }).expect(201);
    const path = `/api/my/activities/${activity.documentId}/enrolments/message`;
    const sent = await api().post(path).set(bearer(owner.jwt)).send({ data: { subject: 'Gaat niet door', message: 'Door de regen <b>vervalt</b> de wandeling.\nhttps://evil.example' } }).expect(202);
    expect(sent.body.data).toEqual({ recipients: 2 });
    for (const { user } of [a, b]) {
      const mail = await mailSink().waitFor({ to: user.email, subject: /Gaat niet door/ });
      expect(mail.html).toContain('&lt;b&gt;vervalt&lt;/b&gt;');
      expect(mail.html).not.toContain('href="https://evil.example"');
    }
    await api().post(path).set(bearer(owner.jwt)).send({ data: { subject: 'Hallo\r\nBcc: iedereen@example.org', message: 'x' } }).expect(400);
    await api().post(path).set(bearer(owner.jwt)).send({ data: { subject: 'Leeg' } }).expect(400);
    await api().post(path).set(bearer(owner.jwt)).send({ data: { subject: 'x'.repeat(151), message: 'x' } }).expect(400);
    const other = await editor();
    await api().post(path).set(bearer(other.jwt)).send({ data: { subject: 'Spam', message: 'x' } }).expect(404);
    await api().post(path).set(bearer(a.jwt)).send({ data: { subject: 'Spam', message: 'x' } }).expect(403);
    await api().post(path).send({ data: { subject: 'Spam', message: 'x' } }).expect(403);
  });

  it('lets the agenda, map, calendar feed and search show only activities with a place left (hasPlaces=true)', async () => {
    const own = await editor(); // an organisation of its own: the others' activities here take enrolments too
    const word = madeUpWord();
    const soon = { startsAt: inDays(2).toISOString(), endsAt: null, latitude: 52.1, longitude: 5.1 };
    const withPlaces = await openActivity(own, { open: true, capacity: 2 }, { ...soon, title: `Plaats ${word}` });
    const full = await openActivity(own, { open: true, capacity: 1 }, { ...soon, title: `Vol ${word}` });
    const closed = await openActivity(own, { open: false }, { ...soon, title: `Dicht ${word}` });
    const unlimited = await openActivity(own, { open: true, capacity: null }, { ...soon, title: `Ruim ${word}` });
    const { jwt } = await resident();
    await api().post(enrolPath(full.documentId)).set(bearer(jwt)).send({ data: { name: 'A' } }).expect(201);
    const expected = [withPlaces.documentId, unlimited.documentId].sort();
    const org = `organisation=${own.organisation.documentId}`;

    const agenda = await api().get(`/api/agenda?${org}&hasPlaces=true`).expect(200);
    expect([...new Set(agenda.body.data.map((o: { activity: { documentId: string } }) => o.activity.documentId))].sort()).toEqual(expected);
    const everything = await api().get(`/api/agenda?${org}`).expect(200);
    expect(new Set(everything.body.data.map((o: { activity: { documentId: string } }) => o.activity.documentId)).size).toBe(4);
    const map = await api().get(`/api/map/activities.geojson?${org}&hasPlaces=true`).expect(200);
    expect(map.body.features.map((f: { id: string }) => f.id).sort()).toEqual(expected);
    const ics = await api().get(`/api/feeds/activities.ics?${org}&hasPlaces=true`).expect(200);
    expect(ics.text).toContain(`UID:${withPlaces.documentId}@`);
    expect(ics.text).not.toContain(`UID:${full.documentId}@`);
    expect(ics.text).not.toContain(`UID:${closed.documentId}@`);
    const search = await api().get(`/api/search?q=${word}&hasPlaces=true`).expect(200);
    expect(search.body.data.map((hit: { documentId: string }) => hit.documentId).sort()).toEqual(expected);

    for (const bad of ['false', 'ja', '1']) await api().get(`/api/agenda?hasPlaces=${bad}`).expect(400);
  });

  it('starts a new cache generation when the counts change, so the public read is never stale', async () => {
    const activity = await openActivity(owner, { open: true, capacity: 3 });
    await api().get(`/api/activities/${activity.documentId}`).expect(200);
    expect((await api().get(`/api/activities/${activity.documentId}`).expect(200)).headers['x-cache']).toBe('HIT');
    const { jwt } = await resident();
    await api().post(enrolPath(activity.documentId)).set(bearer(jwt)).send({ data: { name: 'A' } }).expect(201);
    const after = await api().get(`/api/activities/${activity.documentId}`).expect(200);
    expect(after.headers['x-cache']).toBe('MISS');
    expect(after.body.data.enrolment).toMatchObject({ confirmed: 1, placesLeft: 2 });
  });

  it("deletes enrolees' data ENROLMENT_RETENTION_DAYS after their date, by content-expiry's run (a dry run only counts)", async () => {
    const activity = await openActivity(owner, { open: true, capacity: 5 });
    const enrolments = strapi().db.query(ENROLMENT as any);
    const row = (fields: Record<string, unknown>) => enrolments.create({ data: { activity: activity.documentId, name: 'Oud', status: 'confirmed', email: `${unique('old')}@private.example`, ...fields } });
    const longAgo = await row({ occurrence: inDays(-40).toISOString() });
    const recent = await row({ occurrence: inDays(-5).toISOString() });
    const goneActivity = await row({ activity: 'z'.repeat(24), occurrence: 'series' });
    const current = await row({ occurrence: 'series' });
    const unconfirmed = await row({ occurrence: 'series', status: 'pending', email: `${unique('p')}@private.example` });
    const { tableName } = strapi().db.metadata.get(ENROLMENT as any);
    await strapi().db.connection(tableName).where({ id: unconfirmed.id }).update({ updated_at: inDays(-4) });

    const expiry = strapi().plugin('content-expiry').service('expiry');
    const dry = await expiry.run({ trigger: 'api', dryRun: true });
    expect(dry.housekeeping.enrolments).toBeGreaterThanOrEqual(3);
    expect(await enrolments.count({ where: { id: { $in: [longAgo.id, goneActivity.id, unconfirmed.id] } } })).toBe(3);
    const real = await expiry.run({ trigger: 'api' });
    expect(real.housekeeping.enrolments).toBeGreaterThanOrEqual(3);
    const left = (await enrolments.findMany({ where: { id: { $in: [longAgo.id, recent.id, goneActivity.id, current.id, unconfirmed.id] } } })).map((r: { id: number }) => r.id);
    expect(left.sort()).toEqual([recent.id, current.id].sort());
  });
});
