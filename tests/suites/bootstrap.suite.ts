import http from 'node:http';
import { ensureFirstAdmin } from '../../src/bootstrap/first-admin';
import { ensureLocales } from '../../src/bootstrap/locales';
import { grantRolePermissions, PUBLIC_ACTIONS } from '../../src/bootstrap/permissions';
import { api, createDocument, unique } from '../helpers/fixtures';
import { baseUrl, strapi } from '../helpers/strapi';

describe('bootstrap', () => {
  it('has nl as default locale and en', async () => {
    const locales = strapi().plugin('i18n').service('locales');
    expect(await locales.getDefaultLocale()).toBe('nl');
    const codes = (await locales.find()).map((l: { code: string }) => l.code).sort();
    expect(codes).toEqual(expect.arrayContaining(['en', 'nl']));
    await ensureLocales(strapi());
    expect((await locales.find()).length).toBe(codes.length);
  });

  it('grants public read permissions once, however often it runs', async () => {
    const role = await strapi().db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const count = () =>
      strapi().db.query('plugin::users-permissions.permission').count({ where: { role: role.id, action: { $in: PUBLIC_ACTIONS } } });
    expect(await count()).toBe(PUBLIC_ACTIONS.length);
    await grantRolePermissions(strapi());
    await grantRolePermissions(strapi());
    expect(await count()).toBe(PUBLIC_ACTIONS.length);
  });

  it('every granted action exists as a route, so the public API actually answers', async () => {
    for (const path of ['activities', 'categories', 'initiatives', 'neighbourhoods', 'organisations', 'subsidies']) {
      await api().get(`/api/${path}`).expect(200);
    }
  });

  it('creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD, once', async () => {
    // A first start has no admins; suites that ran before this one made theirs, and are done with them.
    await strapi().db.query('admin::user').deleteMany({ where: { id: { $notNull: true } } });
    const email = `${unique('admin')}@staff.example`;
    const users = strapi().service('admin::user');
    await ensureFirstAdmin(strapi(), { ADMIN_EMAIL: email.toUpperCase(), ADMIN_PASSWORD: 'Staff-Passw0rd' });
    const admin = await strapi().db.query('admin::user').findOne({ where: { email }, populate: ['roles'] });
    expect(admin).toMatchObject({ email, isActive: true, preferedLanguage: 'nl' });
    expect(admin.roles.map((r: { code: string }) => r.code)).toContain('strapi-super-admin');
    expect(await users.exists()).toBe(true);

    await ensureFirstAdmin(strapi(), { ADMIN_EMAIL: `other-${email}`, ADMIN_PASSWORD: 'Staff-Passw0rd' });
    expect(await strapi().db.query('admin::user').count({ where: { email: `other-${email}` } })).toBe(0);

    const login = await api().post('/admin/login').send({ email, password: 'Staff-Passw0rd' }).expect(200);
    expect(login.body.data.token).toEqual(expect.any(String));
  });

  it('loaded our own plugins', () => {
    expect(strapi().plugin('idea-support')).toBeDefined();
  });
});

describe('archived items are never published', () => {
  const uid = 'api::activity.activity';

  it('unpublishes an item the moment archivedAt is set', async () => {
    const activity = await createDocument(uid, { title: 'Archive me', slug: unique('archive-me') });
    await api().get(`/api/activities/${activity.documentId}`).expect(200);
    await strapi().documents(uid).update({ documentId: activity.documentId, locale: 'nl', data: { archivedAt: new Date() } } as any);
    await api().get(`/api/activities/${activity.documentId}`).expect(404);
    const published = await strapi().documents(uid).findOne({ documentId: activity.documentId, status: 'published' });
    expect(published).toBeNull();
  });

  it('refuses to publish an archived item until it is restored', async () => {
    const activity = await createDocument(uid, { title: 'Archived draft', slug: unique('archived'), archivedAt: new Date() }, 'draft');
    await expect(strapi().documents(uid).publish({ documentId: activity.documentId, locale: 'nl' })).rejects.toThrow(/archived/);
    await strapi().documents(uid).update({ documentId: activity.documentId, locale: 'nl', data: { archivedAt: null } } as any);
    await strapi().documents(uid).publish({ documentId: activity.documentId, locale: 'nl' });
    await api().get(`/api/activities/${activity.documentId}`).expect(200);
  });

  it('creating an archived item as published leaves only a draft', async () => {
    const activity = await createDocument(uid, { title: 'Born archived', slug: unique('born'), archivedAt: new Date() });
    await api().get(`/api/activities/${activity.documentId}`).expect(404);
  });
});

describe('behind a load balancer', () => {
  it('keeps an idle connection open longer than Node\'s 5 s, so a balancer reusing it gets an answer', async () => {
    const server = strapi().server.httpServer;
    expect(server.keepAliveTimeout).toBe(65_000);
    expect(server.headersTimeout).toBeGreaterThan(server.keepAliveTimeout);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise<{ status: number; socket: unknown }>((resolve, reject) => {
        const request = http.get(`${baseUrl()}/_health`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, socket: request.socket }));
        });
        request.on('error', reject);
      });
    try {
      const first = await get();
      await new Promise((r) => setTimeout(r, 6000));
      const second = await get();
      expect([first.status, second.status]).toEqual([204, 204]);
      expect(second.socket).toBe(first.socket); // the same connection, still open after 6 s idle
    } finally {
      agent.destroy();
    }
  }, 15_000);
});
