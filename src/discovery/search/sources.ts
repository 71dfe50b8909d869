import { publicRule } from '@buurtplein/plugin-kit';
import type { Core } from '@strapi/strapi';
import { lastOccurrenceStart } from '../recurrence';
import { articleAudience, questionAudience } from '../../visibility/audience';
import { LANGUAGES } from '../../mail';
import type { SearchType } from './query';
import { plainText } from './words';

/** One published, non-archived locale of a document, as the index holds it. */
export interface IndexDocument {
  type: SearchType;
  documentId: string;
  locale: string;
  slug: string;
  title: string;
  /** Plain public text: description, summary, address, organisation name. Never private fields. */
  body: string;
  latitude: number | null;
  longitude: number | null;
  startsAt: number | null;
  endsAt: number | null;
  /** When the last occurrence ends; null for open-ended recurring activities. */
  lastAt: number | null;
  free: number | null;
  stage: string | null;
  publishedAt: number;
  /** Who may find it (src/visibility/audience.ts): 'public' for everything on the social map. */
  audience: string;
  tags: { kind: 'category' | 'neighbourhood'; documentId: string }[];
}

type Row = Record<string, any>;

const ms = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const time = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : new Date(value as string).getTime();
  return Number.isNaN(time) ? null : time;
};
const num = (value: unknown) => (value === null || value === undefined || value === '' ? null : Number(value));
const joined = (...parts: unknown[]) => parts.filter((p) => typeof p === 'string' && p.trim()).join(' · ');
const related = (kind: 'category' | 'neighbourhood', value: Row | Row[] | null | undefined) =>
  [value ?? []].flat().map((r) => ({ kind, documentId: r.documentId as string }));
const address = (row: Row) => joined(row.address, row.postalCode, row.city);

const common = (type: SearchType, row: Row, title: string, body: string) => ({
  type,
  documentId: row.documentId,
  locale: row.locale,
  slug: row.slug ?? null,
  title,
  body,
  latitude: num(row.latitude),
  longitude: num(row.longitude),
  startsAt: null,
  endsAt: null,
  lastAt: null,
  free: null,
  stage: null,
  publishedAt: ms(row.publishedAt) ?? 0,
  audience: 'public',
});

const lastOf = (row: Row) => {
  const starts = ms(row.startsAt);
  if (row.recurrence && starts !== null) return ms(lastOccurrenceStart(new Date(starts), row.recurrence));
  return ms(row.endsAt) ?? starts;
};

interface Source {
  uid: string;
  populate: Record<string, unknown>;
  toDocument(row: Row): IndexDocument;
}

const onlyId = { select: ['documentId'] };
const groupOf = { select: ['documentId', 'visibility'] };

export const SEARCH_SOURCES: Record<SearchType, Source> = {
  activity: {
    uid: 'api::activity.activity',
    populate: { categories: onlyId, neighbourhood: onlyId, organisation: { select: ['name'] } },
    toDocument: (row) => ({
      ...common('activity', row, row.title, joined(plainText(row.description), row.costNote, address(row), row.organisation?.name)),
      startsAt: ms(row.startsAt),
      endsAt: ms(row.endsAt),
      lastAt: lastOf(row),
      free: row.cost === null || row.cost === undefined || Number(row.cost) === 0 ? 1 : 0,
      tags: [...related('category', row.categories), ...related('neighbourhood', row.neighbourhood)],
    }),
  },
  organisation: {
    uid: 'api::organisation.organisation',
    populate: { categories: onlyId, neighbourhoods: onlyId },
    toDocument: (row) => ({
      ...common('organisation', row, row.name, joined(plainText(row.description), address(row))),
      tags: [...related('category', row.categories), ...related('neighbourhood', row.neighbourhoods)],
    }),
  },
  initiative: {
    uid: 'api::initiative.initiative',
    populate: { theme: onlyId, neighbourhood: onlyId },
    toDocument: (row) => ({
      ...common('initiative', row, row.title, joined(row.summary, plainText(row.description))),
      stage: row.stage ?? null,
      tags: [...related('category', row.theme), ...related('neighbourhood', row.neighbourhood)],
    }),
  },
  article: {
    uid: 'api::article.article',
    populate: { categories: onlyId, group: groupOf },
    toDocument: (row) => ({
      ...common('article', row, row.title, joined(row.summary, plainText(row.body), Array.isArray(row.tags) ? row.tags.filter((t: unknown) => typeof t === 'string').join(' ') : null)),
      stage: row.kind ?? null,
      audience: articleAudience(row as { visibility: string }),
      tags: related('category', row.categories),
    }),
  },
  question: {
    uid: 'api::question.question',
    populate: { categories: onlyId, group: groupOf },
    toDocument: (row) => ({
      ...common('question', row, row.title, joined(row.body)),
      audience: questionAudience(row as { status: string }),
      tags: related('category', row.categories),
    }),
  },
};

