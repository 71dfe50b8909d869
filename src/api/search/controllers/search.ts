import type { Core } from '@strapi/strapi';
import { parseSearchQuery } from '../../../discovery/search/query';
import { audiencesOf } from '../../../visibility/audience';
import { viewerOf } from '../../../visibility/viewer';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Everyone finds what is public; someone signed in also what members and their groups see; staff everything. */
  async search(ctx: any) {
    const request = parseSearchQuery(ctx.query ?? {});
    ctx.body = await strapi.service('api::search.search').search({ ...request, audiences: audiencesOf(await viewerOf(strapi, ctx)) });
  },
});
