import type { Core } from '@strapi/strapi';

const handler = (action: string) => `api::enrolment.staff.${action}`;
const staff = { policies: ['admin::isAuthenticatedAdmin'] };

/**
 * Staff's view of an activity's enrolment in the admin panel (the side panel,
 * src/admin/enrolment-panel): the same as an organisation's editor gets under
 * /api/my/activities/:documentId, behind the admin session. An app API's
 * routes are all content-API routes; admin routes are registered here.
 */
export function registerEnrolmentAdminRoutes(strapi: Core.Strapi) {
  strapi.server.routes({
    type: 'admin',
    prefix: '/buurtplein',
    routes: [
      { method: 'PUT', path: '/activities/:documentId/enrolment', handler: handler('saveSettings'), config: staff },
      { method: 'GET', path: '/activities/:documentId/enrolments', handler: handler('list'), config: staff },
      { method: 'PUT', path: '/activities/:documentId/enrolments/:id', handler: handler('attendance'), config: staff },
      { method: 'POST', path: '/activities/:documentId/enrolments/message', handler: handler('message'), config: staff },
    ],
  } as any);
}
