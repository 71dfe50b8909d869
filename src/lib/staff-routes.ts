import type { Core } from '@strapi/strapi';
import { forbidden, notFound } from './errors';
import { documentIdParam } from './validation';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/**
 * The app's own admin routes (an app API's routes are all content-API
 * routes), under /buurtplein and behind the admin session: `[method, path,
 * action]` of `controller`, e.g. 'api::enrolment.staff'.
 */
export function registerStaffRoutes(strapi: Core.Strapi, controller: string, routes: [Method, string, string][]) {
  strapi.server.routes({
    type: 'admin',
    prefix: '/buurtplein',
    routes: routes.map(([method, path, action]) => ({ method, path, handler: `${controller}.${action}`, config: { policies: ['admin::isAuthenticatedAdmin'] } })),
  } as any);
}

/**
 * The document a staff route is about, once the staff member may read (or,
 * for `change`, update) that type in the Content Manager and the document
 * exists: the same rights as its edit view.
 */
export async function staffDocument(strapi: Core.Strapi, ctx: any, uid: string, change: boolean): Promise<string> {
  const documentId = documentIdParam(ctx.params);
  const action = change ? 'update' : 'read';
  if (!ctx.state.userAbility?.can(`plugin::content-manager.explorer.${action}`, uid)) throw forbidden(`You may not ${change ? 'change' : 'see'} these items`);
  if ((await strapi.db.query(uid as any).count({ where: { documentId } })) === 0) throw notFound('Nothing with this documentId');
  return documentId;
}
