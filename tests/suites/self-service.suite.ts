import { api, bearer, createDocument, createUser, editor, tokenFromMail, unique } from '../helpers/fixtures';
import { mailSink, strapi } from '../helpers/strapi';

const ORG = 'api::organisation.organisation';

async function category() {
  return createDocument('api::category.category', { name: unique('Cat'), slug: unique('cat') });
}

/** Sign-up through the public endpoint, then log in with the link from the confirmation mail. */
async function signUp(name: string, categoryId: string) {
  const contactEmail = `${unique('contact')}@club.example`;
  const res = await api()
    .post('/api/organisations/sign-up')
    .send({
      data: {
        name,
        description: 'Wij wandelen elke dinsdag.',
        categories: [categoryId],
        email: 'info@club.example',
        reminderEmail: `${unique('reminder')}@club.example`,
        contactEmail,
        language: 'nl',
      },
    })
    .expect(201);
  const { value, link } = await tokenFromMail(contactEmail, /Aanmelding ontvangen/);
  // The link ends on "Mijn vermelding", whichever browser opens it.
  expect(new URL(link).searchParams.get('next')).toBe('/manage/');
  const login = await api().post('/api/auth/magic-link/callback').send({ token: value }).expect(200);
  return { organisation: res.body.data, contactEmail, jwt: login.body.jwt as string, user: login.body.user };
}

const approve = (documentId: string) => strapi().documents(ORG).publish({ documentId, locale: 'nl' } as any);

