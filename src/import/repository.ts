import type { Core } from '@strapi/strapi';
import { COLUMNS } from './columns';
import { createVocabulary, type Term } from './vocabulary';
import { UIDS, type ImportType } from './types';
import type { Data } from './validate';

const CHUNK = 500;
/** Rows per page when a whole table is walked. */
const PAGE = 5000;

interface RowQuery {
  where?: Record<string, unknown>;
  select?: string[];
  populate?: Record<string, unknown>;
}

/**
 * Rows of `uid` (every locale and version) whose externalId is one of
 * `externalIds`. externalId has no index, so each `$in` query scans the
 * table: a few ids are looked up, but many are found by walking the table
 * once in id order (a chunked `$in` would scan it once per chunk: 40 scans
 * for 20,000 ids).
 */
async function rowsByExternalId(strapi: Core.Strapi, uid: string, externalIds: string[], query: RowQuery): Promise<any[]> {
  const wanted = [...new Set(externalIds)];
  const find = (where: Record<string, unknown>, page: Record<string, unknown> = {}) =>
    strapi.db.query(uid as any).findMany({ ...query, ...page, where: { ...query.where, ...where } });
  if (wanted.length <= CHUNK) return wanted.length ? find({ externalId: { $in: wanted } }) : [];
  const keep = new Set(wanted);
  const found: any[] = [];
  const select = query.select && [...new Set([...query.select, 'id', 'externalId'])];
  for (let after = 0; ; ) {
    const page = await find({ id: { $gt: after } }, { select, orderBy: { id: 'asc' }, limit: PAGE });
    found.push(...page.filter((row: { externalId: string | null }) => row.externalId !== null && keep.has(row.externalId)));
    if (page.length < PAGE) return found;
    after = page[page.length - 1].id;
  }
}

async function loadVocabulary(strapi: Core.Strapi, uid: string) {
  const rows = await strapi.db.query(uid as any).findMany({ select: ['documentId', 'slug', 'name'] });
  const terms = new Map<string, Term>();
  for (const row of rows) {
    const term: Term = terms.get(row.documentId) ?? { documentId: row.documentId, slug: row.slug, names: [] };
    term.names.push(row.name);
    terms.set(row.documentId, term);
  }
  return createVocabulary([...terms.values()]);
}

/** Every category and neighbourhood, once per import: matching a row then costs no query. */
export async function loadVocabularies(strapi: Core.Strapi) {
  return {
    categories: await loadVocabulary(strapi, 'api::category.category'),
    neighbourhoods: await loadVocabulary(strapi, 'api::neighbourhood.neighbourhood'),
  };
}

/** documentIds of organisations by externalId, for activities that name theirs. */
export async function organisationIds(strapi: Core.Strapi, externalIds: string[]) {
  const found = new Map<string, string>();
  for (const row of await rowsByExternalId(strapi, UIDS.organisations, externalIds, { select: ['externalId', 'documentId'] })) {
    found.set(row.externalId, row.documentId);
  }
  return found;
}

export async function takenSlugs(strapi: Core.Strapi, type: ImportType) {
  const rows = await strapi.db.query(UIDS[type]).findMany({ select: ['slug'] });
  return new Set<string>(rows.map((r: { slug: string }) => r.slug));
}

export interface ExistingItem {
  documentId: string;
  slug: string;
  published: boolean;
  archived: boolean;
  approved: boolean;
  nl: Data;
  en: Data | null;
}

const RELATIONS: Record<ImportType, string[]> = {
  organisations: ['categories', 'neighbourhoods'],
  activities: ['categories', 'neighbourhood', 'organisation'],
};

/** The stored draft in the shape a checked row has, so the two compare field by field. */
function asRowData(type: ImportType, row: any, locale: 'nl' | 'en'): Data {
  const data: Data = {};
  for (const column of COLUMNS[type]) {
    if (column.locale !== locale) continue;
    const value = row[column.attribute];
    data[column.attribute] = Array.isArray(value)
      ? value.map((v: any) => (typeof v === 'object' && v ? v.documentId : v))
      : value && typeof value === 'object' && 'documentId' in value
        ? value.documentId
        : value ?? null;
  }
  return data;
}

/** What is stored for these externalIds: both language versions of the draft, and whether it is live. */
export async function existingItems(strapi: Core.Strapi, type: ImportType, externalIds: string[]) {
  const uid = UIDS[type];
  const populate = Object.fromEntries(RELATIONS[type].map((r) => [r, { select: ['documentId'] }]));
  const items = new Map<string, ExistingItem>();
  const drafts = await rowsByExternalId(strapi, uid, externalIds, { where: { publishedAt: null }, populate });
  const live = await rowsByExternalId(strapi, uid, externalIds, { where: { publishedAt: { $notNull: true } }, select: ['externalId'] });
  const published = new Set(live.map((r: { externalId: string }) => r.externalId));
  for (const draft of drafts.filter((d: any) => d.locale === 'nl')) {
    items.set(draft.externalId, {
      documentId: draft.documentId,
      slug: draft.slug,
      published: published.has(draft.externalId),
      archived: Boolean(draft.archivedAt),
      approved: type !== 'organisations' || draft.approvalStatus === 'approved',
      nl: asRowData(type, draft, 'nl'),
      en: null,
    });
  }
  for (const draft of drafts.filter((d: any) => d.locale === 'en')) {
    const item = items.get(draft.externalId);
    if (item) item.en = asRowData(type, draft, 'en');
  }
  return items;
}
