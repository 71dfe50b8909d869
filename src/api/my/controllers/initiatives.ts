import type { Core } from '@strapi/strapi';
import { documentIdParam, parseData, signedInUser } from '../../../lib/validation';
import { initiativeCreate, initiativeUpdate, localeQuery } from '../validation';

/** A signed-in resident's own initiatives. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => strapi.service('api::my.initiatives') as any;
  const userOf = signedInUser;

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
      const documentId = documentIdParam(ctx.params);
      const data = await parseData(ctx.request.body, initiativeUpdate);
      ctx.body = { data: await service().update(userOf(ctx).id, documentId, localeQuery(ctx.query), data), meta: {} };
    },
  };
};
