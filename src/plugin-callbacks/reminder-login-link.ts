import type { LoginLinkFor } from '@buurtplein/plugin-kit';

const FOURTEEN_DAYS = 14 * 24 * 3600 * 1000;

/**
 * "Edit my listing" in the quarterly reminder: a login link for the reminder
 * address. It lives two weeks, not 30 minutes, because people read such a
 * mail days later; it still works only once.
 */
export const reminderLoginLink: LoginLinkFor = async ({ strapi, email, language }) =>
  strapi.service('api::account.magic-link').manageLink(email, language, FOURTEEN_DAYS);
