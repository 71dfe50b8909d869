import knexFactory from 'knex';
import { sqliteStore } from '../sqlite-store';
import { upgrades } from './old-index';

/**
 * SQLite's half of audience-column.test.ts, run with the integration suites:
 * better-sqlite3 must be loaded in the same jest module registry as the
 * Strapi under test (loaded by an earlier unit test file, it broke that
 * Strapi's unique-constraint errors). Its own in-memory database.
 */
test('SQLite: an index without the audience column gets it, its rows public', async () => {
  const knex = knexFactory({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
  try {
    await upgrades(knex, () => sqliteStore(knex).ensure());
  } finally {
    await knex.destroy();
  }
});
