import knexFactory, { type Knex } from 'knex';
import { claimRow, sqlNames, type StrapiDatabase } from '..';

/**
 * The kit against a real PostgreSQL (in a schema of its own, as
 * DATABASE_SCHEMA puts Strapi's tables). Strapi's metadata is the one part
 * written here: the table and column names it would hold.
 *
 * SQLite is not opened here: `npm test` runs every file in one process, and
 * better-sqlite3's native addon is shared by all of them but initialised by
 * the first file that loads it, with that file's error class. Opened here
 * first, it made the app's SQLite report no unique-constraint error later.
 * claimRow on SQLite is tested where the app uses it: run slots
 * (content-expiry, listing-reminders), the send log, and 200 concurrent
 * supporters (idea-support), all on a real SQLite database.
 */
const UID = 'plugin::kit-test.run';
const ATTRIBUTES = { documentId: 'document_id', createdAt: 'created_at', updatedAt: 'updated_at', slot: 'slot', status: 'status' };

function database(knex: Knex, schema?: string): StrapiDatabase {
  const attributes = Object.fromEntries(Object.entries(ATTRIBUTES).map(([name, columnName]) => [name, { columnName }]));
  return {
    db: {
      metadata: { get: (uid: string) => (uid === UID ? { tableName: 'kit_runs', attributes } : (undefined as never)) },
      connection: knex,
      getSchemaName: () => schema,
    },
  };
}

async function createTable(knex: Knex, schema?: string) {
  const builder = schema ? knex.schema.withSchema(schema) : knex.schema;
  await builder.createTable('kit_runs', (table) => {
    table.increments('id');
    table.string('document_id');
    table.string('slot').unique();
    table.string('status');
    table.datetime('created_at');
    table.datetime('updated_at');
  });
}

const pgSchema = `test_kit_${process.pid}`;
const setups: [string, () => Promise<{ knex: Knex; strapi: StrapiDatabase; done: () => Promise<void> }>][] = [
  [
    'PostgreSQL',
    async () => {
      const knex = knexFactory({ client: 'pg', connection: process.env.KIT_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test' });
      await knex.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [pgSchema]);
      await knex.raw('CREATE SCHEMA ??', [pgSchema]);
      await createTable(knex, pgSchema);
      return {
        knex,
        strapi: database(knex, pgSchema),
        done: async () => {
          await knex.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [pgSchema]);
          await knex.destroy();
        },
      };
    },
  ],
];

describe.each(setups)('claimRow on %s', (_name, setup) => {
  let knex: Knex;
  let strapi: StrapiDatabase;
  let done: () => Promise<void>;
  beforeAll(async () => {
    ({ knex, strapi, done } = await setup());
  });
  afterAll(async () => done());

  const rows = () => sqlNames(strapi).table(knex, UID).select('slot', 'status', 'document_id');

  it('gives the id to exactly one of many who claim the same slot at once', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => claimRow(strapi, UID, { slot: 'daily:2026-12-03', status: 'running' }, ['slot'])));
    const winners = results.filter((id) => id !== null);
    expect(winners).toHaveLength(1);
    expect(Number.isInteger(winners[0])).toBe(true);
    const stored = await rows().where('slot', 'daily:2026-12-03');
    expect(stored).toEqual([{ slot: 'daily:2026-12-03', status: 'running', document_id: expect.stringMatching(/^[0-9a-f]{24}$/) }]);
  });

  it('claims different slots independently', async () => {
    const ids = await Promise.all(['a', 'b'].map((slot) => claimRow(strapi, UID, { slot, status: 'running' }, ['slot'])));
    expect(ids.every((id) => id !== null) && ids[0] !== ids[1]).toBe(true);
  });

  it('inside a transaction that rolls back, claims nothing', async () => {
    await expect(
      knex.transaction(async (trx) => {
        expect(await claimRow(strapi, UID, { slot: 'rolled-back', status: 'running' }, ['slot'], trx)).not.toBeNull();
        throw new Error('undo');
      })
    ).rejects.toThrow('undo');
    expect(await rows().where('slot', 'rolled-back')).toEqual([]);
    expect(await claimRow(strapi, UID, { slot: 'rolled-back', status: 'running' }, ['slot'])).not.toBeNull();
  });

  it('names an attribute the type does not have, instead of writing a wrong column', async () => {
    await expect(claimRow(strapi, UID, { sloth: 'x' }, ['slot'])).rejects.toThrow(`${UID} has no attribute "sloth"`);
  });
});
