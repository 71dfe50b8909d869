import { adminToken, removeAdmins } from '../helpers/admin';
import { api, bearer, createDocument, editor, unique } from '../helpers/fixtures';
import { mailSink, strapi } from '../helpers/strapi';

const INITIATIVE = 'api::initiative.initiative';
const ORG = 'api::organisation.organisation';
const ACTIVITY = 'api::activity.activity';
const cm = (uid: string, documentId?: string) => `/content-manager/collection-types/${uid}${documentId ? `/${documentId}` : ''}`;

let token: string;
beforeAll(async () => {
  token = await adminToken();
});
afterAll(removeAdmins);

/** The edit view's own save: the whole draft, as the admin panel sends it, with `changes`. */
async function saveInAdmin(uid: string, documentId: string, changes: Record<string, unknown>) {
  const current = await api().get(cm(uid, documentId)).query({ locale: 'nl' }).set(bearer(token)).expect(200);
  return api()
    .put(cm(uid, documentId))
    .query({ locale: 'nl' })
    .set(bearer(token))
    .send({ ...current.body.data, ...changes });
}

describe('admin: fields the system sets are refused, not silently dropped', () => {
  it('refuses supportCount 99 with a 400 naming the field, and saves the same form without that change', async () => {
    const initiative = await createDocument(INITIATIVE, { title: `Idee ${unique('ro')}`, slug: unique('idee-ro') }, 'draft');
    const refused = await saveInAdmin(INITIATIVE, initiative.documentId, { supportCount: 99, title: 'Veranderd' });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining('supportCount'),
      details: { code: 'field.read_only', errors: [expect.objectContaining({ path: ['supportCount'] })] },
    });
    const stored = await strapi().db.query(INITIATIVE).findOne({ where: { documentId: initiative.documentId } });
    expect(stored).toMatchObject({ supportCount: 0, title: initiative.title });

    const saved = await saveInAdmin(INITIATIVE, initiative.documentId, { title: 'Veranderd' });
    expect(saved.status).toBe(200);
    expect((await strapi().db.query(INITIATIVE).findOne({ where: { documentId: initiative.documentId } })).title).toBe('Veranderd');
  });

  it.each([
    [ORG, { archivedAt: '2026-01-01T00:00:00.000Z' }],
    [ORG, { lastConfirmedAt: '2020-01-01T00:00:00.000Z' }],
    [INITIATIVE, { thresholdReachedAt: '2026-01-01T00:00:00.000Z' }],
  ])('refuses a change of a system date in %s (%j)', async (uid, change) => {
    const data = uid === ORG ? { name: `Org ${unique('ro')}`, slug: unique('org-ro') } : { title: `Idee ${unique('ro')}`, slug: unique('idee-ro') };
    const item = await createDocument(uid, data, 'draft');
    const res = await saveInAdmin(uid, item.documentId, change);
    expect(res.status).toBe(400);
    expect(res.body.error.details.code).toBe('field.read_only');
  });

  it('refuses a new item that brings its own count, and creates one that leaves it empty', async () => {
    const refused = await api().post(cm(INITIATIVE)).query({ locale: 'nl' }).set(bearer(token)).send({ title: 'Nieuw', slug: unique('nieuw'), supportCount: 5 });
    expect(refused.status).toBe(400);
    const created = await api().post(cm(INITIATIVE)).query({ locale: 'nl' }).set(bearer(token)).send({ title: 'Nieuw', slug: unique('nieuw'), supportCount: null });
    expect(created.status).toBe(201);
  });

  it('leaves the system\'s own writes alone', async () => {
    const organisation = await createDocument(ORG, { name: `Org ${unique('sys')}`, slug: unique('org-sys') }, 'draft');
    await strapi().documents(ORG).update({ documentId: organisation.documentId, locale: 'nl', data: { lastConfirmedAt: new Date() } } as any);
    expect((await strapi().db.query(ORG).findOne({ where: { documentId: organisation.documentId } })).lastConfirmedAt).not.toBeNull();
  });
});