describe('self-service: from sign-up to a published activity', () => {
  let cat: any;
  let club: Awaited<ReturnType<typeof signUp>>;
  let activityId: string;

  beforeAll(async () => {
    cat = await category();
    club = await signUp(`Wandelclub ${unique('w')}`, cat.documentId);
  });

  it('lands as pending and is not public', async () => {
    expect(club.organisation.approvalStatus).toBe('pending');
    await api().get(`/api/organisations/${club.organisation.documentId}`).expect(404);
    expect(club.user.email).toBe(club.contactEmail);
    const person = await strapi().db.query('plugin::users-permissions.user').findOne({ where: { id: club.user.id }, populate: ['role'] });
    expect(person.role.type).toBe('editor');
    expect(person.confirmed).toBe(true);
  });

  it('lets the editor prepare an activity, but not publish it before approval', async () => {
    const res = await api()
      .post('/api/my/activities')
      .set(bearer(club.jwt))
      .send({ data: { title: 'Dinsdagwandeling', organisation: club.organisation.documentId, startsAt: '2026-12-01T10:00:00Z', recurrence: 'FREQ=WEEKLY;BYDAY=TU' } })
      .expect(201);
    activityId = res.body.data.documentId;
    expect(res.body.data).toMatchObject({ title: 'Dinsdagwandeling', isPublished: false });
    const refused = await api().post(`/api/my/activities/${activityId}/publish`).set(bearer(club.jwt)).expect(403);
    expect(refused.body.error.message).toMatch(/waiting for approval/);
    expect(refused.body.error.details.code).toBe('organisation.pending_approval');
  });

  it('staff approval (publishing in the admin panel) makes it public and mails the organisation once', async () => {
    await approve(club.organisation.documentId);
    const mail = await mailSink().waitFor({ to: club.contactEmail, subject: /staat nu op de sociale kaart/ });
    expect(mail.text).toContain(club.organisation.name);
    const org = await api().get(`/api/organisations/${club.organisation.documentId}`).expect(200);
    expect(org.body.data.approvalStatus).toBe('approved');
    await approve(club.organisation.documentId);
    await new Promise((r) => setTimeout(r, 300));
    expect(mailSink().messages.filter((m) => m.to.includes(club.contactEmail) && /sociale kaart/.test(m.subject))).toHaveLength(1);
  });

  it('publishes, updates (live) and unpublishes the activity', async () => {
    await api().post(`/api/my/activities/${activityId}/publish`).set(bearer(club.jwt)).expect(200);
    await api().get(`/api/activities/${activityId}`).expect(200);
    await api().put(`/api/my/activities/${activityId}`).set(bearer(club.jwt)).send({ data: { title: 'Wandeling op dinsdag' } }).expect(200);
    const live = await api().get(`/api/activities/${activityId}`).expect(200);
    expect(live.body.data.title).toBe('Wandeling op dinsdag');
    await api().post(`/api/my/activities/${activityId}/unpublish`).set(bearer(club.jwt)).expect(200);
    await api().get(`/api/activities/${activityId}`).expect(404);
    const mine = await api().get('/api/my/activities').set(bearer(club.jwt)).expect(200);
    expect(mine.body.data.map((a: any) => [a.documentId, a.isPublished])).toEqual([[activityId, false]]);
  });

  it('edits the own profile, in Dutch and English', async () => {
    const id = club.organisation.documentId;
    await api().put(`/api/my/organisations/${id}`).set(bearer(club.jwt)).send({ data: { phone: '033-1234567' } }).expect(200);
    await api().put(`/api/my/organisations/${id}?locale=en`).set(bearer(club.jwt)).send({ data: { description: 'We walk every Tuesday.' } }).expect(200);
    const nl = await api().get(`/api/organisations/${id}`).expect(200);
    expect(nl.body.data.phone).toBe('033-1234567');
    const mine = await api().get('/api/my/organisations?locale=en').set(bearer(club.jwt)).expect(200);
    expect(mine.body.data[0].description).toBe('We walk every Tuesday.');
  });

  it('an English text for an activity keeps its organiser and categories in English, and its editors keep it (#15.5)', async () => {
    const category = await createDocument('api::category.category', { name: unique('Wandelen'), slug: unique('wandelen') });
    await strapi().documents('api::category.category').update({ documentId: category.documentId, locale: 'en', status: 'published', data: { name: 'Walking', slug: category.slug } } as any);
    const created = await api()
      .post('/api/my/activities')
      .set(bearer(club.jwt))
      .send({ data: { title: 'Donderdagwandeling', organisation: club.organisation.documentId, categories: [category.documentId] } })
      .expect(201);
    const id = created.body.data.documentId;
    await api().post(`/api/my/activities/${id}/publish`).set(bearer(club.jwt)).expect(200);
    // The organisation has an English version since the profile test; the English activity links to it.
    await api().put(`/api/my/activities/${id}?locale=en`).set(bearer(club.jwt)).send({ data: { title: 'Thursday walk', description: 'We walk.' } }).expect(200);
    const en = await api()
      .get(`/api/activities/${id}`)
      .query({ locale: 'en', populate: { organisation: { fields: ['name'] }, categories: { fields: ['name'] } } })
      .expect(200);
    expect(en.body.data).toMatchObject({ title: 'Thursday walk', description: 'We walk.', organisation: { name: club.organisation.name }, categories: [{ name: 'Walking' }] });
    expect((await api().get(`/api/activities/${id}`).expect(200)).body.data.title).toBe('Donderdagwandeling');
    // Either language's draft leads back to the organisation: the editor still edits, and a stranger still gets 404.
    await api().put(`/api/my/activities/${id}?locale=en`).set(bearer(club.jwt)).send({ data: { title: 'Thursday walk in the park' } }).expect(200);
    await api().put(`/api/my/activities/${id}`).set(bearer(club.jwt)).send({ data: { costNote: 'gratis' } }).expect(200);
    const stranger = await editor();
    await api().put(`/api/my/activities/${id}?locale=en`).set(bearer(stranger.jwt)).send({ data: { title: 'Taken over' } }).expect(404);
    const mine = (await api().get('/api/my/activities?locale=en').set(bearer(club.jwt)).expect(200)).body.data;
    expect(mine.find((a: any) => a.documentId === id)).toMatchObject({ title: 'Thursday walk in the park', isPublished: true });
    await api().delete(`/api/my/activities/${id}`).set(bearer(club.jwt)).expect(204);
  });

  it('rejects bad input with 400 and staff-only fields with 403, changing nothing', async () => {
    const id = club.organisation.documentId;
    const cases: [string, string, object, number][] = [
      ['put', `/api/my/activities/${activityId}`, { data: { supportCount: 5 } }, 403],
      ['put', `/api/my/activities/${activityId}`, { data: { archivedAt: new Date() } }, 403],
      ['put', `/api/my/activities/${activityId}`, { data: { lastConfirmedAt: new Date() } }, 403],
      ['put', `/api/my/organisations/${id}`, { data: { members: [1] } }, 403],
      ['put', `/api/my/organisations/${id}`, { data: { approvalStatus: 'approved' } }, 403],
      ['put', `/api/my/activities/${activityId}`, { data: { recurrence: 'every tuesday' } }, 400],
      ['put', `/api/my/activities/${activityId}`, { data: { startsAt: '2026-12-01T10:00:00Z', endsAt: '2026-11-01T10:00:00Z' } }, 400],
      ['put', `/api/my/activities/${activityId}`, { data: { nonsense: 1 } }, 400],
      ['put', `/api/my/activities/${activityId}`, { title: 'no data envelope' }, 400],
      ['post', '/api/my/activities', { data: { organisation: id } }, 400],
      ['put', `/api/my/organisations/${id}`, { data: { website: 'javascript:alert(1)' } }, 400],
      ['put', '/api/my/activities/not-an-id', { data: { title: 'x' } }, 400],
      ['put', `/api/my/activities/${activityId}`, { data: { latitude: 52.1 } }, 400],
      ['put', `/api/my/organisations/${id}`, { data: { longitude: 5.3, latitude: null } }, 400],
      ['put', `/api/my/organisations/${id}`, { data: { latitude: 91, longitude: 5.3 } }, 400],
      ['post', '/api/organisations/sign-up', { data: { name: 'Half', reminderEmail: 'a@b.example', contactEmail: 'c@d.example', latitude: 52 } }, 400],
    ];
    for (const [method, url, body, status] of cases) {
      const res = await (api() as any)[method](url).set(bearer(club.jwt)).send(body);
      expect([url, res.status]).toEqual([url, status]);
      expect(res.body.error.status).toBe(status);
    }
    const half = await api().put(`/api/my/activities/${activityId}`).set(bearer(club.jwt)).send({ data: { latitude: 52.1 } });
    expect(half.body.error.details.errors).toEqual([expect.objectContaining({ path: ['longitude'], message: expect.stringMatching(/go together/) })]);
    const still = await api().get('/api/my/activities').set(bearer(club.jwt)).expect(200);
    expect(still.body.data[0].title).toBe('Wandeling op dinsdag');
  });

  it('places its organisation on the map and takes it off again', async () => {
    const id = club.organisation.documentId;
    const placed = await api().put(`/api/my/organisations/${id}`).set(bearer(club.jwt)).send({ data: { latitude: 52.156, longitude: 5.388 } }).expect(200);
    expect(placed.body.data).toMatchObject({ latitude: 52.156, longitude: 5.388 });
    const cleared = await api().put(`/api/my/organisations/${id}`).set(bearer(club.jwt)).send({ data: { latitude: null, longitude: null } }).expect(200);
    expect(cleared.body.data).toMatchObject({ latitude: null, longitude: null });
  });

  it('deletes its own activity', async () => {
    const res = await api()
      .post('/api/my/activities')
      .set(bearer(club.jwt))
      .send({ data: { title: 'Eenmalig', organisation: club.organisation.documentId } })
      .expect(201);
    await api().delete(`/api/my/activities/${res.body.data.documentId}`).set(bearer(club.jwt)).expect(204);
    expect(await strapi().db.query('api::activity.activity').count({ where: { documentId: res.body.data.documentId } })).toBe(0);
  });
});

