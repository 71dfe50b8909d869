import type { Core } from '@strapi/strapi';

const handler = (action: string) => `api::group.staff.${action}`;
const staff = { policies: ['admin::isAuthenticatedAdmin'] };

/** Staff manage a group's members from its edit view in the admin panel (src/admin/group-members). */
export function registerGroupAdminRoutes(strapi: Core.Strapi) {
  strapi.server.routes({
    type: 'admin',
    prefix: '/buurtplein',
    routes: [
      { method: 'GET', path: '/groups/:documentId/members', handler: handler('list'), config: staff },
      { method: 'PUT', path: '/groups/:documentId/members/:id', handler: handler('change'), config: staff },
      { method: 'DELETE', path: '/groups/:documentId/members/:id', handler: handler('remove'), config: staff },
      { method: 'POST', path: '/groups/:documentId/invitations', handler: handler('invite'), config: staff },
    ],
  } as any);
}