describe('admin: approving an organisation in one step', () => {
  const approve = (documentId: string, auth: Record<string, string> = bearer(token)) => api().post(`/buurtplein/organisations/${documentId}/approve`).set(auth);

  async function pendingWithDraftActivity() {
    const tag = unique('goed');
    const member = `${tag}@club.example`;
    const organisation = await createDocument(ORG, { name: `Club ${tag}`, slug: `club-${tag}`, approvalStatus: 'pending', reminderEmail: member }, 'draft');
    await createDocument(ACTIVITY, { title: `Concept ${tag}`, slug: `concept-${tag}`, organisation: organisation.documentId }, 'draft');
    return { organisation, member };
  }

  it('publishes it, marks it approved, mails it once, and says its draft activities stay drafts', async () => {
    const { organisation, member } = await pendingWithDraftActivity();
    const res = await approve(organisation.documentId).expect(200);
    expect(res.body.data).toEqual({ documentId: organisation.documentId, name: organisation.name, approvedNow: true, draftActivities: 1 });
    const published = await strapi().documents(ORG).findOne({ documentId: organisation.documentId, status: 'published', locale: 'nl' } as any);
    expect(published).toMatchObject({ approvalStatus: 'approved' });
    await mailSink().waitFor({ to: member }, 10_000);
    const drafts = await strapi().db.query(ACTIVITY).count({ where: { organisation: { documentId: organisation.documentId }, publishedAt: { $notNull: true } } });
    expect(drafts).toBe(0);

    const again = await approve(organisation.documentId).expect(200);
    expect(again.body.data.approvedNow).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(mailSink().messages.filter((mail) => mail.to.includes(member))).toHaveLength(1);
  });

  it('is refused to staff without the right to publish organisations, and to anyone without an admin session', async () => {
    const { organisation } = await pendingWithDraftActivity();
    const powerless = await adminToken({ withoutRights: true });
    expect((await approve(organisation.documentId, bearer(powerless))).status).toBe(403);
    expect((await approve(organisation.documentId, {})).status).toBe(401);
    // An organisation's own editor holds a website session, not an admin one.
    const { jwt } = await editor();
    expect((await approve(organisation.documentId, bearer(jwt))).status).toBe(401);
    expect((await strapi().db.query(ORG).findOne({ where: { documentId: organisation.documentId } })).approvalStatus).toBe('pending');
  });

  it('answers a malformed id with 400 and an unknown one with 404', async () => {
    expect((await approve('not-an-id')).status).toBe(400);
    expect((await approve('abcdefghijklmnopqrstuvwx')).status).toBe(404);
  });
});

describe('admin: Strapi\'s developer tour', () => {
  it('is never offered: the tour\'s meta route names no first super admin', async () => {
    const res = await api().get('/admin/guided-tour-meta').set(bearer(token)).expect(200);
    expect(res.body.data.isFirstSuperAdminUser).toBe(false);
  });
});

describe('admin: no Marketplace and no Content-Type Builder for staff (#15.10)', () => {
  const myActions = async () => (await api().get('/admin/users/me/permissions').set(bearer(token)).expect(200)).body.data.map((p: { action: string }) => p.action);

  it('a super admin has every other right, but not these two, so the menu leaves them out', async () => {
    const actions = await myActions();
    expect(actions).toEqual(expect.arrayContaining(['plugin::content-manager.explorer.read', 'plugin::upload.read', 'admin::users.read']));
    expect(actions).not.toContain('admin::marketplace.read');
    expect(actions).not.toContain('plugin::content-type-builder.read');
  });

  it('the Content-Type Builder\'s routes refuse a super admin', async () => {
    await api().get('/content-type-builder/content-types').set(bearer(token)).expect(403);
  });

  it('a role where someone ticked them loses them again at the next start', async () => {
    const { revokeDeveloperTools } = await import('../../src/bootstrap/developer-tools');
    const role = await strapi().service('admin::role').create({ name: unique('Ontwikkelaars'), description: 'ticked by hand' });
    try {
      await strapi().service('admin::permission').createMany([
        { action: 'plugin::content-type-builder.read', role: role.id, subject: null, properties: {}, conditions: [] },
        { action: 'plugin::content-manager.explorer.read', role: role.id, subject: ORG, properties: {}, conditions: [] },
      ]);
      await revokeDeveloperTools(strapi());
      const left = await strapi().db.query('admin::permission').findMany({ where: { role: role.id }, select: ['action'] });
      expect(left.map((p: { action: string }) => p.action)).toEqual(['plugin::content-manager.explorer.read']);
    } finally {
      await strapi().db.query('admin::permission').deleteMany({ where: { role: role.id } });
      await strapi().db.query('admin::role').delete({ where: { id: role.id } });
    }
  });
});
