import type { Core } from '@strapi/strapi';

const FOURTEEN_DAYS = 14 * 24 * 3600 * 1000;

/**
 * "Edit my listing" in the quarterly reminder: a login link for the reminder
 * address. It lives two weeks, not 30 minutes, because people read such a
 * mail days later; it still works only once.
 */
export async function reminderLoginLink({ strapi, email, language }: { strapi: unknown; email: string; organisation: string; language: 'nl' | 'en' }) {
  return (strapi as Core.Strapi).service('api::account.magic-link').manageLink(email, language, FOURTEEN_DAYS);
}
