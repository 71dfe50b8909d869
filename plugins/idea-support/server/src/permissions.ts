import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './plugin-id';

export const OFFICIAL_REPLY_ACTION = `plugin::${PLUGIN_ID}.official-reply`;

/** The admin permission behind official replies: super admins have it, other roles get it in Settings → Roles → Plugins. */
export async function registerPermissions(strapi: Core.Strapi) {
  await strapi.admin!.services.permission.actionProvider.registerMany([
    { section: 'plugins', displayName: 'Post official replies on initiatives', uid: 'official-reply', pluginName: PLUGIN_ID },
  ]);
}