describe('self-service: nobody touches another organisation', () => {
  let a: Awaited<ReturnType<typeof signUp>>;
  let b: Awaited<ReturnType<typeof signUp>>;
  let activityOfA: string;
  let activityOfB: string;

  beforeAll(async () => {
    const cat = await category();
    a = await signUp(`Club A ${unique('a')}`, cat.documentId);
    b = await signUp(`Club B ${unique('b')}`, cat.documentId);
    await approve(a.organisation.documentId);
    await approve(b.organisation.documentId);
    const create = async (club: typeof a) =>
      (await api().post('/api/my/activities').set(bearer(club.jwt)).send({ data: { title: 'Koffie', organisation: club.organisation.documentId } }).expect(201)).body.data.documentId;
    activityOfA = await create(a);
    activityOfB = await create(b);
    await api().post(`/api/my/activities/${activityOfA}/publish`).set(bearer(a.jwt)).expect(200);
  });

  it('answers 404 on every write route for the other organisation’s items', async () => {
    const other = a.organisation.documentId;
    const attempts: [string, string, object?][] = [
      ['put', `/api/my/activities/${activityOfA}`, { data: { title: 'Gekaapt' } }],
      ['delete', `/api/my/activities/${activityOfA}`],
      ['post', `/api/my/activities/${activityOfA}/publish`],
      ['post', `/api/my/activities/${activityOfA}/unpublish`],
      ['post', '/api/my/activities', { data: { title: 'Ingeschoven', organisation: other } }],
      ['put', `/api/my/activities/${activityOfB}`, { data: { organisation: other } }],
      ['put', `/api/my/organisations/${other}`, { data: { name: 'Gekaapt' } }],
      ['post', `/api/my/organisations/${other}/invitations`, { email: 'friend@b.example' }],
    ];
    for (const [method, url, body] of attempts) {
      const res = await (api() as any)[method](url).set(bearer(b.jwt)).send(body ?? {});
      expect([method, url, res.status]).toEqual([method, url, 404]);
    }
    const live = await api().get(`/api/activities/${activityOfA}?populate[organisation][fields][0]=name`).expect(200);
    expect(live.body.data.title).toBe('Koffie');
    expect(live.body.data.organisation.name).toBe(a.organisation.name);
    const orgA = await api().get(`/api/organisations/${other}`).expect(200);
    expect(orgA.body.data.name).toBe(a.organisation.name);
  });

  it('lists only the own organisation, whatever the filter', async () => {
    const mine = await api().get(`/api/my/activities?organisation=${a.organisation.documentId}`).set(bearer(b.jwt)).expect(200);
    expect(mine.body.data).toEqual([]);
    const orgs = await api().get('/api/my/organisations').set(bearer(b.jwt)).expect(200);
    expect(orgs.body.data.map((o: any) => o.documentId)).toEqual([b.organisation.documentId]);
  });

  it('refuses Strapi’s own write routes to editors, residents and the public', async () => {
    const resident = await createUser();
    const residentLogin = await api().post('/api/auth/local').send({ identifier: resident.email, password: 'Secret-Passw0rd' }).expect(200);
    for (const auth of [bearer(b.jwt), bearer(residentLogin.body.jwt), {}]) {
      await api().post('/api/activities').set(auth).send({ data: { title: 'x', organisation: a.organisation.documentId } }).expect(403);
      await api().put(`/api/activities/${activityOfA}`).set(auth).send({ data: { title: 'x' } }).expect(403);
      await api().delete(`/api/activities/${activityOfA}`).set(auth).expect(403);
      await api().put(`/api/organisations/${a.organisation.documentId}`).set(auth).send({ data: { name: 'x' } }).expect(403);
    }
    await api().get('/api/my/activities').set(bearer(residentLogin.body.jwt)).expect(403);
    await api().get('/api/my/activities').expect(403);
  });
});

