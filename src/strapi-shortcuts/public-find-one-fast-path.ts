import type { Core, UID } from '@strapi/strapi';
import { isApiToken, publicInDefaultLocale, publicScalars } from './public-list-fast-path';

/**
 * One public document by its documentId, without a query string, as the JSON
 * Strapi's own `findOne` answers: `{ data, meta: {} }` with the published,
 * non-archived row in the default locale and what the output sanitiser keeps
 * of it. Strapi's way builds and runs four statements in two transactions
 * and walks the entity three times to sanitise it; here the Query Engine
 * reads the one row (so values are converted as Strapi converts them).
 *
 * `undefined` sends the caller Strapi's way: any query parameter (populate,
 * fields, locale, status), an API token (which may be staff), and a document
 * that is not found, so its 404 is Strapi's own.
 */
export async function fastPublicFindOne(strapi: Core.Strapi, uid: UID.ContentType, ctx: any): Promise<{ data: Record<string, unknown>; meta: Record<string, never> } | undefined> {
  if (isApiToken(ctx) || Object.keys(ctx.query ?? {}).length > 0) return undefined;
  const { id: documentId } = ctx.params ?? {};
  if (typeof documentId !== 'string') return undefined;
  const row = await strapi.db.query(uid).findOne({ where: { ...(await publicInDefaultLocale(strapi, uid)), documentId } });
  if (!row) return undefined;
  return { data: publicScalars(strapi.getModel(uid), row), meta: {} };
}
