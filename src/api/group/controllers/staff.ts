import type { Core } from '@strapi/strapi';
import { staffDocument } from '../../../lib/staff-routes';
import { memberHandlers } from '../lib/member-handlers';

/**
 * The admin panel's member side panel of a group (../admin-routes.ts): staff
 * who may read groups in the Content Manager see the members, those who may
 * update them accept, change, remove and invite. Invitations name the staff
 * member who sent them.
 */
export default ({ strapi }: { strapi: Core.Strapi }) =>
  memberHandlers(strapi, async (ctx, change) => {
    const group = await staffDocument(strapi, ctx, 'api::group.group', change);
    const { firstname, lastname } = (ctx.state.user ?? {}) as { firstname?: string; lastname?: string };
    return { group, inviter: [firstname, lastname].filter(Boolean).join(' ') || 'buurtplein' };
  });
