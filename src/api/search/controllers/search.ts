import type { Core } from '@strapi/strapi';
import { parseSearchQuery } from '../../../discovery/search/query';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async search(ctx: any) {
    ctx.body = await strapi.service('api::search.search').search(parseSearchQuery(ctx.query ?? {}));
  },
});
