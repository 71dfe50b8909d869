// SQLite's half is audience-column.suite.ts: better-sqlite3 loaded by a unit test breaks
// unique-constraint errors of the Strapi that later files of the same jest process boot.
import knexFactory from 'knex';
import { postgresStore } from '../postgres-store';
import { upgrades } from './old-index';

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
