import type { Core } from '@strapi/strapi';
import { registerStaffRoutes } from '../../lib/staff-routes';

/** Staff manage a group's members from its edit view in the admin panel (src/admin/group-members). */
export function registerGroupAdminRoutes(strapi: Core.Strapi) {
  registerStaffRoutes(strapi, 'api::group.staff', [
    ['GET', '/groups/:documentId/members', 'list'],
    ['PUT', '/groups/:documentId/members/:id', 'change'],
    ['DELETE', '/groups/:documentId/members/:id', 'remove'],
    ['POST', '/groups/:documentId/invitations', 'invite'],
  ]);
}
