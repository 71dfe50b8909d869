import { configureAdminViews } from '../../src/bootstrap/admin-views';
import { ADMIN_VIEWS } from '../../src/lib/admin-fields';
import { adminToken, removeAdmins } from '../helpers/admin';
import { api, bearer, createDocument, createUser, unique } from '../helpers/fixtures';
import { strapi } from '../helpers/strapi';

const UID = 'api::initiative.initiative';
const DAY = 24 * 3600 * 1000;
const statsPath = (documentId: string) => `/idea-support/initiatives/${documentId}/stats`;

const contentTypes = () => strapi().plugin('content-manager').service('content-types');

afterAll(removeAdmins);

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

describe('admin: every content type\'s views, configured in code', () => {
  const configurationOf = (uid: string) => contentTypes().findConfiguration(contentTypes().findContentType(uid));

  it.each(Object.keys(ADMIN_VIEWS))('%s has its list columns, English labels, hints and read-only fields', async (uid) => {
    const view = ADMIN_VIEWS[uid];
    const configuration = await configurationOf(uid);
    expect(configuration.layouts.list).toEqual(view.list);
    const editFields = configuration.layouts.edit.flat().map((field: { name: string }) => field.name);
    for (const [name, text] of Object.entries(view.fields)) {
      expect(editFields).toContain(name);
      expect(configuration.metadatas[name].edit).toMatchObject({ label: text.en, editable: !text.readOnly });
      if (text.hint) expect(configuration.metadatas[name].edit.description).toBe(`${text.hint.nl} · ${text.hint.en}`);
    }
    // The edit view follows the configured order.
    const configuredOrder = Object.keys(view.fields);
    expect(editFields.filter((name: string) => configuredOrder.includes(name))).toEqual(configuredOrder);
    for (const row of configuration.layouts.edit) expect(row.reduce((sum: number, field: { size: number }) => sum + field.size, 0)).toBeLessThanOrEqual(12);
  });

  it('names the schema\'s displayName, so the admin panel translates the type\'s name', () => {
    for (const [uid, view] of Object.entries(ADMIN_VIEWS)) expect((strapi().getModel(uid as any) as any).info.displayName).toBe(view.displayName);
  });

  it('writes nothing on a second start, and sets a view changed by hand back', async () => {
    expect(await configureAdminViews(strapi())).toEqual([]);
    const { uid: _uid, ...configuration } = await configurationOf(UID);
    const list = configuration.layouts.list.filter((name: string) => name !== 'supportCount');
    const metadatas = { ...configuration.metadatas, supportCount: { ...configuration.metadatas.supportCount, edit: { ...configuration.metadatas.supportCount.edit, editable: true } } };
    await contentTypes().updateConfiguration(contentTypes().findContentType(UID), { ...configuration, metadatas, layouts: { ...configuration.layouts, list } });
    expect((await configurationOf(UID)).layouts.list).not.toContain('supportCount');

    expect(await configureAdminViews(strapi())).toEqual([UID]);
    const restored = await configurationOf(UID);
    expect(restored.layouts.list).toContain('supportCount');
    expect(restored.metadatas.supportCount.edit.editable).toBe(false);
    expect(await configureAdminViews(strapi())).toEqual([]);
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
