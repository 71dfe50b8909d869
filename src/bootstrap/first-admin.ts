import type { Core } from '@strapi/strapi';

/**
 * With ADMIN_EMAIL and ADMIN_PASSWORD set, staff can log in on first start
 * without the registration screen, in Dutch. Never touches an existing admin.
 */
export async function ensureFirstAdmin(strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env) {
  const email = env.ADMIN_EMAIL?.trim();
  const password = env.ADMIN_PASSWORD;
  if (!email || !password) return;
  const users = strapi.service('admin::user');
  if (await users.exists()) return;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  if (!superAdmin) throw new Error('[buurtplein] the Super Admin role is missing; cannot create the first admin');
  await users.create({
    email: email.toLowerCase(),
    password,
    firstname: env.ADMIN_FIRSTNAME || 'Admin',
    lastname: env.ADMIN_LASTNAME || 'Buurtplein',
    isActive: true,
    registrationToken: null,
    // The admin panel in the town's language; each person can switch in their profile.
    preferedLanguage: 'nl',
    roles: [superAdmin.id],
  });
  strapi.log.info(`[buurtplein] created the first admin user ${email.toLowerCase()}`);
}
