import type { Core } from '@strapi/strapi';
import { idParam } from '@buurtplein/plugin-kit';
import { parseData } from '../../../lib/validation';
import { invitation, memberChange } from '../validation';
import type { MembershipService } from '../services/membership';

/**
 * Says which group a request is about once the caller may manage its members
 * (a group admin, or staff with the Content Manager's right), and who invites
 * in their name; throws otherwise. `change` is true for what writes or mails.
 */
export type GroupAccess = (ctx: any, change: boolean) => Promise<{ group: string; inviter: string }>;

/** A group's member list and its changes, the same for group admins (/api) and staff (the admin panel): only who may differs. */
export function memberHandlers(strapi: Core.Strapi, access: GroupAccess) {
  const memberships = () => strapi.service('api::group.membership') as unknown as MembershipService;
  return {
    async list(ctx: any) {
      const { group } = await access(ctx, false);
      ctx.body = { data: await memberships().members(group) };
    },

    async change(ctx: any) {
      const { group } = await access(ctx, true);
      const change = await parseData<{ status?: 'active'; role?: 'member' | 'admin' }>(ctx.request.body, memberChange);
      ctx.body = { data: await memberships().change(group, idParam(ctx.params), change) };
    },

    async remove(ctx: any) {
      const { group } = await access(ctx, true);
      ctx.body = { data: await memberships().remove(group, idParam(ctx.params)) };
    },

    async invite(ctx: any) {
      const { group, inviter } = await access(ctx, true);
      const { email } = await parseData<{ email: string }>(ctx.request.body, invitation);
      ctx.status = 202;
      ctx.body = { data: await memberships().invite(group, email, inviter) };
    },
  };
}
