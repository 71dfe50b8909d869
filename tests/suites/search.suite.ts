import { api, createDocument, createUser, madeUpWord, unique } from '../helpers/fixtures';
import { databaseClient, strapi } from '../helpers/strapi';

const ACTIVITY = 'api::activity.activity';
const ORG = 'api::organisation.organisation';
const INITIATIVE = 'api::initiative.initiative';
const DAY = 24 * 3600 * 1000;
const CENTRE = { latitude: 52.1561, longitude: 5.3878 };

const made = madeUpWord;

const search = (query: Record<string, string | number>) => api().get('/api/search').query(query);
const found = async (query: Record<string, string | number>) => (await search(query).expect(200)).body.data as any[];
const ids = (hits: any[]) => hits.map((h) => h.documentId);
/** An edit as staff make it in the admin panel: save the draft, then publish. */
async function publishedEdit(uid: string, documentId: string, data: Record<string, unknown>) {
  await strapi().documents(uid as any).update({ documentId, locale: 'nl', data } as any);
  await strapi().documents(uid as any).publish({ documentId, locale: 'nl' } as any);
}
const entriesOf = async (documentId: string) =>
  Number((await strapi().db.connection('search_entries').where({ document_id: documentId }).count({ n: '*' }))[0].n);

describe('GET /api/search', () => {
  const T = made();
  const soon = new Date(Date.now() + 10 * DAY);
  const later = new Date(Date.now() + 40 * DAY);
  let meals: any, sport: any, oost: any, west: any, org: any, eten: any, sporten: any, fietsles: any, script: any;
  let titleHit: any, bodyHit: any, garden: any, draft: any, archived: any, secretEmail: string;

  beforeAll(async () => {
    meals = await createDocument('api::category.category', { name: `Maaltijden ${T}`, slug: `maaltijden-${T}` });
    await strapi().documents('api::category.category').update({ documentId: meals.documentId, locale: 'en', status: 'published', data: { name: `Meals ${T}`, slug: meals.slug } } as any);
    sport = await createDocument('api::category.category', { name: `Sport ${T}`, slug: `sport-${T}` });
    oost = await createDocument('api::neighbourhood.neighbourhood', { name: `Oost ${T}`, slug: `oost-${T}` });
    west = await createDocument('api::neighbourhood.neighbourhood', { name: `West ${T}`, slug: `west-${T}` });
    secretEmail = `geheimadres${T}@secret.example`;
    org = await createDocument(ORG, {
      name: `Buurtkeuken ${T}`, slug: `buurtkeuken-${T}`, description: 'Wij koken elke week.', reminderEmail: secretEmail,
      members: [(await createUser()).id], categories: [meals.documentId], neighbourhoods: [oost.documentId], ...CENTRE,
    });
    const activity = (title: string, data: Record<string, unknown> = {}) =>
      createDocument(ACTIVITY, { title: `${title} ${T}`, slug: unique('act'), organisation: org.documentId, ...data });
    eten = await activity('Samen eten', {
      description: 'Elke week **verse maaltijden** in het buurthuis, voor iedereen.', cost: 0, startsAt: soon, endsAt: new Date(soon.getTime() + 2 * 3600_000),
      categories: [meals.documentId], neighbourhood: oost.documentId, ...CENTRE,
    });
    await strapi().documents(ACTIVITY).update({
      documentId: eten.documentId, locale: 'en', status: 'published',
      data: { title: `Eating together ${T}`, slug: eten.slug, description: 'Fresh meals every week.' },
    } as any);
    sporten = await activity('Sport in het park', {
      description: 'Bewegen in de buitenlucht.', cost: 5, startsAt: later, categories: [sport.documentId], neighbourhood: west.documentId,
      latitude: CENTRE.latitude + 0.2, longitude: CENTRE.longitude,
    });
    fietsles = await activity('Fietsles', { description: 'Voor volwassenen die het willen leren.' });
    script = await activity('<script>alert(1)</script>', { description: 'Een titel met <b>opmaak</b>.' });
    titleHit = await activity('Picknick', { description: 'Neem iets lekkers mee.' });
    bodyHit = await activity('Zomerfeest', { description: 'Een picknick, nog een picknick en daarna weer een picknick.' });
    garden = await createDocument(INITIATIVE, {
      title: `Moestuin ${T}`, slug: unique('idee'), summary: 'Een moestuin voor de hele straat.', stage: 'elaboration',
      theme: meals.documentId, neighbourhood: oost.documentId, initiator: (await createUser()).id,
    });
    draft = await activity('Concept geheimzinnig');
    await strapi().documents(ACTIVITY).unpublish({ documentId: draft.documentId, locale: '*' } as any);
    archived = await activity('Archiefstuk');
    await strapi().documents(ACTIVITY).update({ documentId: archived.documentId, locale: 'nl', data: { archivedAt: new Date().toISOString() } } as any);
  });

  it('stems Dutch: maaltijd finds maaltijden, and marks the match in an escaped snippet', async () => {
    const hits = await found({ q: `maaltijd ${T}` });
    expect(ids(hits)).toEqual([eten.documentId]);
    expect(hits[0]).toMatchObject({
      type: 'activity', slug: eten.slug, title: `Samen eten ${T}`, locale: 'nl', lat: CENTRE.latitude, lng: CENTRE.longitude,
      startsAt: soon.toISOString(), categories: [{ slug: meals.slug, name: `Maaltijden ${T}` }], neighbourhood: { slug: oost.slug, name: `Oost ${T}` },
    });
    expect(hits[0].snippet).toContain('verse <mark>maaltijden</mark> in het buurthuis');
    expect(hits[0].score).toBeGreaterThan(0);
  });

  it('tolerates typos (sportt finds sport) and finds prefixes (fietsen finds fietsles)', async () => {
    expect(ids(await found({ q: `sportt ${T}` }))).toEqual([sporten.documentId]);
    expect(ids(await found({ q: `fietsen ${T}` }))).toEqual([fietsles.documentId]);
    expect(ids(await found({ q: `moestuinn ${T}` }))).toEqual([garden.documentId]);
    // A typo in the ending keeps the stemmer from removing it: "bewegenn" still finds "bewegen".
    expect(ids(await found({ q: `bewegenn ${T}` }))).toEqual([sporten.documentId]);
    expect(await found({ q: `qqqqxyzzz ${T}` })).toEqual([]);
  });

  it('ranks a title match above a text match, however often the text repeats the word', async () => {
    expect(ids(await found({ q: `picknick ${T}` }))).toEqual([titleHit.documentId, bodyHit.documentId]);
  });

  it('escapes markup: a <script> in a title comes out as text', async () => {
    const res = await search({ q: `alert ${T}` }).expect(200);
    expect(ids(res.body.data)).toEqual([script.documentId]);
    expect(res.body.data[0].snippet).toContain('&lt;script&gt;<mark>alert</mark>(1)&lt;/script&gt;');
    expect(res.body.data[0].snippet).not.toMatch(/<(script|b)>/);
  });

  it('narrows by types, category, neighbourhood, distance, dates and cost', async () => {
    expect(ids(await found({ q: T, types: 'initiative' }))).toEqual([garden.documentId]);
    expect(ids(await found({ q: T, types: 'organisation,initiative' })).sort()).toEqual([org.documentId, garden.documentId].sort());
    expect(ids(await found({ q: T, category: meals.slug })).sort()).toEqual([org.documentId, eten.documentId, garden.documentId].sort());
    expect(ids(await found({ q: T, neighbourhood: west.slug }))).toEqual([sporten.documentId]);
    const near = ids(await found({ q: T, near: `${CENTRE.latitude},${CENTRE.longitude}`, radius: 2 }));
    expect(near).toEqual(expect.arrayContaining([org.documentId, eten.documentId]));
    expect(near).not.toContain(sporten.documentId);
    expect(ids(await found({ q: T, from: new Date(Date.now() + 30 * DAY).toISOString() }))).toEqual([sporten.documentId]);
    expect(ids(await found({ q: T, to: new Date(Date.now() + 20 * DAY).toISOString().slice(0, 10) }))).toEqual([eten.documentId]);
    const free = ids(await found({ q: T, free: 'true' }));
    expect(free).toContain(eten.documentId);
    expect(free).not.toContain(sporten.documentId);
    expect(free).not.toContain(org.documentId);
  });

  it('lists by filters alone when q is empty, soonest first', async () => {
    const hits = await found({ category: meals.slug, types: 'activity' });
    expect(ids(hits)).toEqual([eten.documentId]);
    expect(ids(await found({ q: '', neighbourhood: oost.slug })).sort()).toEqual([org.documentId, eten.documentId, garden.documentId].sort());
  });

  it('searches the English texts with locale=en, with English names', async () => {
    const res = await search({ q: `meals ${T}`, locale: 'en' }).expect(200);
    expect(res.body.data).toEqual([expect.objectContaining({ documentId: eten.documentId, locale: 'en', title: `Eating together ${T}`, categories: [{ slug: meals.slug, name: `Meals ${T}` }] })]);
    expect(res.body.meta.facets.category).toEqual([{ slug: meals.slug, name: `Meals ${T}`, count: 1 }]);
    expect(await found({ q: `samen ${T}`, locale: 'en' })).toEqual([]);
  });

  it('pages like Strapi and counts facets over all results, not only the page', async () => {
    const res = await search({ q: T, pageSize: 2, page: 2 }).expect(200);
    const all = (await search({ q: T, pageSize: 100 }).expect(200)).body;
    expect(all.data).toHaveLength(8);
    expect(res.body.data.map((h: any) => h.documentId)).toEqual(all.data.slice(2, 4).map((h: any) => h.documentId));
    expect(res.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 4, total: 8 });
    expect(res.body.meta.facets).toEqual({
      category: [{ slug: meals.slug, name: `Maaltijden ${T}`, count: 3 }, { slug: sport.slug, name: `Sport ${T}`, count: 1 }],
      neighbourhood: [{ slug: oost.slug, name: `Oost ${T}`, count: 3 }, { slug: west.slug, name: `West ${T}`, count: 1 }],
    });
    const beyond = await search({ q: T, page: 50 }).expect(200);
    expect(beyond.body.data).toEqual([]);
    expect(beyond.body.meta.pagination.total).toBe(8);
  });

  it('never finds drafts, archived items or private fields', async () => {
    expect(await found({ q: `geheimzinnig ${T}` })).toEqual([]);
    expect(await found({ q: `archiefstuk ${T}` })).toEqual([]);
    expect(await found({ q: secretEmail })).toEqual([]);
    expect(await found({ q: `geheimadres${T}` })).toEqual([]);
    const all = await search({ q: T, pageSize: 100 }).expect(200);
    expect(all.text).not.toContain(secretEmail);
    expect(all.text).not.toMatch(/reminderEmail|members|initiator/);
    expect(ids(all.body.data)).not.toEqual(expect.arrayContaining([draft.documentId]));
    expect(ids(all.body.data)).not.toEqual(expect.arrayContaining([archived.documentId]));
  });

  it('follows create, update, publish, unpublish and delete', async () => {
    const word = made();
    const created = await createDocument(ACTIVITY, { title: `Kaartavond ${word}`, slug: unique('kaart') });
    expect(ids(await found({ q: word }))).toEqual([created.documentId]);

    await publishedEdit(ACTIVITY, created.documentId, { title: `Bingoavond ${word}` });
    expect(ids(await found({ q: `bingoavond ${word}` }))).toEqual([created.documentId]);
    expect(await found({ q: `kaartavond ${word}` })).toEqual([]);

    await strapi().documents(ACTIVITY).unpublish({ documentId: created.documentId, locale: '*' } as any);
    expect(await entriesOf(created.documentId)).toBe(0);
    await strapi().documents(ACTIVITY).publish({ documentId: created.documentId, locale: 'nl' } as any);
    expect(ids(await found({ q: word }))).toEqual([created.documentId]);

    await strapi().documents(ACTIVITY).delete({ documentId: created.documentId, locale: '*' } as any);
    expect(await entriesOf(created.documentId)).toBe(0);
    expect(await found({ q: word })).toEqual([]);
  });

  it('re-indexes activities when their organisation is renamed, and names of renamed categories at once', async () => {
    const word = made();
    const club = await createDocument(ORG, { name: `Damclub ${word}`, slug: unique('dam') });
    const match = await createDocument(ACTIVITY, { title: `Toernooi ${word}`, slug: unique('toernooi'), organisation: club.documentId, categories: [sport.documentId] });
    await publishedEdit(ORG, club.documentId, { name: `Schaakclub ${word}` });
    expect(ids(await found({ q: `schaakclub ${word}`, types: 'activity' }))).toEqual([match.documentId]);

    await publishedEdit('api::category.category', sport.documentId, { name: `Sport en spel ${T}` });
    expect((await found({ q: `toernooi ${word}` }))[0].categories).toEqual([{ slug: sport.slug, name: `Sport en spel ${T}` }]);
  });

  it('leaves the activities of an organisation alone when a published edit keeps its name', async () => {
    const word = made();
    const club = await createDocument(ORG, { name: `Bridgeclub ${word}`, slug: unique('bridge') });
    const match = await createDocument(ACTIVITY, { title: `Drive ${word}`, slug: unique('drive'), organisation: club.documentId });
    const indexedAt = async (documentId: string) =>
      Number((await strapi().db.connection('search_entries').where({ document_id: documentId }).first('indexed_at')).indexed_at);
    const before = { club: await indexedAt(club.documentId), match: await indexedAt(match.documentId) };
    await new Promise((resolve) => setTimeout(resolve, 5)); // indexed_at is in ms
    await publishedEdit(ORG, club.documentId, { phone: '033-7654321' });
    expect(await indexedAt(club.documentId)).toBeGreaterThan(before.club);
    expect(await indexedAt(match.documentId)).toBe(before.match);
    await publishedEdit(ORG, club.documentId, { name: `Bridgevereniging ${word}` });
    expect(await indexedAt(match.documentId)).toBeGreaterThan(before.match);
    expect(ids(await found({ q: `bridgevereniging ${word}`, types: 'activity' }))).toEqual([match.documentId]);
  });

  it('follows archiving by content-expiry (plain SQL, announced on the event hub)', async () => {
    const word = made();
    const item = await createDocument(ACTIVITY, { title: `Rommelmarkt ${word}`, slug: unique('rommel') });
    // What the plugin does in SQL: drop the published row, mark the draft archived.
    const knex = strapi().db.connection;
    await knex('activities').where({ document_id: item.documentId }).whereNotNull('published_at').delete();
    await knex('activities').where({ document_id: item.documentId }).update({ archived_at: databaseClient() === 'postgres' ? new Date() : Date.now() });
    expect(await found({ q: word })).toEqual([]); // the index is not trusted alone
    expect(await entriesOf(item.documentId)).toBe(1);
    await strapi().eventHub.emit('content-expiry.archived', { uid: ACTIVITY, documentIds: [item.documentId] });
    expect(await entriesOf(item.documentId)).toBe(0);
  });

  it('checks a question, indexed once per language, against its own row in each language', async () => {
    const word = made();
    const question = await createDocument('api::question.question', { title: `Vraag over ${word}`, body: 'Wie weet het?', status: 'visible' });
    const inLocale = async (locale: string, pageSize: number) => ids(await found({ q: word, types: 'question', locale, pageSize }));
    expect([await inLocale('nl', 10), await inLocale('en', 10)]).toEqual([[question.documentId], [question.documentId]]);
    // A row no longer public that the index has not heard of yet: the live check alone keeps it out
    // (asked with other URLs: nothing announced the change to the response cache either).
    await strapi().db.connection('questions').where({ document_id: question.documentId }).update({ published_at: null });
    expect(await entriesOf(question.documentId)).toBe(2);
    expect([await inLocale('nl', 11), await inLocale('en', 11)]).toEqual([[], []]);
  });

  it('rebuilds the index', async () => {
    await strapi().db.connection('search_entry_tags').whereIn('entry_id', strapi().db.connection('search_entries').select('id').where({ document_id: garden.documentId })).delete();
    await strapi().db.connection('search_entries').where({ document_id: garden.documentId }).delete();
    expect(await found({ q: `moestuin ${T}` })).toEqual([]);
    const lines: string[] = [];
    const report = await strapi().service('api::search.search').rebuild({ types: ['initiative'], log: (l: string) => lines.push(l) });
    expect(report.documents.initiative).toBeGreaterThanOrEqual(1);
    expect(lines.at(-1)).toMatch(/initiative: \d+ documents indexed/);
    const hits = await found({ q: `moestuin ${T}` });
    expect(hits).toEqual([expect.objectContaining({ documentId: garden.documentId, type: 'initiative', stage: 'elaboration' })]);
  });

  it('answers bad input with a 400 in Strapi’s error shape', async () => {
    const bad: Record<string, string | number>[] = [
      { q: 'x'.repeat(201) },
      { q: T, types: 'event' },
      { q: T, types: ',' },
      { q: T, category: 'no-such-category' },
      { q: T, neighbourhood: 'Not A Slug' },
      { q: T, near: 'abc' },
      { q: T, near: '52.1,5.3', radius: 500 },
      { q: T, from: 'tomorrow' },
      { q: T, from: '2026-12-01', to: '2026-11-01' },
      { q: T, free: 'yes' },
      { q: T, locale: 'de' },
      { q: T, pageSize: 101 },
      { q: T, bbox: '5,52,5.1,52.1' },
      {},
    ];
    for (const query of bad) {
      const res = await search(query).expect(400);
      expect(res.body).toMatchObject({ data: null, error: { status: 400, name: 'ValidationError' } });
      expect(res.body.error.message).toEqual(expect.any(String));
    }
    await api().get('/api/search?q=a&q=b').expect(400);
  });
});
