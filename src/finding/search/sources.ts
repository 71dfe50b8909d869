import type { Core } from '@strapi/strapi';
import { lastOccurrenceStart } from '../recurrence';
import type { SearchType } from './query';
import { plainText } from './text';

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
  slug: row.slug,
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
};

export const typeOfUid = (uid: string): SearchType | undefined =>
  (Object.keys(SEARCH_SOURCES) as SearchType[]).find((type) => SEARCH_SOURCES[type].uid === uid);

/** What the public may see of these documents, every locale: published rows that are not archived. */
export async function readDocuments(strapi: Core.Strapi, type: SearchType, documentIds: string[]): Promise<IndexDocument[]> {
  const source = SEARCH_SOURCES[type];
  const rows: Row[] = await strapi.db.query(source.uid as any).findMany({
    where: { documentId: { $in: documentIds }, publishedAt: { $notNull: true }, archivedAt: { $null: true } },
    populate: source.populate,
  });
  // Relations are not localized in our schemas, yet Strapi links them per locale row: a translation added later has none.
  const isEmpty = (value: unknown) => value === null || value === undefined || (Array.isArray(value) && !value.length);
  const withSharedRelations = (row: Row) => {
    const filled = { ...row };
    for (const key of Object.keys(source.populate).filter((k) => isEmpty(row[k]))) {
      filled[key] = rows.find((other) => other.documentId === row.documentId && !isEmpty(other[key]))?.[key] ?? row[key];
    }
    return filled;
  };
  return rows.map((row) => {
    const doc = source.toDocument(withSharedRelations(row));
    const seen = new Set<string>();
    doc.tags = doc.tags.filter((t) => t.documentId && !seen.has(`${t.kind}:${t.documentId}`) && seen.add(`${t.kind}:${t.documentId}`));
    return doc;
  });
}
