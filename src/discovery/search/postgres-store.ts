import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import {
  AUDIENCE_COLUMN, deleteEntries, ENTRIES, ENTRY_COLUMNS, entryIndexes, entryValues, insertTags, placeholders, rowsOf, tagsTable,
  type QueryTerm, type SearchStore, type WordLookup,
} from './store';
import { words } from './words';

const WORDS = 'search_words';

/** Text-search configuration per locale: Dutch stemming and stop words for nl, English for en. */
export const configOf = (locale: string) => (locale === 'en' ? 'english' : 'dutch');

/** PostgreSQL's parser reads markup as tags and skips it (a "<script>" title would lose its words): give it the words only, as SQLite gets them. */
const wordsOnly = (text: string) => words(text).map((w) => w.text).join(' ');

const lexeme = (term: string) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}':*`;

export function tsQuery(terms: QueryTerm[]): string {
  return terms.map((t) => `(${[t.stem, ...t.alternatives].map(lexeme).join(' | ')})`).join(' & ');
}

/** Where pg_trgm lives. An extension is installed once per database, in one schema (often not ours). */
async function trigramSchema(knex: Knex): Promise<string | null> {
  const found = rowsOf(
    await knex.raw(`SELECT n.nspname AS schema FROM pg_extension x JOIN pg_namespace n ON n.oid = x.extnamespace WHERE x.extname = 'pg_trgm'`)
  );
  return found[0]?.schema ?? null;
}

/**
 * PostgreSQL: a tsvector per entry (title weight A, text weight B) with a
 * GIN index, and a word list (the lexemes of all entries) with a pg_trgm
 * index to correct typos. pg_trgm is created in `public` when missing and
 * always called schema-qualified, because Strapi's search_path holds only
 * its own schema (e.g. a test schema).
 */
