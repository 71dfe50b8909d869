import type { Core } from '@strapi/strapi';
import { documentIdParam } from '@buurtplein/plugin-kit';
import { commentBody } from '../routes/validation/comments';
import { getPluginService } from '../utils/get-plugin-service';

/** Official replies from an initiative's edit view (staff with the "post official replies" permission). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getPluginService(strapi, 'comments');
  return {
    async list(ctx: any) {
      ctx.body = { data: await service().officialReplies(documentIdParam(ctx.params)) };
    },
    async create(ctx: any) {
      const documentId = documentIdParam(ctx.params);
      const body = commentBody(ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await service().officialReply(documentId, body) };
    },
  };
};
