import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { coded } from '../lib/error-codes';

const hasArchivedAt = (strapi: Core.Strapi, uid: string) =>
  uid.startsWith('api::') && Boolean(strapi.getModel(uid as any)?.attributes?.archivedAt);

async function isArchived(strapi: Core.Strapi, uid: string, documentId: string) {
  const archived = await strapi.db.query(uid as any).findOne({
    where: { documentId, publishedAt: null, archivedAt: { $notNull: true } },
    select: ['id'],
  });
  return Boolean(archived);
}

/**
 * Keeps one rule true for every write, from the admin panel, REST or a
 * plugin: an archived item has no published version. Public reads only see
 * published rows, so archived items cannot leak, also not when populated
 * through a relation of something else.
 */
export function registerArchiveGuard(strapi: Core.Strapi) {
  strapi.documents.use(async (context, next) => {
    const { uid, action } = context;
    if (!hasArchivedAt(strapi, uid)) return next();
    const params = context.params as { documentId?: string };

    if (action === 'publish' && params.documentId && (await isArchived(strapi, uid, params.documentId))) {
      throw new errors.ApplicationError('This item is archived: restore it before publishing it again', coded('item.archived'));
    }

    const result = await next();

    if (action === 'create' || action === 'update') {
      const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
      if (documentId && (await isArchived(strapi, uid, documentId))) {
        await strapi.documents(uid as any).unpublish({ documentId, locale: '*' });
      }
    }
    return result;
  });
}
