import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { documentIdParam, onlyParams } from '@buurtplein/plugin-kit';
import { rankingQuery } from '../routes/validation';
import { getPluginService } from '../utils/get-plugin-service';

/** Supporters must be signed in with a confirmed email: one person, one support. */
function supporterOf(ctx: any): number {
  const user = ctx.state.user;
  if (!user) throw new errors.UnauthorizedError('Log in to support an initiative');
  if (!user.confirmed) throw new errors.PolicyError('Confirm your email address before supporting', { reason: 'unconfirmed', code: 'account.unconfirmed' });
  return user.id;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getPluginService(strapi, 'support');
  const respond = (ctx: any, data: unknown) => {
    ctx.body = { data, meta: {} };
  };

  return {
    async status(ctx: any) {
      onlyParams(ctx.query, []);
      respond(ctx, await service().getStatus(documentIdParam(ctx.params), ctx.state.user?.id));
    },
    async support(ctx: any) {
      respond(ctx, await service().support(documentIdParam(ctx.params), supporterOf(ctx)));
    },
    async withdraw(ctx: any) {
      respond(ctx, await service().withdraw(documentIdParam(ctx.params), supporterOf(ctx)));
    },
    async ranking(ctx: any) {
      const { period, limit, locale } = rankingQuery(ctx.query);
      ctx.body = { data: await service().ranking(period, limit, locale), meta: { period, limit, locale } };
    },
  };
};
