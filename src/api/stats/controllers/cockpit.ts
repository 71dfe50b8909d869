import type { Core } from '@strapi/strapi';
import { onlyParams } from '@buurtplein/plugin-kit';

/** GET /buurtplein/cockpit (admin session): what waits for the communication team, for the admin homepage widget. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async counts(ctx: any) {
    onlyParams(ctx.query, []);
    ctx.body = { data: { items: await strapi.service('api::stats.cockpit').items() }, meta: {} };
  },
});
