import type { Core } from '@strapi/strapi';
import { registerStaffRoutes } from '../../lib/staff-routes';

/** The same figures for the admin panel's cockpit, behind the admin session. */
export function registerStatsAdminRoutes(strapi: Core.Strapi) {
  registerStaffRoutes(strapi, 'api::stats.stats', [
    ['GET', '/stats/items/:type/:documentId', 'item'],
    ['GET', '/stats/overview', 'overview'],
    ['GET', '/stats/searches', 'searches'],
    ['GET', '/stats/daily.csv', 'dailyCsv'],
  ]);
  registerStaffRoutes(strapi, 'api::stats.cockpit', [['GET', '/cockpit', 'counts']]);
}
