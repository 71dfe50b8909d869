import type { Core } from '@strapi/strapi';

const GROUP = 'api::group.group';
const MEMBERSHIP = 'api::group.membership';

/**
 * Memberships name their group by documentId, not by a relation that Strapi
 * would clean up: a deleted group takes its memberships, requests and
 * invitations with it, by whatever route it was deleted.
 */
export function forgetMembershipsOfDeletedGroups(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    const documentId = (context.params as { documentId?: string }).documentId;
    if (context.uid === GROUP && context.action === 'delete' && documentId) {
      await strapi.db.query(MEMBERSHIP as any).deleteMany({ where: { group: documentId } });
    }
    return result;
  });
}