describe('self-service: invitations and claiming', () => {
  let club: Awaited<ReturnType<typeof signUp>>;

  beforeAll(async () => {
    club = await signUp(`Buurthuis ${unique('i')}`, (await category()).documentId);
    await approve(club.organisation.documentId);
  });

  it('an editor invites a colleague, whose account is created when they accept', async () => {
    const colleague = `${unique('colleague')}@club.example`;
    await api().post(`/api/my/organisations/${club.organisation.documentId}/invitations`).set(bearer(club.jwt)).send({ email: colleague, language: 'en' }).expect(201);
    const { value, mail } = await tokenFromMail(colleague, /Invitation/);
    expect(mail.text).toContain(club.organisation.name);
    const accepted = await api().post('/api/invitations/accept').send({ token: value }).expect(200);
    expect(accepted.body).toMatchObject({ jwt: expect.any(String), user: { email: colleague }, organisation: club.organisation.documentId });
    const mine = await api().get('/api/my/organisations').set(bearer(accepted.body.jwt)).expect(200);
    expect(mine.body.data.map((o: any) => o.documentId)).toEqual([club.organisation.documentId]);
    const again = await api().post('/api/invitations/accept').send({ token: value }).expect(400);
    expect(again.body.error.details.reason).toBe('used');
  });

  it('an imported organisation is claimed through its reminder mailbox, once', async () => {
    const reminderEmail = `${unique('imported')}@club.example`;
    const imported = await createDocument(ORG, { name: unique('Imported'), slug: unique('imported'), reminderEmail, externalId: unique('ext') });
    const asked = await api().post(`/api/organisations/${imported.documentId}/claim`).send({}).expect(200);
    const { value } = await tokenFromMail(reminderEmail, /Beheer .* zelf/);
    const claimed = await api().post('/api/organisations/claim/callback').send({ token: value }).expect(200);
    expect(claimed.body).toMatchObject({ user: { email: reminderEmail }, organisation: imported.documentId });
    await api().put(`/api/my/organisations/${imported.documentId}`).set(bearer(claimed.body.jwt)).send({ data: { phone: '033-7654321' } }).expect(200);

    // Once claimed, asking again answers the same but sends nothing, and the link is spent.
    mailSink().clear();
    const second = await api().post(`/api/organisations/${imported.documentId}/claim`).send({}).expect(200);
    expect(second.body).toEqual(asked.body);
    await new Promise((r) => setTimeout(r, 500));
    expect(mailSink().messages.filter((m) => m.to.includes(reminderEmail))).toHaveLength(0);
    await api().post('/api/organisations/claim/callback').send({ token: value }).expect(400);
  });

  it('the same answer for organisations that cannot be claimed, and 400 for a malformed id', async () => {
    const unknown = await api().post('/api/organisations/abcdefghijklmnopqrstuvwx/claim').send({}).expect(200);
    const taken = await api().post(`/api/organisations/${club.organisation.documentId}/claim`).send({}).expect(200);
    expect(unknown.body).toEqual(taken.body);
    await api().post('/api/organisations/nope/claim').send({}).expect(400);
  });

  it('sign-up rejects missing and unknown fields with 400, staff-only fields with 403', async () => {
    const valid = { name: 'Club', reminderEmail: 'r@club.example', contactEmail: 'c@club.example' };
    for (const [data, status] of [
      [{ name: 'x' }, 400],
      [{ name: 'Club', reminderEmail: 'r@club.example' }, 400],
      [{ ...valid, contactEmail: 'not-an-email' }, 400],
      [{ ...valid, shoeSize: 44 }, 400],
      [{ ...valid, categories: ['abcdefghijklmnopqrstuvwx'] }, 400],
      [{ ...valid, approvalStatus: 'approved' }, 403],
      [{ ...valid, members: [1] }, 403],
    ] as const) {
      const res = await api().post('/api/organisations/sign-up').send({ data });
      expect([data, res.status]).toEqual([data, status]);
    }
  });
});
