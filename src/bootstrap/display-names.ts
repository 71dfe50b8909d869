import type { Core } from '@strapi/strapi';
import { generatedDisplayName } from '../api/account/services/people';
import { renameAuthor } from '../api/account/lib/rename-author';

const USER_UID = 'plugin::users-permissions.user';

/**
 * Every account has a name to show on what it writes, however it was made
 * (email link, registration, the admin panel): one is generated when none is
 * given, never from the email address.
 */
export function nameNewAccounts(strapi: Core.Strapi) {
  strapi.db.lifecycles.subscribe({
    models: [USER_UID],
    beforeCreate(event: any) {
      const data = event.params.data;
      if (!data.displayName) data.displayName = generatedDisplayName();
    },
  });
}

/**
 * Accounts from before display names existed get a generated one, and their
 * reactions, which showed a username made from the email address, show it too.
 */
export async function ensureDisplayNames(strapi: Core.Strapi) {
  const users = strapi.db.query(USER_UID);
  const nameless = await users.findMany({ where: { $or: [{ displayName: { $null: true } }, { displayName: '' }] }, select: ['id'] });
  for (const { id } of nameless) {
    const displayName = generatedDisplayName();
    await users.update({ where: { id }, data: { displayName } });
    await renameAuthor(strapi, id, displayName);
  }
  if (nameless.length) strapi.log.info(`[accounts] gave ${nameless.length} account(s) a display name`);
}
