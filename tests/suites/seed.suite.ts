import { seedDemo } from '../../src/seed';
import { buildDemoTown } from '../../src/seed/demo-town';
import { api } from '../helpers/fixtures';
import { strapi } from '../helpers/strapi';

const anchor = new Date('2026-11-23T12:00:00Z');
const scale = 0.05;
const quiet = () => undefined;

const count = (uid: string, where: Record<string, unknown> = {}) => strapi().db.query(uid as any).count({ where });

describe('demo seed', () => {
  let first: Awaited<ReturnType<typeof seedDemo>>;
  const town = buildDemoTown({ scale, anchor });

  beforeAll(async () => {
    first = await seedDemo(strapi(), { scale, anchor, log: quiet });
  }, 120_000);

  it('creates the whole (scaled) demo town, published in nl and en', async () => {
    expect(first.organisations.created + first.organisations.existing).toBe(town.organisations.length);
    expect(first.activities.created + first.activities.existing).toBe(town.activities.length);
    const ids = town.organisations.map((o) => o.externalId);
    // draft + published row, for each of the two locales
    expect(await count('api::organisation.organisation', { externalId: { $in: ids } })).toBe(ids.length * 4);
    expect(await count('api::category.category', { slug: { $in: town.categories.map((c) => c.slug) } })).toBe(7 * 4);
  });

  it('running it twice changes nothing', async () => {
    const before = await Promise.all(['organisation', 'activity', 'initiative', 'category'].map((t) => count(`api::${t}.${t}`)));
    const again = await seedDemo(strapi(), { scale, anchor, log: quiet });
    for (const type of Object.keys(again)) expect(again[type].created).toBe(0);
    const after = await Promise.all(['organisation', 'activity', 'initiative', 'category'].map((t) => count(`api::${t}.${t}`)));
    expect(after).toEqual(before);
  });

  it('links relations and serves English translations with ?locale=en', async () => {
    const [activity] = town.activities;
    const nl = await api()
      .get(`/api/activities?filters[externalId][$eq]=${activity.externalId}&populate[organisation][fields][0]=externalId&populate[categories]=true`)
      .expect(200);
    expect(nl.body.data[0].title).toBe(activity.title.nl);
    expect(nl.body.data[0].organisation.externalId).toBe(activity.organisation);
    expect(nl.body.data[0].categories.map((c: { slug: string }) => c.slug)).toEqual(activity.categories);

    const en = await api().get(`/api/activities?locale=en&filters[externalId][$eq]=${activity.externalId}&populate=categories`).expect(200);
    expect(en.body.data[0].title).toBe(activity.title.en);
    expect(en.body.data[0].categories[0].name).toMatch(/^[A-Z]/);
    expect(en.body.data[0].categories[0].name).not.toBe(nl.body.data[0].categories[0].name);
  });

  it('a dry run reports without writing', async () => {
    const bigger = await seedDemo(strapi(), { scale: 0.1, anchor, log: quiet, dryRun: true });
    expect(bigger.organisations).toEqual({ created: 0, existing: town.organisations.length });
    expect(await count('api::organisation.organisation', { externalId: 'demo-org-0020' })).toBe(0);
  });
});
