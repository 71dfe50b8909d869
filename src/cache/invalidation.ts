import type { Core } from '@strapi/strapi';
import { ALL_CONTENT_EVENTS, isShownPublicly, onContentChange } from '@buurtplein/plugin-kit';
import { bumpAfterCommit } from './index';

const READ_ACTIONS = new Set(['findOne', 'findFirst', 'findMany', 'count']);
const WRITE_EVENTS = new Set(['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany']);

/** Strapi's own types whose rows change public answers: media, locales, the public role's permissions, the core store (the default locale lives there). */
const STRAPI_TYPES_SHOWN_PUBLICLY = new Set([
  'plugin::upload.file',
  'plugin::upload.folder',
  'plugin::i18n.locale',
  'plugin::users-permissions.permission',
  'plugin::users-permissions.role',
  'strapi::core-store',
]);

/**
 * Whose rows can change a public answer (or who may get one): the app's
 * content, our plugins' types that mark themselves shown publicly, and the
 * Strapi types above. Not users, sessions, logs or admin data, which change
 * often and never show up publicly.
 */
export function affectsPublicAnswers(strapi: Core.Strapi, uid: string): boolean {
  return uid.startsWith('api::') || STRAPI_TYPES_SHOWN_PUBLICLY.has(uid) || isShownPublicly(strapi.contentTypes[uid as never]);
}

/** Every content change, by any route, starts a new cache generation once it has committed. */
export function registerCacheInvalidation(strapi: Core.Strapi) {
  // The admin panel, REST and plugins' document calls.
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (!READ_ACTIONS.has(context.action) && affectsPublicAnswers(strapi, context.uid)) await bumpAfterCommit(strapi);
    return result;
  });
  // Query-engine writes (strapi.db.query(...).updateMany and friends), which skip the Document Service.
  strapi.db.lifecycles.subscribe((event: { action: string; model: { uid: string } }) => {
    if (WRITE_EVENTS.has(event.action) && affectsPublicAnswers(strapi, event.model.uid)) return bumpAfterCommit(strapi);
  });
  // Plugins announce their plain-SQL writes on the event hub; no lifecycle sees those.
  onContentChange(strapi, ALL_CONTENT_EVENTS, () => bumpAfterCommit(strapi));
}
