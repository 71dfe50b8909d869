import knexFactory, { type Knex } from 'knex';
import { postgresStore } from '../postgres-store';
import { sqliteStore } from '../sqlite-store';
import { ENTRIES, rowsOf } from '../store';

// The search index as issue #8 made it: no audience column yet.
const OLD_TABLE = `CREATE TABLE ${ENTRIES} (id integer PRIMARY KEY, type varchar(20) NOT NULL, document_id varchar(255) NOT NULL, locale varchar(10) NOT NULL,
  slug varchar(255), title text NOT NULL, body text NOT NULL, latitude real, longitude real, starts_at bigint, ends_at bigint, last_at bigint,
  free smallint, stage varchar(20), published_at bigint, indexed_at bigint NOT NULL)`;
const OLD_ROW = `INSERT INTO ${ENTRIES} (id, type, document_id, locale, title, body, indexed_at) VALUES (1, 'activity', 'abc', 'nl', 'Wandelen', 'In het park', 1)`;

/** An index built before the knowledge base gains the audience column on start-up, and what it held stays public. */
async function upgrades(knex: Knex, ensure: () => Promise<void>, tsvector = false) {
  await knex.raw(tsvector ? OLD_TABLE.replace(/\)$/, `, document tsvector NOT NULL DEFAULT ''::tsvector)`) : OLD_TABLE);
  await knex.raw(OLD_ROW);
  await ensure();
  await ensure(); // and again on the next start: nothing to do
  expect(rowsOf(await knex.raw(`SELECT audience FROM ${ENTRIES}`))).toEqual([{ audience: 'public' }]);
}

test('SQLite: an index without the audience column gets it, its rows public', async () => {
  const knex = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  try {
    await upgrades(knex, () => sqliteStore(knex).ensure());
  } finally {
    await knex.destroy();
  }
});

test('PostgreSQL: an index without the audience column gets it, its rows public', async () => {
  const schema = `audience_upgrade_${process.pid}`;
  const admin = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test' });
  await admin.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test', searchPath: [schema], pool: { min: 1, max: 1 } });
  try {
    const strapi = { log: { warn: () => undefined } } as never;
    await upgrades(knex, () => postgresStore(strapi, knex).ensure(), true);
  } finally {
    await knex.destroy();
    await admin.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.destroy();
  }
});
