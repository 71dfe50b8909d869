import { showSupportCountColumn } from '../../src/bootstrap/list-layouts';
import { api, bearer, createDocument, createUser, unique } from '../helpers/fixtures';
import { strapi } from '../helpers/strapi';

const UID = 'api::initiative.initiative';
const DAY = 24 * 3600 * 1000;
const statsPath = (documentId: string) => `/idea-support/initiatives/${documentId}/stats`;

const contentTypes = () => strapi().plugin('content-manager').service('content-types');
const listConfiguration = async () => contentTypes().findConfiguration(contentTypes().findContentType(UID));

const createdAdminIds: number[] = [];

// Other suites (bootstrap's first-admin test) expect no admin user to exist yet.
afterAll(async () => {
  if (createdAdminIds.length) await strapi().db.query('admin::user').deleteMany({ where: { id: { $in: createdAdminIds } } });
});

/** A super admin of its own, logged in through the real admin login. */
async function adminToken() {
  const email = `${unique('staff')}@staff.example`;
  const password = 'Staff-Passw0rd';
  const superAdmin = await strapi().service('admin::role').getSuperAdmin();
  const admin = await strapi().service('admin::user').create({
    email,
    password,
    firstname: 'Staff',
    lastname: 'Member',
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  createdAdminIds.push(admin.id);
  const login = await api().post('/admin/login').send({ email, password }).expect(200);
  return login.body.data.token as string;
}

/** Monday 00:00 UTC of the week of `date`, as YYYY-MM-DD. */
const mondayOf = (date: Date) => {
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return new Date(midnight - ((new Date(midnight).getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10);
};

const newInitiative = (tag: string, status: 'published' | 'draft' = 'published') =>
  createDocument(UID, { title: `Idee ${tag}`, slug: unique(`idee-${tag}`) }, status);

async function supportBy(documentId: string, users: number) {
  for (let i = 0; i < users; i++) {
    const user = await createUser();
    await strapi().plugin('idea-support').service('support').support(documentId, user.id);
  }
}

/** Moves one ledger row back in time, as if that support had been given `daysAgo` days ago. */
async function backdateOneSupport(documentId: string, daysAgo: number) {
  const schema = strapi().db.getSchemaName();
  const supports = () => (schema ? strapi().db.connection('idea_supports').withSchema(schema) : strapi().db.connection('idea_supports'));
  const row = await supports().where({ initiative: documentId }).orderBy('id').first('id');
  await supports().where({ id: row.id }).update({ created_at: new Date(Date.now() - daysAgo * DAY) });
}

describe('admin: initiatives list layout', () => {
  it('shows supportCount (sortable) and stage as columns of the initiatives list', async () => {
    const configuration = await listConfiguration();
    expect(configuration.layouts.list).toEqual(expect.arrayContaining(['supportCount', 'stage']));
    expect(configuration.metadatas.supportCount.list).toMatchObject({ sortable: true, label: expect.any(String) });
    expect(configuration.metadatas.stage.list).toMatchObject({ sortable: true });

    const stored = await strapi().db.query('strapi::core-store').findOne({
      where: { key: `plugin_content_manager_configuration_content_types::${UID}` },
    });
    const value = typeof stored.value === 'string' ? JSON.parse(stored.value) : stored.value;
    expect(value.layouts.list).toEqual(expect.arrayContaining(['supportCount', 'stage']));
  });

  it('writes nothing when the columns are there, and puts a removed column back', async () => {
    expect(await showSupportCountColumn(strapi())).toBe(false);
    const configuration = await listConfiguration();
    const { uid: _uid, ...rest } = configuration;
    const without = configuration.layouts.list.filter((name: string) => name !== 'supportCount');
    await contentTypes().updateConfiguration(contentTypes().findContentType(UID), { ...rest, layouts: { ...rest.layouts, list: without } });
    expect((await listConfiguration()).layouts.list).not.toContain('supportCount');

    expect(await showSupportCountColumn(strapi())).toBe(true);
    expect((await listConfiguration()).layouts.list).toEqual(configuration.layouts.list);
    expect(await showSupportCountColumn(strapi())).toBe(false);
  });

  it('staff can sort the initiatives list by support in the content manager', async () => {
    const token = await adminToken();
    const tag = unique('sort');
    const more = await newInitiative(tag);
    const fewer = await newInitiative(tag);
    await supportBy(more.documentId, 2);
    await supportBy(fewer.documentId, 1);

    const layout = await api().get(`/content-manager/content-types/${UID}/configuration`).set(bearer(token)).expect(200);
    expect(layout.body.data.contentType.layouts.list).toContain('supportCount');

    const listSorted = async (order: 'ASC' | 'DESC') => {
      const res = await api()
        .get(`/content-manager/collection-types/${UID}`)
        .query({ sort: `supportCount:${order}`, 'filters[$and][0][title][$eq]': `Idee ${tag}`, locale: 'nl' })
        .set(bearer(token))
        .expect(200);
      return res.body.results.map((r: { documentId: string; supportCount: number }) => [r.documentId, r.supportCount]);
    };
    expect(await listSorted('DESC')).toEqual([
      [more.documentId, 2],
      [fewer.documentId, 1],
    ]);
    expect(await listSorted('ASC')).toEqual([
      [fewer.documentId, 1],
      [more.documentId, 2],
    ]);
  });
});

describe('admin: support statistics of an initiative', () => {
  let token: string;
  beforeAll(async () => {
    token = await adminToken();
  });

  it('returns count, recent counts, 8 zero-filled weeks and the threshold state', async () => {
    const initiative = await newInitiative(unique('stats'));
    await supportBy(initiative.documentId, 3);
    await backdateOneSupport(initiative.documentId, 10);

    const res = await api().get(statsPath(initiative.documentId)).set(bearer(token)).expect(200);
    const { data } = res.body;
    expect(data).toEqual({
      supportCount: 3,
      ledgerCount: 3,
      last7Days: 2,
      last30Days: 3,
      perWeek: expect.any(Array),
      threshold: strapi().config.get('plugin::idea-support.threshold'),
      thresholdReachedAt: null,
    });

    const weeks: { weekStart: string; supports: number }[] = data.perWeek;
    expect(weeks).toHaveLength(8);
    expect(weeks[7].weekStart).toBe(mondayOf(new Date()));
    for (let i = 1; i < weeks.length; i++) {
      expect(Date.parse(weeks[i].weekStart) - Date.parse(weeks[i - 1].weekStart)).toBe(7 * DAY);
    }
    const expected = new Map<string, number>();
    for (const when of [new Date(), new Date(), new Date(Date.now() - 10 * DAY)]) expected.set(mondayOf(when), (expected.get(mondayOf(when)) ?? 0) + 1);
    for (const week of weeks) expect(week.supports).toBe(expected.get(week.weekStart) ?? 0);
  });

  it('shows drafts to staff, and when the threshold was reached', async () => {
    const draft = await newInitiative(unique('draft'), 'draft');
    const empty = await api().get(statsPath(draft.documentId)).set(bearer(token)).expect(200);
    expect(empty.body.data).toMatchObject({ supportCount: 0, ledgerCount: 0, last7Days: 0, last30Days: 0, thresholdReachedAt: null });
    expect(empty.body.data.perWeek.every((w: { supports: number }) => w.supports === 0)).toBe(true);

    const reachedAt = new Date('2025-03-04T10:00:00.000Z');
    await strapi().db.query(UID).updateMany({ where: { documentId: draft.documentId }, data: { thresholdReachedAt: reachedAt } });
    const reached = await api().get(statsPath(draft.documentId)).set(bearer(token)).expect(200);
    expect(reached.body.data.thresholdReachedAt).toBe(reachedAt.toISOString());
  });

  it('refuses callers without an admin token, malformed ids and unknown initiatives', async () => {
    const initiative = await newInitiative(unique('guard'));
    await api().get(statsPath(initiative.documentId)).expect(401);
    const resident = await createUser();
    const login = await api().post('/api/auth/local').send({ identifier: resident.email, password: 'Secret-Passw0rd' }).expect(200);
    await api().get(statsPath(initiative.documentId)).set(bearer(login.body.jwt)).expect(401);
    await api().get(statsPath('not-a-document-id')).set(bearer(token)).expect(400);
    await api().get(statsPath('a'.repeat(24))).set(bearer(token)).expect(404);
  });
});
