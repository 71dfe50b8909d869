import { runImport, type ImportReport, type ImportWriter } from '../../import';
import { adminToken, removeAdmins } from '../../../tests/helpers/admin';
import { api, bearer, madeUpWord, unique } from '../../../tests/helpers/fixtures';
import { ensureDemoVocabulary, removeImported } from '../../../tests/helpers/import';
import { strapi } from '../../../tests/helpers/strapi';

// New items are written with multi-row INSERTs; these tests hold them to what the Document Service writes.
const ORG = 'api::organisation.organisation';
const ACT = 'api::activity.activity';
const LOCALES = ['nl', 'en'] as const;
const STATUSES = ['draft', 'published'] as const;
const VOLATILE = new Set(['id', 'createdAt', 'updatedAt', 'publishedAt']);

const tag = unique('bulk');
const word = madeUpWord();

const organisations = [
  'externalId;name;description;description_en;categories;neighbourhoods;address;postalCode;city;latitude;longitude;phone;email;website;reminderEmail;preferredLanguage',
  `${tag}-o1;Buurthuis ${word};Een **buurthuis** voor iedereen.;A community centre for all.;Ontmoeting|Sport;Binnenstad|Westwijk;Beukenlaan 1;3822 QS;Eemdal;52,1561;5,3841;033-1234567;info@buurthuis.example;https://buurthuis.example;beheer@secret.example;en`,
  `${tag}-o2;Sportclub ${tag};;;Sport;;;;;;;;;;;`,
].join('\n');

const activities = [
  'externalId;title;title_en;description;description_en;organisation;categories;neighbourhood;startsAt;endsAt;recurrence;cost;costNote;costNote_en;targetGroups;capacity;enrolmentUrl',
  `${tag}-a1;Samen koken ${word};Cooking together;Elke week.;Every week.;${tag}-o1;Maaltijden|Ontmoeting;Binnenstad;2027-01-05T10:00;2027-01-05T12:00;"FREQ=WEEKLY;BYDAY=TU";2,50;per keer;per time;seniors|carers;12;https://buurthuis.example/koken`,
  `${tag}-a2;Koffie-ochtend ${tag};;;;${tag}-o1;Ontmoeting;;2027-02-01 09:30;;;0;;;;;`,
  `${tag}-a3;Voetbal ${tag};;;;${tag}-o2;Sport;Westwijk;;;;;;;;;`,
].join('\n');

type Labels = Map<string, string>;

/** Ids and timestamps differ by nature; documentIds of imported items become their externalId, so relations still compare. */
function normalised(value: unknown, labels: Labels): unknown {
  if (Array.isArray(value)) return value.map((v) => normalised(v, labels));
  if (!value || typeof value !== 'object') return typeof value === 'string' ? (labels.get(value) ?? value) : value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !VOLATILE.has(key))
      .map(([key, v]) => [key, normalised(v, labels)])
  );
}

const documentIds = (report: ImportReport) => report.rows.map((r) => [r.documentId!, r.externalId!] as const);

async function importBoth(writer: ImportWriter) {
  const orgs = await runImport(strapi(), organisations, { writer });
  const acts = await runImport(strapi(), activities, { writer });
  expect(orgs.totals).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 0 });
  expect(acts.totals).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 0 });
  return new Map([...documentIds(orgs), ...documentIds(acts)]);
}

/** Everything a reader of these documents can see: every locale and status through the Document Service, and the public REST answers. */
async function snapshot(labels: Labels) {
  const seen: Record<string, unknown> = {};
  for (const [documentId, externalId] of labels) {
    const uid = /-o\d$/.test(externalId) ? ORG : ACT;
    for (const locale of LOCALES) {
      for (const status of STATUSES) {
        seen[`${externalId} ${locale} ${status}`] = await strapi().documents(uid as any).findOne({ documentId, locale, status, populate: '*' } as any);
      }
      const published = seen[`${externalId} ${locale} published`] as { slug: string } | null;
      const path = uid === ORG ? 'organisations' : 'activities';
      const slug = published?.slug ?? (seen[`${externalId} nl published`] as { slug: string }).slug;
      const rest = await api().get(`/api/${path}?filters[slug][$eq]=${slug}&locale=${locale}&populate=*`).expect(200);
      seen[`${externalId} ${locale} REST`] = rest.body;
    }
  }
  return normalised(seen, labels);
}

afterAll(async () => {
  await removeAdmins();
  await removeImported(ACT, [tag]);
  await removeImported(ORG, [tag]);
}, 60_000);

