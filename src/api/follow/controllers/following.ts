import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { idParam } from '@buurtplein/plugin-kit';
import { parseData } from '../../../lib/validation';
import { viewerOf } from '../../../visibility/viewer';
import { followData } from '../validation';
import type { FollowType, Following, Frequency } from '../services/following';

/** Following counts a person: a confirmed account (the one account model). */
async function followerOf(strapi: Core.Strapi, ctx: any) {
  const user = ctx.state.user;
  if (!user) throw new errors.UnauthorizedError('Log in first');
  if (!user.confirmed) throw new errors.PolicyError('Confirm your email address first', { reason: 'unconfirmed', code: 'account.unconfirmed' });
  const viewer = await viewerOf(strapi, ctx);
  if (viewer.kind !== 'member') throw new errors.UnauthorizedError('Log in first');
  return { viewer, language: user.language === 'en' ? ('en' as const) : ('nl' as const) };
}

/** GET/POST /api/my/follows, DELETE /api/my/follows/:id (routes/01-following.ts); the service holds the rules. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const following = () => strapi.service('api::follow.following') as unknown as Following;
  return {
    async mine(ctx: any) {
      const { viewer } = await followerOf(strapi, ctx);
      ctx.body = { data: await following().mine(viewer) };
    },

    async follow(ctx: any) {
      const { viewer, language } = await followerOf(strapi, ctx);
      const input = await parseData<{ type: FollowType; documentId: string; frequency: Frequency }>(ctx.request.body, followData, { names: ['documentId'] });
      const { created, follow } = await following().follow(viewer, input, language);
      ctx.status = created ? 201 : 200;
      ctx.body = { data: follow };
    },

    async unfollow(ctx: any) {
      const { viewer } = await followerOf(strapi, ctx);
      ctx.body = { data: await following().unfollow(viewer.userId, idParam(ctx.params)) };
    },
  };
};
