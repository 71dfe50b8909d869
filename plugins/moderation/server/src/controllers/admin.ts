import type { Core } from '@strapi/strapi';
import { limitQuery } from '@buurtplein/plugin-kit';
import { decisionBody } from '../routes/validation';
import { getPluginService } from '../utils/get-plugin-service';

/** Staff: the queue of reported text, and approve or remove. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const moderation = () => getPluginService(strapi, 'moderation');
  return {
    async queue(ctx: any) {
      ctx.body = { data: await moderation().queue(limitQuery(ctx.query)) };
    },
    async decide(ctx: any) {
      const { type, id, decision } = decisionBody(ctx.request.body);
      ctx.body = { data: await moderation().decide(type, id, decision) };
    },
  };
};
