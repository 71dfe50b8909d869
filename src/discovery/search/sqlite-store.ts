import type { Knex } from 'knex';
import { stemDutch } from './dutch-stemmer';
import {
  AUDIENCE_COLUMN, deleteEntries, ENTRIES, ENTRY_COLUMNS, entryIndexes, entryValues, insertTags, placeholders, rowsOf, tagsTable,
  type QueryTerm, type SearchStore, type WordLookup,
} from './store';
import { fold, indexTerms, LOOSE_ENDING, typoBudget } from './words';

const FTS = 'search_fts';
const VOCAB = 'search_fts_vocab';

/** An FTS5 prefix phrase; stems hold letters and digits only, quoting keeps FTS5 syntax out. */
const prefix = (term: string) => `"${term.replace(/"/g, '')}"*`;

export function ftsQuery(terms: QueryTerm[]): string {
  return terms.map((t) => `(${[t.stem, ...t.alternatives].map(prefix).join(' OR ')})`).join(' AND ');
}

/**
 * SQLite: FTS5 has no Dutch stemmer, so the index holds our own stems of
 * title and text (contentless: the text itself is in search_entries), and
 * an fts5vocab table lists every term for typo correction.
 */
export function sqliteStore(knex: Knex): SearchStore {
  return {
    client: 'sqlite',
    tagList: `(SELECT group_concat(t.kind || ':' || t.document_id, ' ') FROM search_entry_tags t WHERE t.entry_id = e.id)`,

    async ensure() {
      const statements = [
        `CREATE TABLE IF NOT EXISTS ${ENTRIES} (id INTEGER PRIMARY KEY, type TEXT NOT NULL, document_id TEXT NOT NULL, locale TEXT NOT NULL,
          slug TEXT, title TEXT NOT NULL, body TEXT NOT NULL, latitude REAL, longitude REAL, starts_at INTEGER, ends_at INTEGER,
          last_at INTEGER, free INTEGER, stage TEXT, published_at INTEGER, indexed_at INTEGER NOT NULL, ${AUDIENCE_COLUMN})`,
        ...entryIndexes,
        ...tagsTable('INTEGER'),
        `CREATE VIRTUAL TABLE IF NOT EXISTS ${FTS} USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61')`,
        `CREATE VIRTUAL TABLE IF NOT EXISTS ${VOCAB} USING fts5vocab(${FTS}, 'row')`,
      ];
      for (const sql of statements) await knex.raw(sql);
      // SQLite has no ADD COLUMN IF NOT EXISTS: look first.
      const columns = rowsOf(await knex.raw(`PRAGMA table_info(${ENTRIES})`)).map((c) => c.name);
      if (!columns.includes('audience')) await knex.raw(`ALTER TABLE ${ENTRIES} ADD COLUMN ${AUDIENCE_COLUMN}`);
    },

    async replace(trx, type, documentIds, docs, indexedAt) {
      const removed = await deleteEntries(trx, type, documentIds);
      if (removed.length) await trx.raw(`DELETE FROM ${FTS} WHERE rowid IN (${placeholders(removed.length)})`, removed);
      if (!docs.length) return;
      const row = `(${placeholders(ENTRY_COLUMNS.length)})`;
      const inserted = rowsOf(
        await trx.raw(
          `INSERT INTO ${ENTRIES} (${ENTRY_COLUMNS.join(', ')}) VALUES ${docs.map(() => row).join(', ')} RETURNING id, document_id, locale`,
          docs.flatMap((doc) => entryValues(doc, indexedAt))
        )
      );
      const idOf = new Map(inserted.map((r) => [`${r.document_id}:${r.locale}`, Number(r.id)]));
      await trx.raw(
        `INSERT INTO ${FTS} (rowid, title, body) VALUES ${docs.map(() => '(?, ?, ?)').join(', ')}`,
        docs.flatMap((doc) => [idOf.get(`${doc.documentId}:${doc.locale}`), indexTerms(doc.title), indexTerms(doc.body)])
      );
      await insertTags(trx, inserted, docs);
    },

    async afterRebuild() {
      await knex.raw(`INSERT INTO ${FTS} (${FTS}) VALUES ('optimize')`);
    },

    async lookupWords(words) {
      const stems = words.map((w) => stemDutch(fold(w)));
      const known = rowsOf(
        await knex.raw(
          stems.map(() => `SELECT EXISTS (SELECT 1 FROM ${FTS} WHERE ${FTS} MATCH ?) AS known`).join(' UNION ALL '),
          stems.map(prefix)
        )
      ).map((r) => Boolean(r.known));
      const unknown = stems.filter((stem, i) => !known[i] && typoBudget(words[i]) > 0);
      let vocabulary: string[] = [];
      if (unknown.length) {
        // Longer terms too (a typo may be in a prefix of a longer word), and shorter ones (an ending the typo kept on).
        const shortest = Math.min(...unknown.map((s) => s.length)) - 2 - LOOSE_ENDING;
        vocabulary = rowsOf(await knex.raw(`SELECT term FROM ${VOCAB} WHERE length(term) >= ? ORDER BY doc DESC`, [shortest])).map((r) => r.term);
      }
      return words.map((word, i): WordLookup => ({ word, stem: stems[i], known: known[i], candidates: known[i] ? [] : vocabulary }));
    },

    matching(terms) {
      if (!terms.length) {
        return { sql: `SELECT e.id, 0 AS score, 0 AS title_hit, e.starts_at, e.published_at FROM ${ENTRIES} e WHERE 1 = 1`, bindings: [] };
      }
      const query = ftsQuery(terms);
      return {
        sql: `SELECT e.id, -bm25(${FTS}, 10.0, 1.0) AS score,
            (e.id IN (SELECT rowid FROM ${FTS} WHERE ${FTS} MATCH ?)) AS title_hit, e.starts_at, e.published_at
          FROM ${FTS} JOIN ${ENTRIES} e ON e.id = ${FTS}.rowid
          WHERE ${FTS} MATCH ?`,
        bindings: [`{title} : (${query})`, query],
      };
    },
  };
}
