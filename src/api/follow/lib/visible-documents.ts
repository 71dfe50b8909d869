import type { Core } from '@strapi/strapi';
import { publicRule } from '@buurtplein/plugin-kit';
import { visibilityFilter } from '../../../visibility/rules';
import type { Viewer } from '../../../visibility/viewer';

export const ANONYMOUS: Viewer = { kind: 'anonymous' };

/**
 * The published documents of `uid` among these documentIds that `viewer` may
 * read: not archived, within their visibility (a secret group only for its
 * members). What followers are told about, and what can be followed, is read
 * through here, so a mail never names what the reader could not open.
 */
export async function visibleDocuments(strapi: Core.Strapi, uid: string, documentIds: string[], viewer: Viewer, query: { fields: string[]; populate?: Record<string, unknown> }) {
  if (!documentIds.length) return [];
  const filters = { $and: [{ documentId: { $in: documentIds } }, publicRule(strapi, uid).documentFilters ?? {}, visibilityFilter(uid, viewer) ?? {}] };
  return (await strapi.documents(uid as any).findMany({ ...query, filters, status: 'published' } as any)) as Record<string, any>[];
}