describe('bulk import: new items as the Document Service makes them', () => {
  let bulk: Map<string, string>;

  beforeAll(async () => {
    await ensureDemoVocabulary();
  }, 60_000);

  it('writes, for every document, locale and status, exactly what the Document Service writes, also over REST', async () => {
    const expected = await snapshot(await importBoth('document-service'));
    await removeImported(ACT, [tag]);
    await removeImported(ORG, [tag]);
    const listed = async () => (await api().get(`/api/activities?filters[title][$contains]=${word}`).expect(200)).body.data.map((a: any) => a.title);
    expect(await listed()).toEqual([]);
    bulk = await importBoth('bulk');
    // The response cache answered "nothing" just before; it serves the new item right after the import.
    expect(await listed()).toEqual([`Samen koken ${word}`]);
    const actual = await snapshot(bulk);

    expect(actual).toEqual(expected);
    // Not vacuous: both languages, both versions and the relations were there to compare.
    const seen = expected as Record<string, any>;
    expect(seen[`${tag}-a1 nl published`]).toMatchObject({ title: `Samen koken ${word}`, costNote: 'per keer', organisation: { name: `Buurthuis ${word}` } });
    // A translation gets the non-localized fields, but Strapi links relations per locale row and gives a new one none.
    expect(seen[`${tag}-a1 en published`]).toMatchObject({ title: 'Cooking together', costNote: 'per time', cost: 2.5, organisation: null });
    const o1 = seen[`${tag}-o1 nl draft`];
    expect(o1.categories.map((c: any) => c.slug)).toEqual(['ontmoeting', 'sport']);
    expect(o1.activities.map((a: any) => a.externalId)).toEqual([`${tag}-a1`, `${tag}-a2`]);
    expect(seen[`${tag}-a1 nl REST`].data[0]).toMatchObject({ title: `Samen koken ${word}`, categories: [{ slug: 'maaltijden' }, { slug: 'ontmoeting' }] });
    expect(seen[`${tag}-o2 en draft`]).toBeNull();

  });

  it('search finds a bulk-created item in both languages', async () => {
    const hits = (await api().get('/api/search').query({ q: word }).expect(200)).body.data as any[];
    const ids = [...bulk.entries()].filter(([, e]) => e.endsWith('-a1') || e.endsWith('-o1')).map(([id]) => id);
    expect(hits.map((h) => h.documentId).sort()).toEqual(expect.arrayContaining(ids));
    const english = (await api().get('/api/search').query({ q: 'Cooking', locale: 'en' }).expect(200)).body.data as any[];
    expect(english.map((h) => h.documentId)).toContain(ids.find((id) => bulk.get(id)!.endsWith('-a1')));
  });

  it('indexes bulk-created items from the rows it wrote exactly as reading them back does', async () => {
    const ids = [...bulk.keys()];
    const marks = ids.map(() => '?').join(', ');
    const entries = async () => {
      const result = await strapi().db.connection.raw(
        `SELECT e.type, e.document_id, e.locale, e.slug, e.title, e.body, e.latitude, e.longitude, e.starts_at, e.ends_at, e.last_at, e.free, e.stage,
           e.published_at, (SELECT count(*) FROM search_entry_tags t WHERE t.entry_id = e.id) AS tag_count
         FROM search_entries e WHERE e.document_id IN (${marks}) ORDER BY e.document_id, e.locale`,
        ids
      );
      const rows = (Array.isArray(result) ? result : result.rows) as Record<string, unknown>[];
      const tags = await strapi().db.connection.raw(
        `SELECT e.document_id, e.locale, t.kind, t.document_id AS tag FROM search_entry_tags t JOIN search_entries e ON e.id = t.entry_id
         WHERE e.document_id IN (${marks}) ORDER BY e.document_id, e.locale, t.kind, t.document_id`,
        ids
      );
      return { rows: normalised(rows, bulk), tags: normalised(Array.isArray(tags) ? tags : tags.rows, bulk) };
    };
    const written = await entries();
    const byType = (uid: string) => [...bulk.entries()].filter(([, e]) => /-o\d$/.test(e) === (uid === ORG)).map(([id]) => id);
    for (const uid of [ORG, ACT]) await strapi().service('api::search.search').indexNew(uid, byType(uid));
    expect(await entries()).toEqual(written);
    // Not vacuous: two languages of o1 and a1, the organisation's name in the activity's text, its categories and neighbourhood as tags.
    expect((written.rows as any[]).map((r) => `${r.document_id} ${r.locale}`).sort()).toEqual(
      [`${tag}-a1 en`, `${tag}-a1 nl`, `${tag}-a2 nl`, `${tag}-a3 nl`, `${tag}-o1 en`, `${tag}-o1 nl`, `${tag}-o2 nl`].sort()
    );
    const a1en = (written.rows as any[]).find((r) => r.document_id === `${tag}-a1` && r.locale === 'en');
    expect(a1en).toMatchObject({ title: 'Cooking together', body: expect.stringContaining(`Buurthuis ${word}`) });
    expect(Number(a1en.tag_count)).toBe(3);
  });

  it('the admin panel lists a bulk-created organisation with both locales', async () => {
    const auth = bearer(await adminToken());
    const o1 = [...bulk.entries()].find(([, e]) => e.endsWith('-o1'))![0];
    for (const locale of LOCALES) {
      const res = await api().get(`/content-manager/collection-types/${ORG}`).query({ locale, 'filters[$and][0][documentId][$eq]': o1 }).set(auth).expect(200);
      expect(res.body.results).toHaveLength(1);
      expect(res.body.results[0]).toMatchObject({ documentId: o1, locale, status: 'published', name: `Buurthuis ${word}` });
    }
  });

  it('the Document Service updates, publishes, unpublishes and deletes a bulk-created item', async () => {
    const documentId = [...bulk.entries()].find(([, e]) => e.endsWith('-a2'))![0];
    const documents = strapi().documents(ACT as any);
    const slug = ((await documents.findOne({ documentId, locale: 'nl', status: 'published' } as any)) as any).slug;
    const publicTitle = async () => (await api().get(`/api/activities?filters[slug][$eq]=${slug}`).expect(200)).body.data.map((a: any) => a.title);

    await documents.update({ documentId, locale: 'nl', data: { title: `Koffie en thee ${tag}` } } as any);
    expect(await publicTitle()).toEqual([`Koffie-ochtend ${tag}`]);
    await documents.publish({ documentId, locale: 'nl' } as any);
    expect(await publicTitle()).toEqual([`Koffie en thee ${tag}`]);
    const published = (await documents.findOne({ documentId, locale: 'nl', status: 'published', populate: ['organisation', 'categories'] } as any)) as any;
    expect(published).toMatchObject({ organisation: { externalId: `${tag}-o1` }, categories: [{ slug: 'ontmoeting' }] });

    await documents.unpublish({ documentId, locale: 'nl' } as any);
    expect(await publicTitle()).toEqual([]);
    await documents.delete({ documentId, locale: '*' } as any);
    expect(await strapi().db.query(ACT).count({ where: { documentId } })).toBe(0);
    const o1 = (await strapi().documents(ORG as any).findOne({ documentId: [...bulk.entries()].find(([, e]) => e.endsWith('-o1'))![0], locale: 'nl', populate: ['activities'] } as any)) as any;
    expect(o1.activities.map((a: any) => a.externalId)).toEqual([`${tag}-a1`]);
  });
});

