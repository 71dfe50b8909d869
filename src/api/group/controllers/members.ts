import type { Core } from '@strapi/strapi';
import { documentIdParam, signedInUser } from '../../../lib/validation';
import { memberHandlers } from '../lib/member-handlers';
import type { MembershipService } from '../services/membership';

/** A group admin manages the group's members, requests and invitations (routes/01-membership.ts). */
export default ({ strapi }: { strapi: Core.Strapi }) =>
  memberHandlers(strapi, async (ctx) => {
    const group = documentIdParam(ctx.params);
    const user = signedInUser(ctx) as { id: number; displayName?: string; username?: string };
    await (strapi.service('api::group.membership') as unknown as MembershipService).assertAdmin(group, user.id);
    return { group, inviter: String(user.displayName || user.username) };
  });
