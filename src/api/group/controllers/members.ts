import type { Core } from '@strapi/strapi';
import { idParam } from '@buurtplein/plugin-kit';
import { documentIdParam, parseData, signedInUser } from '../../../lib/validation';
import { invitation, memberChange } from '../validation';
import type { MembershipService } from '../services/membership';

/** A group admin manages the group's members, requests and invitations (routes/01-membership.ts). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const memberships = () => strapi.service('api::group.membership') as unknown as MembershipService;
  const adminOf = async (ctx: any) => {
    const group = documentIdParam(ctx.params);
    await memberships().assertAdmin(group, signedInUser(ctx).id);
    return group;
  };

  return {
    async list(ctx: any) {
      ctx.body = { data: await memberships().members(await adminOf(ctx)) };
    },

    async change(ctx: any) {
      const group = await adminOf(ctx);
      const change = await parseData<{ status?: 'active'; role?: 'member' | 'admin' }>(ctx.request.body, memberChange);
      ctx.body = { data: await memberships().change(group, idParam(ctx.params), change) };
    },

    async remove(ctx: any) {
      const group = await adminOf(ctx);
      ctx.body = { data: await memberships().remove(group, idParam(ctx.params)) };
    },

    async invite(ctx: any) {
      const group = await adminOf(ctx);
      const { email } = await parseData<{ email: string }>(ctx.request.body, invitation);
      const user = ctx.state.user;
      ctx.status = 202;
      ctx.body = { data: await memberships().invite(group, email, String(user.displayName || user.username)) };
    },
  };
};