describe('bulk import: many rows', () => {
  const many = unique('many');
  afterAll(async () => removeImported(ORG, [many]), 120_000);

  it('finds 600 stored items by externalId in one walk of the table: a second run changes nothing, a changed row is updated', async () => {
    const file = (phoneOf: (i: number) => string) =>
      ['externalId;name;phone', ...Array.from({ length: 600 }, (_, i) => `${many}-${i};Vereniging ${many} ${i};${phoneOf(i)}`)].join('\n');
    const first = await runImport(strapi(), file(() => '033-1111111'));
    expect(first.totals).toEqual({ created: 600, updated: 0, unchanged: 0, rejected: 0 });
    expect(Object.keys(first.phasesMs)).toEqual(['parse', 'check', 'lookups', 'plan', 'insert', 'links', 'search', 'cache']);
    expect((await runImport(strapi(), file(() => '033-1111111'))).totals).toEqual({ created: 0, updated: 0, unchanged: 600, rejected: 0 });
    const changed = await runImport(strapi(), file((i) => (i === 599 ? '033-2222222' : '033-1111111')));
    expect(changed.totals).toEqual({ created: 0, updated: 1, unchanged: 599, rejected: 0 });
    expect(changed.rows[599]).toMatchObject({ status: 'updated', documentId: first.rows[599].documentId });
  }, 120_000);
});
