import type { Core } from '@strapi/strapi';

/**
 * Admin actions a town's staff never need: content types live in code
 * (src/api/…/schema.json) and plugins are installed with npm, so the
 * Content-Type Builder (read-only outside `strapi develop` anyway) and the
 * Marketplace link only distract. Without these actions Strapi leaves both
 * out of the menu and refuses their routes.
 */
export const DEVELOPER_ONLY_ACTIONS = ['admin::marketplace.read', 'plugin::content-type-builder.read'];

/** `strapi develop` keeps them for developers; `strapi start` (and tests) do not. */
const forDevelopers = (strapi: Core.Strapi) => Boolean(strapi.config.get('autoReload'));

type Permission = { action: string };

/**
 * In register(): the admin gives super admins every action again at each
 * start; this takes the developer tools out of that list before it is saved.
 */
export function hideDeveloperTools(strapi: Core.Strapi) {
  if (forDevelopers(strapi)) return;
  const roles = strapi.service('admin::role') as unknown as { hooks: { willResetSuperAdminPermissions: { register(handler: (permissions: Permission[]) => Permission[]): void } } };
  roles.hooks.willResetSuperAdminPermissions.register((permissions) => permissions.filter((permission) => !DEVELOPER_ONLY_ACTIONS.includes(permission.action)));
}

/** In bootstrap(): also from roles staff made, where someone ticked them. */
export async function revokeDeveloperTools(strapi: Core.Strapi) {
  if (forDevelopers(strapi)) return;
  await strapi.db.query('admin::permission').deleteMany({ where: { action: { $in: DEVELOPER_ONLY_ACTIONS } } });
}
