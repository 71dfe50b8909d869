import type { Core } from '@strapi/strapi';
import { ALL_CONTENT_EVENTS, isShownPublicly, onContentChange } from '@buurtplein/plugin-kit';
import { bumpAfterCommit } from './index';
import { CHANGES_EVERYTHING, changeScopes } from './scopes';

const READ_ACTIONS = new Set(['findOne', 'findFirst', 'findMany', 'count']);
const WRITE_EVENTS = new Set(['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany']);

/**
 * Whose rows can change a public answer (or who may get one): the app's
 * content, our plugins' types that mark themselves shown publicly, and the
 * Strapi types that change every answer (scopes.ts). Not users, sessions, logs or admin data, which change
 * often and never show up publicly.
 */
export function affectsPublicAnswers(strapi: Core.Strapi, uid: string): boolean {
  return uid.startsWith('api::') || CHANGES_EVERYTHING.has(uid) || isShownPublicly(strapi.contentTypes[uid as never]);
}

const isDocumentId = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** The documents a Document Service call changed: the one it names, the one it made. */
function documentsOfCall(params: any, result: any): string[] {
  return [params?.documentId, result?.documentId, ...(Array.isArray(result?.entries) ? result.entries.map((e: any) => e?.documentId) : [])].filter(isDocumentId);
}

/** The documents a query-engine write changed: from the rows it returns, else from a where on documentId. */
function documentsOfEvent(event: { result?: unknown; params?: { where?: any } }): string[] | undefined {
  const rows = Array.isArray(event.result) ? event.result : event.result ? [event.result] : [];
  const fromRows = rows.map((row: any) => row?.documentId);
  if (fromRows.length && fromRows.every(isDocumentId)) return fromRows;
  const named = event.params?.where?.documentId;
  if (isDocumentId(named)) return [named];
  if (isDocumentId(named?.$eq)) return [named.$eq];
  if (Array.isArray(named?.$in) && named.$in.length && named.$in.every(isDocumentId)) return named.$in;
  return undefined; // a write we cannot place: the whole type
}

/** Every content change, by any route, starts new generations of the scopes it touches once it has committed. */
export function registerCacheInvalidation(strapi: Core.Strapi) {
  // The admin panel, REST and plugins' document calls.
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (!READ_ACTIONS.has(context.action) && affectsPublicAnswers(strapi, context.uid)) {
      const documents = documentsOfCall(context.params, result);
      await bumpAfterCommit(strapi, changeScopes(strapi, context.uid, documents.length ? documents : undefined));
    }
    return result;
  });
  // Query-engine writes (strapi.db.query(...).updateMany and friends), which skip the Document Service.
  strapi.db.lifecycles.subscribe((event: { action: string; model: { uid: string }; result?: unknown; params?: { where?: unknown } }) => {
    if (WRITE_EVENTS.has(event.action) && affectsPublicAnswers(strapi, event.model.uid)) {
      return bumpAfterCommit(strapi, changeScopes(strapi, event.model.uid, documentsOfEvent(event)));
    }
  });
  // Plugins announce their plain-SQL writes on the event hub; no lifecycle sees those.
  onContentChange(strapi, ALL_CONTENT_EVENTS, (change) => bumpAfterCommit(strapi, changeScopes(strapi, change.uid, change.documentIds)));
}
