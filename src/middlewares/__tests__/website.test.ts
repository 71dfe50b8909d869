import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Koa from 'koa';
import request from 'supertest';
import website, { siteFile } from '../website';

/** A built site in a temporary folder, next to a secret that must never be served. */
function builtSite() {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'website-'));
  const root = path.join(parent, 'dist');
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  write('index.html', '<h1>kaart</h1>');
  write('login/email/index.html', '<h1>inloggen</h1>');
  write('assets/app-abc123.js', 'console.log(1)');
  fs.writeFileSync(path.join(parent, 'secret.env'), 'APP_KEYS=x');
  return { root, parent };
}

const warnings: string[] = [];
const strapi = { log: { warn: (message: string) => warnings.push(message) } } as any;

/** The middleware in front of a stand-in router: /api/known answers, the rest of /api is a JSON 404. */
function appWith(config: { enabled: boolean; dir: string }) {
  const app = new Koa();
  app.use(website(config, { strapi }));
  app.use((ctx) => {
    if (ctx.path === '/') return ctx.redirect('/admin');
    if (ctx.path === '/api/known') ctx.body = { data: 'api' };
    else if (ctx.path.startsWith('/api/')) {
      ctx.status = 404;
      ctx.body = { data: null, error: { status: 404, name: 'NotFoundError', message: 'Not Found' } };
    }
  });
  return app.callback();
}

describe('the website the CMS serves without FRONTEND_URL', () => {
  const { root, parent } = builtSite();
  afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

  it('answers the mail link /login/email?token=… with the login page, and / with the map', async () => {
    const app = appWith({ enabled: true, dir: root });
    const login = await request(app).get('/login/email?token=abc').expect(200);
    expect(login.headers['content-type']).toMatch(/^text\/html/);
    expect(login.text).toBe('<h1>inloggen</h1>');
    expect(login.headers['cache-control']).toBe('no-cache');
    expect(login.headers['content-security-policy']).toMatch(/img-src 'self' data: blob: https:/);
    expect((await request(app).get('/').expect(200)).text).toBe('<h1>kaart</h1>');
    const asset = await request(app).get('/assets/app-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('never hides an API answer, found or not', async () => {
    const app = appWith({ enabled: true, dir: root });
    expect((await request(app).get('/api/known').expect(200)).body).toEqual({ data: 'api' });
    expect((await request(app).get('/api/unknown').expect(404)).body.error.name).toBe('NotFoundError');
    await request(app).post('/login/email').expect(404);
  });

  it.each(['/../secret.env', '/%2e%2e/secret.env', '/assets/..%2f..%2fsecret.env', '/%00index.html', '/%E0%A4%A'])('serves nothing outside its folder: %s', async (target) => {
    expect(siteFile(root, target)).toBeNull();
    const res = await request(appWith({ enabled: true, dir: root })).get(target);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('APP_KEYS');
  });

  it('is off when FRONTEND_URL is set, and says so when it should serve a site that is not built', async () => {
    await request(appWith({ enabled: false, dir: root })).get('/login/email?token=abc').expect(404);
    expect((await request(appWith({ enabled: false, dir: root })).get('/')).status).toBe(302);
    expect(warnings).toEqual([]);
    await request(appWith({ enabled: true, dir: path.join(parent, 'missing') })).get('/login/email').expect(404);
    expect(warnings).toEqual([expect.stringContaining('npm run frontend:build')]);
  });
});
