import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/** GET /buurtplein/cockpit (admin session): what waits for the communication team, for the admin homepage widget. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async counts(ctx: any) {
    const unknown = Object.keys(ctx.query ?? {});
    if (unknown.length) throw new errors.ValidationError(`The cockpit takes no parameters: ${unknown.join(', ')}`);
    ctx.body = { data: { items: await strapi.service('api::stats.cockpit').items() }, meta: {} };
  },
});
