import path from 'node:path';
import Koa from 'koa';
import request from 'supertest';
import { env } from '@strapi/utils';

/** CORS as a fresh install configures it: CORS_ORIGINS empty (#14.12). */

const ROOT = path.resolve(__dirname, '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const middlewares = (): any[] => require(path.join(ROOT, 'config', 'middlewares.ts')).default({ env });
// Strapi's own strapi::cors middleware (not exported by name; its file is).
const CORE = path.dirname(require.resolve('@strapi/core/package.json'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const strapiCors = require(path.join(CORE, 'dist/middlewares/cors.js')).cors as (config: object) => Koa.Middleware;

function appWith(settings: { CORS_ORIGINS: string; FRONTEND_URL?: string }) {
  const saved = { CORS_ORIGINS: process.env.CORS_ORIGINS, FRONTEND_URL: process.env.FRONTEND_URL };
  Object.assign(process.env, { FRONTEND_URL: '', ...settings });
  try {
    const entry = middlewares().find((m) => (typeof m === 'string' ? m : m.name) === 'strapi::cors');
    const app = new Koa();
    app.use(strapiCors(entry.config ?? {}));
    app.use((ctx) => {
      ctx.body = { jwt: 'x' };
    });
    return app.callback();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

describe('CORS', () => {
  it('with no origins and no FRONTEND_URL, any site may read but none gets credentials', async () => {
    const app = appWith({ CORS_ORIGINS: '' });
    const res = await request(app).post('/api/auth/refresh').set('Origin', 'https://evil.example').set('Cookie', 'strapi_up_refresh=abc');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await request(app).options('/api/auth/refresh').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined();
    expect((await request(app).get('/api/activities').set('Origin', 'https://any.example')).headers['access-control-allow-origin']).toBeDefined();
  });

  it('with origins listed, only those get credentials', async () => {
    const app = appWith({ CORS_ORIGINS: 'https://site.example, https://oost.example' });
    const listed = await request(app).post('/api/auth/refresh').set('Origin', 'https://oost.example');
    expect(listed.headers).toMatchObject({ 'access-control-allow-origin': 'https://oost.example', 'access-control-allow-credentials': 'true' });
    const other = await request(app).post('/api/auth/refresh').set('Origin', 'https://evil.example');
    expect(other.headers['access-control-allow-origin']).toBeFalsy();
    expect(other.headers['access-control-allow-credentials']).toBeUndefined();
  });

  it('with no origins listed, the town site in FRONTEND_URL keeps its login cookie and no other site gets it', async () => {
    const app = appWith({ CORS_ORIGINS: '', FRONTEND_URL: 'https://buurtplein.example/site/' });
    const site = await request(app).post('/api/auth/refresh').set('Origin', 'https://buurtplein.example');
    expect(site.headers).toMatchObject({ 'access-control-allow-origin': 'https://buurtplein.example', 'access-control-allow-credentials': 'true' });
    const preflight = await request(app)
      .options('/api/auth/refresh')
      .set('Origin', 'https://buurtplein.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(preflight.headers['access-control-allow-credentials']).toBe('true');
    for (const origin of ['https://evil.example', 'http://buurtplein.example', 'https://buurtplein.example.evil.example']) {
      const other = await request(app).post('/api/auth/refresh').set('Origin', origin);
      expect(other.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });
});
