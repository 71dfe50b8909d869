import type { Core } from '@strapi/strapi';

/**
 * Every cookie we set (the refresh cookie of users-permissions and of our own
 * logins) is Secure exactly when the request came over HTTPS, directly or
 * through a trusted proxy. users-permissions decides by NODE_ENV instead,
 * which leaves it off on an HTTPS test or staging server and breaks login on
 * a production server reached over plain HTTP.
 */
export default (_config: unknown, _ctx: { strapi: Core.Strapi }) => async (ctx: any, next: () => Promise<void>) => {
  const cookies = ctx.cookies;
  const set = cookies.set.bind(cookies);
  cookies.set = (name: string, value?: string | null, options: Record<string, unknown> = {}) => set(name, value, { ...options, secure: ctx.request.secure });
  await next();
};
