import type { Knex } from 'knex';
import type { IndexDocument } from './sources';
import type { SearchType } from './query';

/**
 * The search index lives in tables of our own (not content types): Strapi's
 * schema sync leaves tables alone that it never created. Both databases
 * share search_entries (one row per published document and locale) and
 * search_entry_tags (its categories and neighbourhoods, by documentId, so
 * renamed ones show their new name and slug at once); each adds its own
 * full-text part.
 */
export const ENTRIES = 'search_entries';
export const TAGS = 'search_entry_tags';

/** A query word as the index knows it: its stem, plus close words when the stem itself is unknown (typos). */
export interface QueryTerm {
  word: string;
  stem: string;
  alternatives: string[];
}

/** A word as looked up in the index's vocabulary. */
export interface WordLookup {
  word: string;
  /** null when the database treats the word as a stop word. */
  stem: string | null;
  /** Some indexed term starts with the stem. */
  known: boolean;
  /** Indexed terms that may be what was meant, best first (only for unknown words). */
  candidates: string[];
}

export interface Statement {
  sql: string;
  bindings: unknown[];
}

export interface SearchStore {
  readonly client: 'sqlite' | 'postgres';
  /** Creates the tables and indexes when missing; safe on every start and from several instances. */
  ensure(): Promise<void>;
  /** Replaces every entry of these documents (all locales) with `docs`. */
  replace(trx: Knex.Transaction, type: SearchType, documentIds: string[], docs: IndexDocument[], indexedAt: number): Promise<void>;
  /** After a rebuild: refresh what a rebuild makes stale (PostgreSQL's word list) or compact the index. */
  afterRebuild(): Promise<void>;
  lookupWords(words: string[], locale: string): Promise<WordLookup[]>;
  /** id, score, title_hit, starts_at, published_at of the entries matching `terms` (all entries when there are none). */
  matching(terms: QueryTerm[], locale: string): Statement;
  /** SQL that aggregates the tags of entry `e` into "kind:documentId kind:documentId". */
  tagList: string;
}

export const rowsOf = (result: any): any[] => (Array.isArray(result) ? result : (result?.rows ?? []));

export const placeholders = (count: number) => Array.from({ length: count }, () => '?').join(', ');

/** Deletes the entries (and tags) of these documents; returns the ids it removed. */
export async function deleteEntries(trx: Knex.Transaction, type: SearchType, documentIds: string[]): Promise<number[]> {
  const ids = rowsOf(
    await trx.raw(`SELECT id FROM ${ENTRIES} WHERE type = ? AND document_id IN (${placeholders(documentIds.length)})`, [type, ...documentIds])
  ).map((r) => Number(r.id));
  if (ids.length) {
    await trx.raw(`DELETE FROM ${TAGS} WHERE entry_id IN (${placeholders(ids.length)})`, ids);
    await trx.raw(`DELETE FROM ${ENTRIES} WHERE id IN (${placeholders(ids.length)})`, ids);
  }
  return ids;
}

/** Inserts the tags of freshly inserted entries; `inserted` are their RETURNING rows (id, document_id, locale). */
export async function insertTags(trx: Knex.Transaction, inserted: any[], docs: IndexDocument[]) {
  const idOf = new Map(inserted.map((r) => [`${r.document_id}:${r.locale}`, Number(r.id)]));
  const tags = docs.flatMap((doc) => doc.tags.map((t) => [idOf.get(`${doc.documentId}:${doc.locale}`), t.kind, t.documentId]));
  if (tags.length) await trx.raw(`INSERT INTO ${TAGS} (entry_id, kind, document_id) VALUES ${tags.map(() => '(?, ?, ?)').join(', ')}`, tags.flat());
}

/** The entry columns both stores write, in order, and their values for one document. */
export const ENTRY_COLUMNS = [
  'type', 'document_id', 'locale', 'slug', 'title', 'body', 'latitude', 'longitude',
  'starts_at', 'ends_at', 'last_at', 'free', 'stage', 'published_at', 'indexed_at', 'audience',
];

export const entryValues = (doc: IndexDocument, indexedAt: number) => [
  doc.type, doc.documentId, doc.locale, doc.slug, doc.title, doc.body, doc.latitude, doc.longitude,
  doc.startsAt, doc.endsAt, doc.lastAt, doc.free, doc.stage, doc.publishedAt, indexedAt, doc.audience,
];

/** Indexes made before the knowledge base (issue #18) lack the audience column: everything in them was public. */
export const AUDIENCE_COLUMN = `audience varchar(100) NOT NULL DEFAULT 'public'`;

/** Shared DDL of the tag table; id types differ per database. */
export const tagsTable = (idType: string) => [
  `CREATE TABLE IF NOT EXISTS ${TAGS} (entry_id ${idType} NOT NULL, kind varchar(20) NOT NULL, document_id varchar(255) NOT NULL, PRIMARY KEY (entry_id, kind, document_id))`,
  `CREATE INDEX IF NOT EXISTS ${TAGS}_by_tag ON ${TAGS} (kind, document_id, entry_id)`,
];

export const entryIndexes = [
  `CREATE UNIQUE INDEX IF NOT EXISTS ${ENTRIES}_document ON ${ENTRIES} (type, document_id, locale)`,
  `CREATE INDEX IF NOT EXISTS ${ENTRIES}_listing ON ${ENTRIES} (locale, starts_at, published_at)`,
];
