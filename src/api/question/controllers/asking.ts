import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { documentIdParam, parseData } from '../../../lib/validation';
import { confirmedMember } from '../../../visibility/viewer';
import { acceptData, answerData, askData } from '../validation';
import { ANSWER_TYPE, QUESTION_TYPE, type Asking, type Person } from '../services/asking';

/** A question or answer speaks for one real person: a confirmed account, named by its display name. */
async function askerOf(strapi: Core.Strapi, ctx: any) {
  const { viewer, user } = await confirmedMember(strapi, ctx);
  const person: Person = { id: user.id, name: String(user.displayName || user.username || '').trim().slice(0, 100) };
  return { viewer, person };
}

/** Asking, answering, accepting and reporting (routes/01-asking.ts); the service holds the rules. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const asking = () => strapi.service('api::question.asking') as unknown as Asking;
  return {
    async ask(ctx: any) {
      const { viewer, person } = await askerOf(strapi, ctx);
      const input = await parseData<{ title: string; body?: string; group?: string; categories?: string[] }>(ctx.request.body, askData);
      ctx.status = 201;
      ctx.body = { data: await asking().ask(viewer, person, input) };
    },

    async answer(ctx: any) {
      const { viewer, person } = await askerOf(strapi, ctx);
      const { body } = await parseData<{ body: string }>(ctx.request.body, answerData);
      ctx.status = 201;
      ctx.body = { data: await asking().answer(viewer, person, documentIdParam(ctx.params), body) };
    },

    async accept(ctx: any) {
      const { viewer } = await askerOf(strapi, ctx);
      const { answer } = await parseData<{ answer: string }>(ctx.request.body, acceptData);
      ctx.body = { data: await asking().accept(viewer, documentIdParam(ctx.params), answer) };
    },

    async mine(ctx: any) {
      const user = ctx.state.user;
      if (!user) throw new errors.UnauthorizedError('Log in first');
      ctx.body = { data: await asking().mine(user.id) };
    },

    async reportQuestion(ctx: any) {
      const { viewer } = await askerOf(strapi, ctx);
      ctx.body = { data: await asking().report(viewer, QUESTION_TYPE, documentIdParam(ctx.params)) };
    },

    async reportAnswer(ctx: any) {
      const { viewer } = await askerOf(strapi, ctx);
      ctx.body = { data: await asking().report(viewer, ANSWER_TYPE, documentIdParam(ctx.params)) };
    },
  };
};
