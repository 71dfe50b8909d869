import type { Core } from '@strapi/strapi';
import { COLUMNS } from './columns';
import { createVocabulary, type Term } from './vocabulary';
import { UIDS, type ImportType } from './types';
import type { Data } from './validate';

const CHUNK = 500;

const chunks = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

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
  for (const part of chunks([...new Set(externalIds)])) {
    const rows = await strapi.db.query(UIDS.organisations).findMany({ where: { externalId: { $in: part } }, select: ['externalId', 'documentId'] });
    for (const row of rows) found.set(row.externalId, row.documentId);
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
  for (const part of chunks(externalIds)) {
    const drafts = await strapi.db.query(uid).findMany({ where: { externalId: { $in: part }, publishedAt: null }, populate });
    const live = await strapi.db.query(uid).findMany({ where: { externalId: { $in: part }, publishedAt: { $notNull: true } }, select: ['externalId'] });
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
  }
  return items;
}
