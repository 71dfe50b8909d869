import type { Core } from '@strapi/strapi';

export type Middleware = (ctx: any, next: () => Promise<void>) => Promise<unknown>;
export type MiddlewareFactory = (config: unknown, context: { strapi: Core.Strapi }) => Middleware | void;

/** Replaces one of Strapi's own middlewares (by uid, e.g. strapi::body) with what `wrap` makes of its factory; its place in config/middlewares.ts stays. */
export function wrapStrapiMiddleware(strapi: Core.Strapi, uid: string, wrap: (factory: MiddlewareFactory) => MiddlewareFactory) {
  (strapi.get('middlewares') as { extend(uid: string, wrap: (factory: MiddlewareFactory) => MiddlewareFactory): void }).extend(uid, wrap);
}
