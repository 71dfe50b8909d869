import type { Core } from '@strapi/strapi';

/**
 * Archiving and deleting run as plain SQL, which Strapi's lifecycles and
 * document middlewares never see; caches and search indexes of the app
 * listen for these events instead.
 */
export async function announce(
  strapi: Core.Strapi,
  event: 'content-expiry.archived' | 'content-expiry.deleted' | 'content-expiry.restored',
  payload: { uid: string; documentIds: string[] }
) {
  if (!payload.documentIds.length) return;
  try {
    await strapi.eventHub.emit(event, payload);
  } catch (error) {
    strapi.log.error(`[content-expiry] a listener of ${event} failed: ${(error as Error).message}`);
  }
}
