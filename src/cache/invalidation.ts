import type { Core } from '@strapi/strapi';
import { ALL_CONTENT_EVENTS, onContentChange } from '@buurtplein/plugin-kit';
import { bumpAfterCommit } from './index';

const READ_ACTIONS = new Set(['findOne', 'findFirst', 'findMany', 'count']);
const WRITE_EVENTS = new Set(['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany']);

/**
 * Whose rows can change a public answer (or who may get one): content,
 * plugin content, media, locales, the public role's permissions and the
 * core store (the default locale lives there). Not users, sessions, logs or
 * admin data, which change often and never show up publicly.
 */
export function affectsPublicAnswers(uid: string): boolean {
  return (
    uid.startsWith('api::') ||
    /^plugin::(idea-support|upload|i18n)\./.test(uid) ||
    uid === 'plugin::users-permissions.permission' ||
    uid === 'plugin::users-permissions.role' ||
    uid === 'strapi::core-store'
  );
}

/** Every content change, by any route, starts a new cache generation once it has committed. */
export function registerCacheInvalidation(strapi: Core.Strapi) {
  // The admin panel, REST and plugins' document calls.
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (!READ_ACTIONS.has(context.action) && affectsPublicAnswers(context.uid)) await bumpAfterCommit(strapi);
    return result;
  });
  // Query-engine writes (strapi.db.query(...).updateMany and friends), which skip the Document Service.
  strapi.db.lifecycles.subscribe((event: { action: string; model: { uid: string } }) => {
    if (WRITE_EVENTS.has(event.action) && affectsPublicAnswers(event.model.uid)) return bumpAfterCommit(strapi);
  });
  // Plugins announce their plain-SQL writes on the event hub; no lifecycle sees those.
  onContentChange(strapi, ALL_CONTENT_EVENTS, () => bumpAfterCommit(strapi));
}
