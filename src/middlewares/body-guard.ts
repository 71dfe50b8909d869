import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { inputProblem, textProblem } from '../guards/input-shape';

/** The path as the router will decode it for its parameters (a document id, a session id). */
function decodedPath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/**
 * After strapi::body, for every route (ours, Strapi's auth and upload routes,
 * the admin's): a path or body with a NUL character or text that is not
 * valid Unicode, a body with a prototype key or absurd nesting, is a 400
 * before any handler sees it.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }) => async (ctx: any, next: () => Promise<void>) => {
  const path = decodedPath(ctx.path);
  const problem = path === null ? 'The path is not valid percent-encoding' : textProblem(path, 'The path') ?? inputProblem(ctx.request.body, 'The request body');
  if (problem) throw new errors.ValidationError(problem);
  await next();
};
