import type { Core } from '@strapi/strapi';
import { documentIdParam, parseData, signedInUser } from '../../../lib/validation';
import { localeQuery } from '../../my/validation';
import { articleCreate, articleUpdate } from '../validation';
import type { Authoring } from '../services/authoring';

/** Writing articles inside a group (routes/01-authoring.ts); who may do what is the service's. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const authoring = () => strapi.service('api::article.authoring') as unknown as Authoring;
  return {
    async create(ctx: any) {
      const { id } = signedInUser(ctx);
      const data = await parseData<{ title: string }>(ctx.request.body, articleCreate);
      ctx.status = 201;
      ctx.body = { data: await authoring().create(id, documentIdParam(ctx.params), localeQuery(ctx.query), data) };
    },

    async update(ctx: any) {
      const { id } = signedInUser(ctx);
      const data = await parseData<Record<string, unknown>>(ctx.request.body, articleUpdate);
      ctx.body = { data: await authoring().update(id, documentIdParam(ctx.params), localeQuery(ctx.query), data) };
    },

    async publish(ctx: any) {
      const { id } = signedInUser(ctx);
      ctx.body = { data: await authoring().publish(id, documentIdParam(ctx.params), localeQuery(ctx.query)) };
    },
  };
};
