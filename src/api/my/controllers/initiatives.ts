import type { Core } from '@strapi/strapi';
import { unauthorized } from '../../../lib/errors';
import { DOCUMENT_ID, parseData } from '../../../lib/validation';
import { errors } from '@strapi/utils';
import { initiativeCreate, initiativeUpdate, localeQuery } from '../validation';

/** A signed-in resident's own initiatives. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.service('api::my.initiatives') as any;
  const userOf = (ctx: any) => {
    if (!ctx.state.user?.id) throw unauthorized('Log in first');
    return ctx.state.user as { id: number; confirmed: boolean };
  };

  return {
    async initiatives(ctx: any) {
      ctx.body = { data: await service().list(userOf(ctx).id, localeQuery(ctx.query)), meta: {} };
    },

    async createInitiative(ctx: any) {
      const data = await parseData(ctx.request.body, initiativeCreate);
      ctx.status = 201;
      ctx.body = { data: await service().create(userOf(ctx), localeQuery(ctx.query), data), meta: {} };
    },

    async updateInitiative(ctx: any) {
      if (!DOCUMENT_ID.test(ctx.params.documentId)) throw new errors.ValidationError('documentId is not a valid document id');
      const data = await parseData(ctx.request.body, initiativeUpdate);
      ctx.body = { data: await service().update(userOf(ctx).id, ctx.params.documentId, localeQuery(ctx.query), data), meta: {} };
    },
  };
};
