import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import { compileStrapi, createStrapi } from '@strapi/strapi';
import { createTestDatabase, type TestDatabase } from './database';
import { startMailSink, type MailSink } from './mail-sink';

let instance: Core.Strapi | undefined;
let database: TestDatabase | undefined;
let sink: MailSink | undefined;
let url: string | undefined;

export const FRONTEND_URL = 'http://frontend.test';

/** Boots the real app once for the whole run, on a database of its own. */
export async function startStrapi(): Promise<Core.Strapi> {
  if (instance) return instance;
  process.env.NODE_ENV = 'test';
  process.env.SEED_DEMO_DATA = 'false';
  process.env.LOG_STARTUP = 'false';
  process.env.CRON_ENABLED = 'false';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
  delete process.env.ADMIN_EMAIL;
  delete process.env.ADMIN_PASSWORD;
  // A real SMTP server in this process: tests read links out of the mails.
  sink = await startMailSink();
  Object.assign(process.env, {
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
    SMTP_USERNAME: '',
    FRONTEND_URL,
    // Only the website may call the API from a browser (the cache suite checks CORS).
    CORS_ORIGINS: FRONTEND_URL,
    // Trust X-Forwarded-For so rate-limit tests can act as different IPs.
    IS_PROXIED: 'true',
    // High by default; the rate-limit suite lowers them for its own scope of requests.
    RATE_LIMIT_MAX_PER_IP: '10000',
    RATE_LIMIT_MAX_PER_EMAIL: '1000',
    // Small, so a test can go past it without writing a large file.
    UPLOAD_MAX_MB: '4',
  });
  database = await createTestDatabase();
  const app = await compileStrapi();
  // Scripts the suites start (second instances, CLIs) load this build instead of compiling again.
  process.env.STRAPI_PRECOMPILED = 'true';
  instance = await createStrapi({ ...app, autoReload: false, serveAdminPanel: false }).load();
  await instance.server.mount();
  // Listen once: supertest on an idle server listens and closes per request, which breaks concurrent requests.
  const server = instance.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return instance;
}

export async function stopStrapi() {
  if (instance) await instance.destroy();
  instance = undefined;
  if (database) await database.drop();
  database = undefined;
  if (sink) await sink.stop();
  sink = undefined;
}

/** Where the test server listens (loopback). */
export function baseUrl(): string {
  if (!url) throw new Error('Strapi is not started');
  return url;
}

export function mailSink(): MailSink {
  if (!sink) throw new Error('The mail sink is not started');
  return sink;
}

/** The running instance, for suites; only valid inside tests. */
export function strapi(): Core.Strapi {
  if (!instance) throw new Error('Strapi is not started: suites run from tests/integration.test.ts');
  return instance;
}

export const databaseClient = () => (process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite');
