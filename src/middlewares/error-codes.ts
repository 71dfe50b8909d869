import type { Core } from '@strapi/strapi';
import { genericCode } from '../lib/error-codes';

/**
 * Wraps strapi::errors: every error answer in Strapi's shape leaves with a
 * stable `details.code` (src/lib/error-codes.ts), also Strapi's own such as
 * users-permissions' "Missing or invalid credentials", so a website can say
 * it in its reader's language.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }) => async (ctx: any, next: () => Promise<void>) => {
  await next();
  const error = ctx.body?.error;
  if (ctx.status < 400 || !error || typeof error !== 'object' || Buffer.isBuffer(ctx.body)) return;
  const details = error.details && typeof error.details === 'object' && !Array.isArray(error.details) ? error.details : {};
  if (typeof details.code === 'string') return;
  error.details = { ...details, code: genericCode(ctx.status, error.name) };
};