export const typeOfUid = (uid: string): SearchType | undefined =>
  (Object.keys(SEARCH_SOURCES) as SearchType[]).find((type) => SEARCH_SOURCES[type].uid === uid);

/**
 * Rows written without the Document Service, with relations as documentIds
 * (as the bulk import holds them), shaped as `readDocuments` reads them: one
 * query per relation finds what each target shows, from its published Dutch
 * version (the one a published row links to; a target without one is not linked).
 */
export async function withRelatedRows(strapi: Core.Strapi, type: SearchType, rows: Row[]): Promise<Row[]> {
  const source = SEARCH_SOURCES[type];
  const { attributes } = strapi.getModel(source.uid as any) as unknown as { attributes: Record<string, { target: string; relation: string }> };
  const resolved = rows.map((row) => ({ ...row }));
  for (const [key, populate] of Object.entries(source.populate)) {
    const { target, relation } = attributes[key];
    const ids = [...new Set(rows.flatMap((row) => [row[key] ?? []].flat() as string[]))];
    const select = [...new Set(['documentId', ...(populate as { select: string[] }).select])];
    const targets: Row[] = ids.length
      ? await strapi.db.query(target as any).findMany({ where: { documentId: { $in: ids }, locale: 'nl', publishedAt: { $notNull: true } }, select })
      : [];
    const byId = new Map(targets.map((t) => [t.documentId as string, t]));
    for (const row of resolved) {
      const linked = ([row[key] ?? []].flat() as string[]).flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
      row[key] = relation.endsWith('ToMany') ? linked : (linked[0] ?? null);
    }
  }
  return resolved;
}

/** What the public may see of these documents, every locale: published rows that are not archived. */
export async function readDocuments(strapi: Core.Strapi, type: SearchType, documentIds: string[]): Promise<IndexDocument[]> {
  const source = SEARCH_SOURCES[type];
  const rows: Row[] = await strapi.db.query(source.uid as any).findMany({
    where: { documentId: { $in: documentIds }, ...publicRule(strapi, source.uid).where },
    populate: source.populate,
  });
  return documentsOf(type, rows);
}

const isEmpty = (value: unknown) => value === null || value === undefined || (Array.isArray(value) && !value.length);

/**
 * Index documents of published, non-archived rows shaped as `readDocuments`
 * reads them (relations populated as in SEARCH_SOURCES); the bulk import
 * hands over the rows it has just written instead of reading them back.
 */
export function documentsOf(type: SearchType, rows: Row[]): IndexDocument[] {
  const source = SEARCH_SOURCES[type];
  const relations = Object.keys(source.populate);
  // Relations are not localized in our schemas, yet Strapi links them per locale row: a translation added later has none.
  const shared = new Map<string, Row>();
  for (const row of rows) {
    const found = shared.get(row.documentId) ?? {};
    for (const key of relations) if (isEmpty(found[key]) && !isEmpty(row[key])) found[key] = row[key];
    shared.set(row.documentId, found);
  }
  const withSharedRelations = (row: Row) => {
    const filled = { ...row };
    for (const key of relations) if (isEmpty(row[key])) filled[key] = shared.get(row.documentId)![key] ?? row[key];
    return filled;
  };
  // Types without locales (questions) are written in one language and found in either.
  const perLocale = rows.flatMap((row) => (row.locale ? [row] : LANGUAGES.map((locale) => ({ ...row, locale }))));
  return perLocale.map((row) => {
    const doc = source.toDocument(withSharedRelations(row));
    const seen = new Set<string>();
    doc.tags = doc.tags.filter((t) => t.documentId && !seen.has(`${t.kind}:${t.documentId}`) && seen.add(`${t.kind}:${t.documentId}`));
    return doc;
  });
}
