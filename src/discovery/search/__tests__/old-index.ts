import type { Knex } from 'knex';
import { ENTRIES, rowsOf } from '../store';

// The search index as issue #8 made it: no audience column yet.
const OLD_TABLE = `CREATE TABLE ${ENTRIES} (id integer PRIMARY KEY, type varchar(20) NOT NULL, document_id varchar(255) NOT NULL, locale varchar(10) NOT NULL,
  slug varchar(255), title text NOT NULL, body text NOT NULL, latitude real, longitude real, starts_at bigint, ends_at bigint, last_at bigint,
  free smallint, stage varchar(20), published_at bigint, indexed_at bigint NOT NULL)`;
const OLD_ROW = `INSERT INTO ${ENTRIES} (id, type, document_id, locale, title, body, indexed_at) VALUES (1, 'activity', 'abc', 'nl', 'Wandelen', 'In het park', 1)`;

/** An index built before the knowledge base gains the audience column on start-up, and what it held stays public. */
export async function upgrades(knex: Knex, ensure: () => Promise<void>, tsvector = false) {
  await knex.raw(tsvector ? OLD_TABLE.replace(/\)$/, `, document tsvector NOT NULL DEFAULT ''::tsvector)`) : OLD_TABLE);
  await knex.raw(OLD_ROW);
  await ensure();
  await ensure(); // and again on the next start: nothing to do
  expect(rowsOf(await knex.raw(`SELECT audience FROM ${ENTRIES}`))).toEqual([{ audience: 'public' }]);
}
