import type { Core } from '@strapi/strapi';
import { buildDemoTown, type DemoOptions } from './demo-town';

type Locale = 'nl' | 'en';
type Data = Record<string, unknown>;
interface Localized {
  key: string;
  shared: Data;
  nl: Data;
  en: Data;
}

export interface SeedSummary {
  [type: string]: { created: number; existing: number };
}

export interface SeedOptions extends DemoOptions {
  log?: (line: string) => void;
  dryRun?: boolean;
}

const CHUNK = 500;
const PROGRESS_EVERY = 50;

async function existingKeys(strapi: Core.Strapi, uid: string, keyField: string, keys: string[]) {
  const found = new Map<string, string>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await strapi.db.query(uid as any).findMany({
      where: { [keyField]: { $in: keys.slice(i, i + CHUNK) } },
      select: ['documentId', keyField],
    });
    for (const row of rows) found.set(row[keyField], row.documentId);
  }
  return found;
}

/**
 * Creates, published in nl and en, each item whose key is not there yet.
 * Existing items are left exactly as they are: staff may have edited them.
 */
async function createMissing(
  strapi: Core.Strapi,
  uid: string,
  keyField: string,
  items: Localized[],
  { log, dryRun }: Required<Pick<SeedOptions, 'log'>> & Pick<SeedOptions, 'dryRun'>,
  summary: SeedSummary,
  label: string
) {
  const ids = await existingKeys(strapi, uid, keyField, items.map((i) => i.key));
  const missing = items.filter((i) => !ids.has(i.key));
  summary[label] = { created: dryRun ? 0 : missing.length, existing: items.length - missing.length };
  if (dryRun || !missing.length) {
    log(`[seed] ${label}: ${missing.length} to create, ${items.length - missing.length} already there`);
    return ids;
  }
  const documents = strapi.documents(uid as any);
  for (const [index, item] of missing.entries()) {
    // One transaction per item: an interrupted seed leaves whole items only, and the next run adds the rest.
    await strapi.db.transaction(async () => {
      const write = (locale: Locale, documentId?: string) => {
        const params = { data: { ...item.shared, ...item[locale] }, locale, status: 'published' } as any;
        return documentId ? documents.update({ ...params, documentId }) : documents.create(params);
      };
      const { documentId } = (await write('nl')) as { documentId: string };
      await write('en', documentId);
      ids.set(item.key, documentId);
    });
    const done = index + 1;
    if (done % PROGRESS_EVERY === 0 || done === missing.length) log(`[seed] ${label}: ${done}/${missing.length} created`);
  }
  return ids;
}

const both = <T>(value: { nl: T; en: T }, field: string) => ({ nl: { [field]: value.nl }, en: { [field]: value.en } });
const merge = (...parts: { nl: Data; en: Data }[]) => ({
  nl: Object.assign({}, ...parts.map((p) => p.nl)),
  en: Object.assign({}, ...parts.map((p) => p.en)),
});
const resolve = (ids: Map<string, string>, keys: string[]) => keys.map((k) => ids.get(k)).filter(Boolean) as string[];

/** Writes the demo town; running it again creates nothing. */
export async function seedDemo(strapi: Core.Strapi, options: SeedOptions = {}): Promise<SeedSummary> {
  const log = options.log ?? ((line: string) => strapi.log.info(line));
  const town = buildDemoTown(options);
  const opts = { log, dryRun: options.dryRun };
  const summary: SeedSummary = {};
  const started = Date.now();

  const categories = await createMissing(
    strapi,
    'api::category.category',
    'slug',
    town.categories.map((c) => ({
      key: c.slug,
      shared: { slug: c.slug, icon: c.icon },
      ...merge(both(c.name, 'name'), both(c.description, 'description')),
    })),
    opts,
    summary,
    'categories'
  );

  const neighbourhoods = await createMissing(
    strapi,
    'api::neighbourhood.neighbourhood',
    'slug',
    town.neighbourhoods.map(({ description, ...n }) => ({ key: n.slug, shared: n, ...both(description, 'description') })),
    opts,
    summary,
    'neighbourhoods'
  );

  const subsidies = await createMissing(
    strapi,
    'api::subsidy.subsidy',
    'slug',
    town.subsidies.map((s) => ({
      key: s.slug,
      shared: { slug: s.slug, provider: s.provider, maxAmount: s.maxAmount, themes: resolve(categories, [...s.themes]) },
      ...merge(both(s.name, 'name'), both(s.description, 'description')),
    })),
    opts,
    summary,
    'subsidies'
  );

  const organisations = await createMissing(
    strapi,
    'api::organisation.organisation',
    'externalId',
    town.organisations.map(({ description, ...o }) => ({
      key: o.externalId,
      shared: {
        ...o,
        categories: resolve(categories, o.categories),
        neighbourhoods: resolve(neighbourhoods, o.neighbourhoods),
      },
      ...both(description, 'description'),
    })),
    opts,
    summary,
    'organisations'
  );

  await createMissing(
    strapi,
    'api::activity.activity',
    'externalId',
    town.activities.map(({ title, description, costNote, ...a }) => ({
      key: a.externalId,
      shared: {
        ...a,
        organisation: organisations.get(a.organisation) ?? null,
        categories: resolve(categories, a.categories),
        neighbourhood: neighbourhoods.get(a.neighbourhood) ?? null,
      },
      ...merge(both(title, 'title'), both(description, 'description'), costNote ? both(costNote, 'costNote') : { nl: {}, en: {} }),
    })),
    opts,
    summary,
    'activities'
  );

  await createMissing(
    strapi,
    'api::initiative.initiative',
    'slug',
    town.initiatives.map(({ title, summary: text, description, ...i }) => ({
      key: i.slug,
      shared: {
        ...i,
        theme: categories.get(i.theme) ?? null,
        neighbourhood: neighbourhoods.get(i.neighbourhood) ?? null,
        subsidies: resolve(subsidies, i.subsidies),
      },
      ...merge(both(title, 'title'), both(text, 'summary'), both(description, 'description')),
    })),
    opts,
    summary,
    'initiatives'
  );

  const counts = Object.entries(summary)
    .map(([type, { created, existing }]) => `${type} ${created} created/${existing} existing`)
    .join(', ');
  log(`[seed] done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts}`);
  return summary;
}

/** `npm start` on an empty database shows a living demo town, unless SEED_DEMO_DATA is off. */
export async function seedDemoWhenEmpty(strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env) {
  if (env.SEED_DEMO_DATA !== 'true') return;
  if ((await strapi.db.query('api::organisation.organisation').count()) > 0) return;
  strapi.log.info('[seed] empty database: loading the demo town (set SEED_DEMO_DATA=false to skip)');
  await seedDemo(strapi);
}
