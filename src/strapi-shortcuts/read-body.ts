import type { Core } from '@strapi/strapi';
import { wrapStrapiMiddleware } from './wrap-middleware';

/** The methods whose bodies koa-body parses: its default, which Strapi keeps. */
const PARSED = new Set(['POST', 'PUT', 'PATCH']);

/**
 * strapi::body without its cost on reads. Strapi's body middleware builds a
 * new koa-body for every request, which checks its options with zod each
 * time: about 6 % of the CPU of an uncached public read. A read has no body
 * to parse (koa-body gives it an empty one), so it gets that at once; every
 * other request goes through Strapi's middleware as before.
 */
export function skipBodyParsingOnReads(strapi: Core.Strapi) {
  wrapStrapiMiddleware(strapi, 'strapi::body', (factory) => (config, context) => {
    const strapis = factory(config, context);
    if (!strapis) return strapis;
    return async (ctx, next) => {
      if (PARSED.has(ctx.method)) return strapis(ctx, next);
      ctx.request.body = {};
      return next();
    };
  });
}
