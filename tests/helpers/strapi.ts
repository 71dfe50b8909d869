import type { Core } from '@strapi/strapi';
import { compileStrapi, createStrapi } from '@strapi/strapi';
import { createTestDatabase, type TestDatabase } from './database';

let instance: Core.Strapi | undefined;
let database: TestDatabase | undefined;

/** Boots the real app once for the whole run, on a database of its own. */
export async function startStrapi(): Promise<Core.Strapi> {
  if (instance) return instance;
  process.env.NODE_ENV = 'test';
  process.env.SEED_DEMO_DATA = 'false';
  process.env.LOG_STARTUP = 'false';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
  delete process.env.ADMIN_EMAIL;
  delete process.env.ADMIN_PASSWORD;
  database = await createTestDatabase();
  const app = await compileStrapi();
  instance = await createStrapi({ ...app, autoReload: false, serveAdminPanel: false }).load();
  await instance.server.mount();
  return instance;
}

export async function stopStrapi() {
  if (instance) await instance.destroy();
  instance = undefined;
  if (database) await database.drop();
  database = undefined;
}

/** The running instance, for suites; only valid inside tests. */
export function strapi(): Core.Strapi {
  if (!instance) throw new Error('Strapi is not started: suites run from tests/integration.test.ts');
  return instance;
}

export const databaseClient = () => (process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite');
