import type { Core } from '@strapi/strapi';

/**
 * Embeds live at /embed/…, outside the REST API: an iframe URL on a
 * neighbourhood site should read as a page, not as an API call. In Strapi
 * 5.54 every route of an API folder is mounted under /api (a route's
 * `config.prefix: ''` only skips its router's own prefix, the /api stays),
 * so these are added to the server's root router instead.
 */
export function registerEmbedRoutes(strapi: Core.Strapi) {
  strapi.server.routes([{ method: 'GET', path: '/embed/activities', handler: 'api::finding.embed.activities', config: { auth: false } }]);
}
