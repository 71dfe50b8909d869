import type { Core } from '@strapi/strapi';
import { registerStaffRoutes } from '../../lib/staff-routes';

/**
 * Staff's view of an activity's enrolment in the admin panel (the side panel,
 * src/admin/enrolment): the same as an organisation's editor gets under
 * /api/my/activities/:documentId, behind the admin session.
 */
export function registerEnrolmentAdminRoutes(strapi: Core.Strapi) {
  registerStaffRoutes(strapi, 'api::enrolment.staff', [
    ['PUT', '/activities/:documentId/enrolment', 'saveSettings'],
    ['GET', '/activities/:documentId/enrolments', 'list'],
    ['PUT', '/activities/:documentId/enrolments/:id', 'attendance'],
    ['POST', '/activities/:documentId/enrolments/message', 'message'],
  ]);
}
