import { api, createSocialMap } from '../helpers/fixtures';

type Map = Awaited<ReturnType<typeof createSocialMap>>;

/** Every string that must never reach a public caller, whatever the query. */
const secretsOf = (map: Map) => [
  map.published.reminderEmail,
  map.member.email,
  map.initiator.email,
  'reminderEmail',
  '"members"',
  '"initiator"',
  '"password"',
  'resetPasswordToken',
  'totpSecret',
  'totpPendingSecret',
  map.member.username,
  map.initiator.username,
];

const expectNoSecrets = (raw: string, map: Map) => {
  for (const secret of secretsOf(map)) expect(raw).not.toContain(secret);
};

describe('public REST API', () => {
  let map: Map;

  beforeAll(async () => {
    map = await createSocialMap();
  });

  const byTag = (path: string) => `/api/${path}?filters[slug][$containsi]=${map.tag}&pagination[pageSize]=100`;

  it('lists published organisations but not drafts or archived ones', async () => {
    const res = await api().get(byTag('organisations')).expect(200);
    const names = res.body.data.map((o: { name: string }) => o.name);
    expect(names).toEqual([map.published.name]);
  });

  it('refuses ?status=draft with 403 and any other status but published with 400', async () => {
    const draft = await api().get(`${byTag('organisations')}&status=draft`).expect(403);
    expect(draft.body).toMatchObject({ data: null, error: { status: 403, name: 'ForbiddenError' } });
    const other = await api().get(`${byTag('organisations')}&status=foo`).expect(400);
    expect(other.body.error.name).toBe('ValidationError');
    const ok = await api().get(`${byTag('organisations')}&status=published`).expect(200);
    expect(ok.body.data).toHaveLength(1);
  });

  it('cannot reach archived items by filtering on archivedAt', async () => {
    const res = await api().get(`${byTag('organisations')}&filters[archivedAt][$notNull]=true`).expect(200);
    expect(res.body.data).toEqual([]);
  });

  it('answers findOne for published items and 404 for drafts and archived items', async () => {
    await api().get(`/api/organisations/${map.published.documentId}`).expect(200);
    await api().get(`/api/organisations/${map.draft.documentId}`).expect(404);
    await api().get(`/api/organisations/${map.archived.documentId}`).expect(404);
    await api().get(`/api/organisations/${map.draft.documentId}?status=draft`).expect(403);
  });

  it('never shows private fields, members or users, also not with populate=* or deep populate', async () => {
    const queries = [
      byTag('organisations') + '&populate=*',
      byTag('organisations') + '&populate[activities][populate]=*&populate[categories]=true',
      byTag('activities') + '&populate[organisation][populate]=*',
      byTag('initiatives') + '&populate=*',
      `/api/organisations/${map.published.documentId}?populate=*`,
    ];
    for (const query of queries) {
      const res = await api().get(query).expect(200);
      expect([res.body.data].flat().length).toBeGreaterThan(0);
      expectNoSecrets(res.text, map);
    }
  });

  it('rejects private fields in fields[], filters and populate with 400, without leaking them', async () => {
    const queries = [
      byTag('organisations') + '&fields[0]=reminderEmail',
      byTag('organisations') + `&filters[reminderEmail][$eq]=${encodeURIComponent(map.published.reminderEmail)}`,
      byTag('organisations') + '&populate[members]=*',
      byTag('initiatives') + '&populate[initiator]=*',
      byTag('initiatives') + `&filters[initiator][email][$eq]=${encodeURIComponent(map.initiator.email)}`,
    ];
    for (const query of queries) {
      const res = await api().get(query).expect(400);
      expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
      expect(res.text).not.toContain('@secret.example');
      expect(res.text).not.toContain('@private.example');
    }
  });

  it('does not show an archived organisation through the relation of an activity', async () => {
    const res = await api()
      .get(`/api/activities/${map.orphanActivity.documentId}?populate[organisation][fields][0]=name`)
      .expect(200);
    expect(res.body.data.organisation).toBeNull();
    const linked = await api().get(`/api/activities/${map.activity.documentId}?populate=organisation`).expect(200);
    expect(linked.body.data.organisation.name).toBe(map.published.name);
  });

  it('serves the sorted user-facing fields and the Strapi response shape', async () => {
    const res = await api().get(`${byTag('activities')}&fields[0]=title&fields[1]=slug&sort=title:asc`).expect(200);
    expect(res.body.meta.pagination).toMatchObject({ page: 1, pageSize: 100 });
    expect(Object.keys(res.body.data[0]).sort()).toEqual(['documentId', 'id', 'slug', 'title']);
  });
});
