import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/** Deep populates turn one request into dozens of joins; no page of ours needs more. */
export const MAX_POPULATE_DEPTH = 4;

export function populateDepth(populate: unknown): number {
  if (populate === undefined || populate === null || populate === false) return 0;
  if (typeof populate === 'string') {
    return Math.max(0, ...populate.split(',').map((path) => (path.trim() ? path.split('.').length : 0)));
  }
  if (Array.isArray(populate)) return Math.max(0, ...populate.map(populateDepth));
  if (typeof populate === 'object') {
    return Math.max(
      0,
      ...Object.entries(populate as Record<string, unknown>).map(([key, value]) => {
        // Dynamic-zone fragments ({ on: { 'a.b': {...} } }) add no level of their own.
        if (key === 'on' && value && typeof value === 'object') {
          return Math.max(0, ...Object.values(value).map(nestedDepth));
        }
        return 1 + nestedDepth(value);
      })
    );
  }
  return 1;
}

function nestedDepth(value: unknown): number {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return populateDepth((value as Record<string, unknown>).populate);
  }
  return 0;
}

export default (_config: unknown, _ctx: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<void>) => {
    if (ctx.path.startsWith('/api/') && ctx.query?.populate !== undefined) {
      const depth = populateDepth(ctx.query.populate);
      if (depth > MAX_POPULATE_DEPTH) {
        throw new errors.ValidationError(`populate is ${depth} levels deep; at most ${MAX_POPULATE_DEPTH} are allowed`, {
          maxDepth: MAX_POPULATE_DEPTH,
        });
      }
    }
    await next();
  };