export function postgresStore(strapi: Core.Strapi, knex: Knex): SearchStore {
  let trgm: string | null = null;
  const op = (name: string) => `OPERATOR("${trgm}".${name})`;

  return {
    client: 'postgres',
    tagList: `(SELECT string_agg(t.kind || ':' || t.document_id, ' ') FROM search_entry_tags t WHERE t.entry_id = e.id)`,

    async ensure() {
      trgm = await trigramSchema(knex);
      if (!trgm) {
        try {
          await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public');
        } catch (error) {
          strapi.log.warn(`[search] pg_trgm is not available (${(error as Error).message}): search works without typo tolerance`);
        }
        trgm = await trigramSchema(knex);
      }
      const statements = [
        `CREATE TABLE IF NOT EXISTS ${ENTRIES} (id bigserial PRIMARY KEY, type varchar(20) NOT NULL, document_id varchar(255) NOT NULL,
          locale varchar(10) NOT NULL, slug varchar(255), title text NOT NULL, body text NOT NULL, latitude double precision,
          longitude double precision, starts_at bigint, ends_at bigint, last_at bigint, free smallint, stage varchar(20),
          published_at bigint, indexed_at bigint NOT NULL, document tsvector NOT NULL, ${AUDIENCE_COLUMN})`,
        `ALTER TABLE ${ENTRIES} ADD COLUMN IF NOT EXISTS ${AUDIENCE_COLUMN}`,
        ...entryIndexes,
        `CREATE INDEX IF NOT EXISTS ${ENTRIES}_text ON ${ENTRIES} USING gin (document)`,
        ...tagsTable('bigint'),
        // COLLATE "C" lets the primary key's btree answer `word LIKE 'stem%'`.
        `CREATE TABLE IF NOT EXISTS ${WORDS} (locale varchar(10) NOT NULL, word text COLLATE "C" NOT NULL, PRIMARY KEY (locale, word))`,
        ...(trgm ? [`CREATE INDEX IF NOT EXISTS ${WORDS}_similar ON ${WORDS} USING gin (word "${trgm}".gin_trgm_ops)`] : []),
      ];
      // Several instances may start at once; CREATE ... IF NOT EXISTS is not safe against itself.
      await knex.transaction(async (trx) => {
        await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('buurtplein-search-schema'))`);
        for (const sql of statements) await trx.raw(sql);
      });
    },

    async replace(trx, type, documentIds, docs, indexedAt) {
      await deleteEntries(trx, type, documentIds);
      if (!docs.length) return;
      const row = `(${placeholders(ENTRY_COLUMNS.length)}, setweight(to_tsvector(?::regconfig, ?), 'A') || setweight(to_tsvector(?::regconfig, ?), 'B'))`;
      const inserted = rowsOf(
        await trx.raw(
          `INSERT INTO ${ENTRIES} (${ENTRY_COLUMNS.join(', ')}, document) VALUES ${docs.map(() => row).join(', ')} RETURNING id, document_id, locale`,
          docs.flatMap((doc) => [...entryValues(doc, indexedAt), configOf(doc.locale), wordsOnly(doc.title), configOf(doc.locale), wordsOnly(doc.body)])
        )
      );
      await insertTags(trx, inserted, docs);
      const ids = inserted.map((r) => Number(r.id));
      await trx.raw(
        `INSERT INTO ${WORDS} (locale, word) SELECT DISTINCT e.locale, w.lexeme FROM ${ENTRIES} e CROSS JOIN LATERAL unnest(e.document) AS w
          WHERE e.id IN (${placeholders(ids.length)}) ON CONFLICT DO NOTHING`,
        ids
      );
    },

    async afterRebuild() {
      // Words of changed or removed texts linger between rebuilds (harmless: they only widen typo matching); a rebuild starts afresh.
      await knex.transaction(async (trx) => {
        await trx.raw(`DELETE FROM ${WORDS}`);
        await trx.raw(`INSERT INTO ${WORDS} (locale, word) SELECT DISTINCT e.locale, w.lexeme FROM ${ENTRIES} e CROSS JOIN LATERAL unnest(e.document) AS w`);
      });
      await knex.raw(`ANALYZE ${ENTRIES}, search_entry_tags, ${WORDS}`);
    },

    async lookupWords(words, locale) {
      const similar = trgm
        ? // word %> stem: the stem resembles some part of the word, so typos in prefixes of longer words are found too;
          // word <% stem: the word resembles part of the stem, when a typo in an ending kept the stemmer from removing it.
          `ARRAY(SELECT w.word FROM ${WORDS} w WHERE w.locale = ? AND (w.word ${op('%>')} k.stem OR w.word ${op('<%')} k.stem)
             ORDER BY least(w.word ${op('<->>')} k.stem, w.word ${op('<<->')} k.stem), length(w.word) LIMIT 8)`
        : `ARRAY[]::text[]`;
      const rows = rowsOf(
        await knex.raw(
          `SELECT k.word, k.stem, k.known, CASE WHEN k.known OR k.stem IS NULL THEN ARRAY[]::text[] ELSE ${similar} END AS candidates
           FROM (
             SELECT q.word, q.stem, q.n, (q.stem IS NOT NULL AND EXISTS (SELECT 1 FROM ${WORDS} w WHERE w.locale = ? AND w.word LIKE q.stem || '%')) AS known
             FROM (
               SELECT t.word, t.n, (SELECT s.lexeme FROM unnest(to_tsvector(?::regconfig, t.word)) AS s LIMIT 1) AS stem
               FROM unnest(string_to_array(?, ' ')) WITH ORDINALITY AS t(word, n)
             ) q
           ) k ORDER BY k.n`,
          [...(trgm ? [locale] : []), locale, configOf(locale), words.join(' ')]
        )
      );
      return rows.map((r): WordLookup => ({ word: r.word, stem: r.stem, known: Boolean(r.known), candidates: r.candidates ?? [] }));
    },

    matching(terms) {
      if (!terms.length) {
        return { sql: `SELECT e.id, 0 AS score, false AS title_hit, e.starts_at, e.published_at FROM ${ENTRIES} e WHERE true`, bindings: [] };
      }
      return {
        sql: `SELECT e.id, ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', e.document, q.query) AS score,
            (ts_filter(e.document, '{a}') @@ q.query) AS title_hit, e.starts_at, e.published_at
          FROM ${ENTRIES} e, (SELECT ?::tsquery AS query) q
          WHERE e.document @@ q.query`,
        bindings: [tsQuery(terms)],
      };
    },
  };
}
