import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

const ROOT = path.resolve(__dirname, '../..');
const SAFE_SCHEMA = /^(test|ci)_[a-z0-9_]+$/;

export interface TestDatabase {
  client: 'sqlite' | 'postgres';
  describe: string;
  drop(): Promise<void>;
}

function pgConnection() {
  return process.env.DATABASE_URL
    ? { connectionString: process.env.DATABASE_URL }
    : {
        host: process.env.DATABASE_HOST || '127.0.0.1',
        port: Number(process.env.DATABASE_PORT || 5432),
        database: process.env.DATABASE_NAME || 'test',
        user: process.env.DATABASE_USERNAME || 'postgres',
        password: process.env.DATABASE_PASSWORD || undefined,
      };
}

async function withPg<T>(run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client(pgConnection());
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A database of the test run's own: a fresh SQLite file under .tmp/, or on
 * PostgreSQL a schema that is dropped and created anew (never `public`: only
 * names starting with test_ or ci_ are ever dropped).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const client = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';
  if (client === 'sqlite') {
    const filename = `.tmp/test-${process.pid}.db`;
    process.env.DATABASE_CLIENT = 'sqlite';
    process.env.DATABASE_FILENAME = filename;
    const files = ['', '-wal', '-shm', '-journal'].map((suffix) => path.join(ROOT, filename + suffix));
    const drop = async () => files.forEach((file) => fs.rmSync(file, { force: true }));
    await drop();
    return { client, describe: `sqlite ${filename}`, drop };
  }
  const schema = process.env.TEST_DATABASE_SCHEMA || `test_${process.pid}`;
  if (!SAFE_SCHEMA.test(schema)) throw new Error(`refusing to use schema "${schema}": tests only use test_* or ci_* schemas`);
  process.env.DATABASE_SCHEMA = schema;
  const drop = () => withPg((pg) => pg.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)).then(() => undefined);
  await drop();
  await withPg((pg) => pg.query(`CREATE SCHEMA "${schema}"`));
  return { client, describe: `postgres schema ${schema}`, drop };
}
