import type { Core } from '@strapi/strapi';
import { allowFraming } from './framing';

/**
 * Embeds live at /embed/…, outside the REST API: an iframe URL on a
 * neighbourhood site should read as a page, not as an API call. In Strapi
 * 5.54 every route of an API folder is mounted under /api (a route's
 * `config.prefix: ''` only skips its router's own prefix, the /api stays),
 * so these are added to the server's root router instead.
 *
 * Framing is allowed by an outermost middleware rather than the controller,
 * so an answer from the response cache (which skips the controller) may be
 * framed too.
 */
export function registerEmbedRoutes(strapi: Core.Strapi) {
  strapi.server.use(async (ctx, next) => {
    await next();
    // The follow form's answers (202, 400, 404, 429) are pages in the iframe too; it alone may post, to itself.
    if (ctx.path === '/embed/follow' && ctx.status < 500) allowFraming(ctx, { postsToSelf: true });
    else if (ctx.path.startsWith('/embed/') && ctx.status === 200) allowFraming(ctx);
  });
  strapi.server.routes([
    { method: 'GET', path: '/embed/activities', handler: 'api::finding.embed.activities', config: { auth: false } },
    { method: 'GET', path: '/embed/follow', handler: 'api::follow.embed.form', config: { auth: false } },
    { method: 'POST', path: '/embed/follow', handler: 'api::follow.embed.submit', config: { auth: false } },
  ]);
}
