import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { idParam } from '@buurtplein/plugin-kit';
import { documentIdParam, parseBody, parseData, parseKnownBody, signedInUser } from '../../../lib/validation';
import { localeQuery } from '../../my/validation';
import { enrolData, listCancelBody, tokenBody } from '../validation';
import type { EnrolInput } from '../services/enrolment';

/** Thin: input is checked here, the rules live in the enrolment service. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const enrolment = () => strapi.service('api::enrolment.enrolment') as unknown as ReturnType<typeof import('../services/enrolment').default>;
  const token = async (ctx: any) => (await parseKnownBody<{ token: string }>(ctx.request.body, tokenBody)).token;

  return {
    async enrol(ctx: any) {
      const activityId = documentIdParam(ctx.params);
      const input = await parseData<EnrolInput & Record<string, unknown>>(ctx.request.body, enrolData);
      const user = ctx.state.user?.id ? ctx.state.user : null;
      if (!user && !input.email) throw new errors.ValidationError('email is required', { errors: [{ path: ['email'], message: 'email is a required field' }] });
      const { status, data } = await enrolment().enrol(activityId, input, user, localeQuery(ctx.query));
      ctx.status = status;
      ctx.body = { data, meta: {} };
    },

    async confirm(ctx: any) {
      ctx.body = { data: await enrolment().confirm(await token(ctx)), meta: {} };
    },

    async cancelByLink(ctx: any) {
      ctx.body = { data: await enrolment().cancelByLink(await token(ctx)), meta: {} };
    },

    async listByLink(ctx: any) {
      ctx.body = { data: await enrolment().listByLink(await token(ctx)), meta: {} };
    },

    async cancelFromList(ctx: any) {
      const body = await parseBody<{ token: string; id: number }>(ctx.request.body, listCancelBody);
      ctx.body = { data: await enrolment().cancelFromList(body.token, body.id), meta: {} };
    },

    async mine(ctx: any) {
      ctx.body = { data: await enrolment().mine(signedInUser(ctx) as any, localeQuery(ctx.query)), meta: {} };
    },

    async cancelMine(ctx: any) {
      const user = signedInUser(ctx);
      ctx.body = { data: await enrolment().cancelMine(user as any, idParam(ctx.params)), meta: {} };
    },
  };
};
