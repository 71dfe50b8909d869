import { parseFastListQuery } from '../public-list-fast-path';
import { api, createDocument, unique } from '../../../tests/helpers/fixtures';
import { strapi } from '../../../tests/helpers/strapi';

const ACTIVITY = 'api::activity.activity';
const ORGANISATION = 'api::organisation.organisation';

/** Document Service reads, counted only while a test asks: proves which path answered. */
let counting = false;
let documentServiceLists = 0;

async function get(path: string) {
  const res = await api().get(path).expect(200);
  return res.text;
}

/** The fast path's answer, and whether the Document Service was used for it. */
async function fastAnswer(path: string) {
  documentServiceLists = 0;
  counting = true;
  try {
    const body = await get(path);
    return { body, usedDocumentService: documentServiceLists > 0 };
  } finally {
    counting = false;
  }
}

describe('public read fast paths', () => {
  const tag = unique('fast');
  const slug = (name: string) => `${name}-${tag}`;
  let titles: { visible: string[]; hidden: string[] };
  let documents: { visible: string[]; hidden: string[]; organisations: string[] };

  beforeAll(async () => {
    strapi().documents.use(async (context, next) => {
      if (counting && ['findMany', 'count', 'findOne', 'findFirst'].includes(context.action)) documentServiceLists++;
      return next();
    });
    const category = await createDocument('api::category.category', { name: `A ${tag}`, slug: slug('cat-a') });
    const other = await createDocument('api::category.category', { name: `B ${tag}`, slug: slug('cat-b') });
    const neighbourhood = await createDocument('api::neighbourhood.neighbourhood', { name: `N ${tag}`, slug: slug('wijk') });
    const organisation = await createDocument(ORGANISATION, {
      name: `Org ${tag}`,
      slug: slug('org'),
      reminderEmail: `reminder-${tag}@secret.example`,
      categories: [category.documentId, other.documentId],
      neighbourhoods: [neighbourhood.documentId],
    });
    const activity = (title: string, extra: Record<string, unknown> = {}, status: 'published' | 'draft' = 'published') =>
      createDocument(
        ACTIVITY,
        {
          title: `${title} ${tag}`,
          slug: slug(title.toLowerCase().replace(/ /g, '-')),
          organisation: organisation.documentId,
          categories: [category.documentId],
          neighbourhood: neighbourhood.documentId,
          cost: 2.5,
          startsAt: '2030-05-01T10:00:00.000Z',
          targetGroups: ['seniors'],
          ...extra,
        },
        status
      );
    const visible = ['Een', 'Twee', 'Drie', 'Vier', 'Vijf'];
    const madeHidden: string[] = [];
    const created = [];
    for (const title of visible) created.push(await activity(title, title === 'Twee' ? { categories: [other.documentId, category.documentId] } : {}));
    // An English version of the first: same document, same (non-localized) relations.
    await strapi().documents(ACTIVITY).update({ documentId: created[0].documentId, locale: 'en', status: 'published', data: { title: `English ${tag}`, slug: slug('een') } } as any);
    await activity('Zonder organisatie', { organisation: null });
    // Archiving unpublishes (src/bootstrap/archive-guard.ts): populated, the organisation is null.
    const closed = await createDocument(ORGANISATION, { name: `Closed ${tag}`, slug: slug('closed'), reminderEmail: `closed-${tag}@secret.example` });
    await activity('Gesloten', { organisation: closed.documentId });
    await strapi().documents(ORGANISATION).update({ documentId: closed.documentId, locale: 'nl', data: { archivedAt: new Date().toISOString() } } as any);
    madeHidden.push((await activity('Concept', {}, 'draft')).documentId);
    const archived = await activity('Gearchiveerd');
    madeHidden.push(archived.documentId, closed.documentId);
    await strapi().documents(ACTIVITY).update({ documentId: archived.documentId, locale: 'nl', data: { archivedAt: new Date().toISOString() } } as any);
    titles = { visible: [...visible, 'Zonder organisatie', 'Gesloten'].map((t) => `${t} ${tag}`), hidden: ['Concept', 'English', 'Gearchiveerd'].map((t) => `${t} ${tag}`) };
    documents = { visible: created.map((c) => c.documentId), hidden: madeHidden, organisations: [organisation.documentId] };
  });

  const activities = (query: string) =>
    `/api/activities?filters[categories][slug][$eq]=${slug('cat-a')}&filters[neighbourhood][slug][$eq]=${slug('wijk')}${query}`;
  const paths = () => [
    activities('&populate[organisation]=true&populate[categories]=true&pagination[pageSize]=4'),
    activities('&populate[organisation]=true&populate[categories]=true&pagination[pageSize]=4&pagination[page]=2'),
    activities('&pagination[pageSize]=4&pagination[page]=9'),
    activities('&populate[categories]=true&populate[organisation]=true'),
    `/api/activities?filters[categories][slug][$eq]=${slug('cat-b')}&populate[categories]=true`,
    `/api/activities?filters[categories][slug][$eq]=${slug('nothing')}`,
    `/api/organisations?filters[categories][slug][$eq]=${slug('cat-a')}&populate[categories]=true&populate[neighbourhoods]=true`,
  ];

  it("answers byte for byte what Strapi's own find answers", async () => {
    for (const path of paths()) {
      const fast = await fastAnswer(path);
      expect(fast.usedDocumentService).toBe(false);
      // An explicit default locale is outside the fast grammar: Strapi's path, same meaning.
      const strapis = await fastAnswer(`${path}&locale=nl`);
      expect(strapis.usedDocumentService).toBe(true);
      expect(fast.body).toBe(strapis.body);
    }
  });

  it("answers a findOne without a query byte for byte as Strapi's own findOne, and leaves what it does not find to Strapi", async () => {
    const paths = [...documents.visible.map((id) => `/api/activities/${id}`), ...documents.organisations.map((id) => `/api/organisations/${id}`)];
    for (const path of paths) {
      const fast = await fastAnswer(path);
      expect(fast.usedDocumentService).toBe(false);
      const strapis = await fastAnswer(`${path}?locale=nl`);
      expect(strapis.usedDocumentService).toBe(true);
      expect(fast.body).toBe(strapis.body);
    }
    // The Dutch version, not the English one published with it; no private field.
    const een = JSON.parse(await get(`/api/activities/${documents.visible[0]}`)).data;
    expect(een).toMatchObject({ title: `Een ${tag}`, locale: 'nl', cost: 2.5, targetGroups: ['seniors'] });
    expect(await get(`/api/organisations/${documents.organisations[0]}`)).not.toContain('secret.example');
    // Drafts, archived items and unknown ids: Strapi's own 404.
    for (const path of [...documents.hidden.slice(0, 2).map((id) => `/api/activities/${id}`), `/api/organisations/${documents.hidden[2]}`, '/api/activities/geen0bestaand0document00']) {
      const res = await api().get(path).expect(404);
      expect(res.body).toMatchObject({ data: null, error: { status: 404, name: 'NotFoundError' } });
    }
  });

  it('shows published, non-archived activities in the default locale only, without private fields', async () => {
    const body = await get(activities('&populate[organisation]=true&populate[categories]=true&pagination[pageSize]=100&pagination[page]=1'));
    const { data, meta } = JSON.parse(body);
    expect(data.map((a: { title: string }) => a.title).sort()).toEqual([...titles.visible].sort());
    expect(meta.pagination).toEqual({ page: 1, pageSize: 100, pageCount: 1, total: titles.visible.length });
    for (const hidden of titles.hidden) expect(body).not.toContain(hidden);
    expect(body).not.toContain('reminder');
    expect(body).not.toContain('secret.example');
    const twee = data.find((a: { title: string }) => a.title.startsWith('Twee'));
    // Link order, as connected: category B first.
    expect(twee.categories.map((c: { slug: string }) => c.slug)).toEqual([slug('cat-b'), slug('cat-a')]);
    expect(typeof twee.cost).toBe('number');
    expect(twee.startsAt).toBe('2030-05-01T10:00:00.000Z');
    expect(twee.targetGroups).toEqual(['seniors']);
    expect(data.find((a: { title: string }) => a.title.startsWith('Zonder')).organisation).toBeNull();
    expect(data.find((a: { title: string }) => a.title.startsWith('Gesloten')).organisation).toBeNull();
    expect(body).not.toContain(`Closed ${tag}`);
  });

  it('leaves every other query to Strapi', async () => {
    const parse = (query: Record<string, unknown>, uid = ACTIVITY) => parseFastListQuery(strapi(), uid, query);
    const eq = (value: unknown) => ({ slug: { $eq: value } });
    expect(parse({ filters: { categories: eq('x'), neighbourhood: eq('y') }, populate: { organisation: 'true' }, pagination: { page: '2', pageSize: '10' } }))
      .toMatchObject({ page: 2, pageSize: 10 });
    expect(parse({})).toMatchObject({ page: 1, pageSize: 25, filters: [], populate: [] });
    const refused: Array<Record<string, unknown>> = [
      { sort: 'title' },
      { locale: 'en' },
      { status: 'draft' },
      { fields: ['title'] },
      { filters: { title: { $eq: 'x' } } }, // not a relation
      { filters: { categories: { slug: { $containsi: 'x' } } } },
      { filters: { categories: { name: { $eq: 'x' } } } },
      { filters: { categories: eq(['x', 'y']) } },
      { filters: { $or: [{ categories: eq('x') }] } },
      { populate: '*' },
      { populate: { organisation: { populate: '*' } } },
      { populate: { image: 'true' } }, // media
      { pagination: { pageSize: '101' } }, // above maxLimit
      { pagination: { page: '0' } },
      { pagination: { start: '0', limit: '10' } },
    ];
    for (const query of refused) expect(parse(query)).toBeUndefined();
    // members are users (not public content), activities the inverse side of a relation.
    expect(parse({ populate: { members: 'true' } }, ORGANISATION)).toBeUndefined();
    expect(parse({ populate: { activities: 'true' } }, ORGANISATION)).toBeUndefined();
  });

  it("answers outside the grammar exactly as Strapi does, errors included", async () => {
    const members = await api().get(`/api/organisations?filters[categories][slug][$eq]=${slug('cat-a')}&populate[members]=true`);
    expect(members.status).toBe(400);
    expect(members.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
    expect(members.text).not.toContain('reminder');
    const drafts = await api().get(`${activities('')}&status=draft`);
    expect(drafts.status).toBe(403);
  });
});
