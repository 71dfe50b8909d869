import fs from 'node:fs';
import path from 'node:path';
import { env } from '@strapi/utils';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS script without types
const { fillSecrets } = require('../scripts/setup-env') as { fillSecrets: (text: string) => string };

const ROOT = path.resolve(__dirname, '..');

/** The environment of a fresh clone: .env.example with generated secrets, as `npm install` writes it. */
function freshCloneEnv(): Record<string, string> {
  const text = fillSecrets(fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8'));
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => /^[A-Z0-9_]+=/.test(line))
      .map((line) => {
        const [name, ...rest] = line.split('=');
        return [name, rest.join('=').replace(/^"(.*)"$/, '$1')];
      })
  );
}

// Config files and plugin configs are loaded by path, as Strapi does.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = (file: string) => require(path.join(ROOT, 'config', file)).default;
const evaluate = (config: any) => (typeof config === 'function' ? config({ env }) : config);

describe('configuration of a fresh clone', () => {
  const saved = { ...process.env };
  beforeAll(() => {
    for (const key of Object.keys(process.env)) if (/^(DATABASE|SMTP|MAIL|STAFF|FRONTEND|PUBLIC|ADMIN|REMINDER|EXPIRY|SUPPORT|TWO_FACTOR)_?/.test(key)) delete process.env[key];
    Object.assign(process.env, freshCloneEnv());
  });
  afterAll(() => {
    process.env = saved;
  });

  it('every plugin config passes its own validator, with empty optional settings', () => {
    const plugins = evaluate(load('plugins.ts'));
    const local = Object.entries(plugins).filter(([, entry]: [string, any]) => entry.resolve);
    expect(local.map(([name]) => name).sort()).toEqual(['bulk-import', 'content-expiry', 'idea-support', 'listing-reminders', 'moderation', 'outbox']);
    for (const [name, entry] of local as [string, any][]) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const pluginConfig = require(path.join(ROOT, 'plugins', name, 'server/src/config.ts')).default;
      expect(() => pluginConfig.validator({ ...pluginConfig.default, ...entry.config })).not.toThrow();
    }
    expect(plugins['idea-support'].config.notifyEmails).toEqual([]);
    expect(plugins['content-expiry'].config.manageUrl).toBe('http://localhost:1337/manage');
  });

  it('links point to an absolute URL and lists are empty, not [""]', () => {
    const settings = evaluate(load('buurtplein.ts'));
    expect(settings.frontendUrl).toBe('http://localhost:1337');
    expect(settings.staffEmails).toEqual([]);
    expect(settings.twoFactorRoles).toEqual([]);
    expect(Number.isInteger(settings.rateLimit.maxPerIp)).toBe(true);
    expect(settings.geocoder).toEqual({ url: '', timeoutMs: 5000 });
  });

  it('a GEOCODER_URL that is no http(s) URL stops the server at start, naming the setting', () => {
    for (const wrong of ['file:///etc/passwd?q={query}', 'api.pdok.nl/free?q={query}']) {
      process.env.GEOCODER_URL = wrong;
      expect(() => evaluate(load('buurtplein.ts'))).toThrow(`GEOCODER_URL must be an http(s) URL, not "${wrong}"`);
    }
    process.env.GEOCODER_URL = 'https://api.pdok.nl/bzk/locatieserver/search/v3_1/free?rows=5&q={query}';
    expect(evaluate(load('buurtplein.ts')).geocoder.url).toBe(process.env.GEOCODER_URL);
    delete process.env.GEOCODER_URL;
  });

  it('a CACHE_INVALIDATION other than scoped or everything stops the server at start', () => {
    process.env.CACHE_INVALIDATION = 'alles';
    expect(() => evaluate(load('buurtplein.ts'))).toThrow('CACHE_INVALIDATION must be scoped or everything, not "alles"');
    process.env.CACHE_INVALIDATION = 'everything';
    expect(evaluate(load('buurtplein.ts')).cache.invalidation).toBe('everything');
    delete process.env.CACHE_INVALIDATION;
  });

  it('caches in memory, and with CORS_ORIGINS empty lets any origin read without credentials', () => {
    const { cache } = evaluate(load('buurtplein.ts'));
    expect(cache).toEqual({ enabled: true, ttlSeconds: 300, maxEntries: 5000, maxBytes: 67108864, redisUrl: '', invalidation: 'scoped', maxAgeSeconds: 60, staleWhileRevalidateSeconds: 300 });
    const cors = evaluate(load('middlewares.ts')).find((entry: any) => entry.name === 'strapi::cors');
    expect(cors.config.origin).toBe('*');
    // No FRONTEND_URL in a fresh clone (the CMS serves the site on its own origin): no other origin gets credentials.
    for (const origin of ['https://evil.example', 'http://localhost:1337', '']) expect(cors.config.credentials({ get: () => origin })).toBe(false);
  });

  it('server, database and admin settings are complete', () => {
    const server = evaluate(load('server.ts'));
    expect(server.app.keys).toHaveLength(4);
    expect(server.port).toBe(1337);
    const database = evaluate(load('database.ts'));
    expect(database.connection.client).toBe('sqlite');
    const admin = evaluate(load('admin.ts'));
    expect(admin.auth.secret).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
  });

  it("turns PostgreSQL's JIT off for the app's connections unless DATABASE_JIT=true", () => {
    const postgres = (extra: Record<string, string>) => {
      const env = { DATABASE_CLIENT: 'postgres', DATABASE_URL: 'postgres://app@db.internal:5432/town', ...extra };
      Object.assign(process.env, env);
      try {
        return evaluate(load('database.ts')).connection.connection;
      } finally {
        for (const key of Object.keys(env)) delete process.env[key];
      }
    };
    expect(postgres({}).options).toBe('-c jit=off');
    expect(postgres({ DATABASE_JIT: 'true' }).options).toBeUndefined();
  });
});
