import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { inputProblem } from '../lib/input-shape';

/**
 * After strapi::body, for every route (ours, Strapi's auth and upload routes,
 * the admin's): a body with a prototype key, a NUL character or absurd
 * nesting is a 400 before any handler sees it.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }) => async (ctx: any, next: () => Promise<void>) => {
  const problem = inputProblem(ctx.request.body, 'The request body');
  if (problem) throw new errors.ValidationError(problem);
  await next();
};
