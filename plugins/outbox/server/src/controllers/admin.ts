import type { Core } from '@strapi/strapi';
import { idParam, limitQuery } from '@buurtplein/plugin-kit';
import { getPluginService } from '../utils/get-plugin-service';

/** Staff: what was sent per kind, what failed (with retry), who left which list. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const outbox = () => getPluginService(strapi, 'outbox');
  return {
    async overview(ctx: any) {
      ctx.body = { data: await outbox().overview(limitQuery(ctx.query)) };
    },
    async retry(ctx: any) {
      ctx.body = { data: { id: idParam(ctx.params), outcome: await outbox().retry(idParam(ctx.params)) } };
    },
  };
};
