import type { Core } from '@strapi/strapi';
import { documentIdParam, signedInUser } from '../../../lib/validation';
import type { MembershipService } from '../services/membership';

/** GET/POST/DELETE /api/groups/:documentId/join, for someone signed in. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const memberships = () => strapi.service('api::group.membership') as unknown as MembershipService;
  return {
    /** One's own standing in a group (null: none), so a page shows "join", "requested" or "leave". */
    async mine(ctx: any) {
      const { id } = signedInUser(ctx);
      const own = await memberships().standing(documentIdParam(ctx.params), id);
      ctx.body = { data: own ? { status: own.status, role: own.role } : null };
    },

    async join(ctx: any) {
      const { id } = signedInUser(ctx);
      const { status, role } = await memberships().join(documentIdParam(ctx.params), id);
      ctx.status = status === 'active' ? 200 : 202;
      ctx.body = { data: { status, role } };
    },

    async leave(ctx: any) {
      const { id } = signedInUser(ctx);
      ctx.body = { data: await memberships().leave(documentIdParam(ctx.params), id) };
    },
  };
};
