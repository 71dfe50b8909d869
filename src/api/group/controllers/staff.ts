import type { Core } from '@strapi/strapi';
import { forbidden, notFound } from '../../../lib/errors';
import { documentIdParam } from '../../../lib/validation';
import { memberHandlers } from '../lib/member-handlers';

const GROUP = 'api::group.group';

/**
 * The admin panel's member side panel of a group (../admin-routes.ts): staff
 * who may read groups in the Content Manager see the members, those who may
 * update them accept, change, remove and invite. Invitations name the staff
 * member who sent them.
 */
export default ({ strapi }: { strapi: Core.Strapi }) =>
  memberHandlers(strapi, async (ctx, change) => {
    const group = documentIdParam(ctx.params);
    const action = change ? 'update' : 'read';
    if (!ctx.state.userAbility?.can(`plugin::content-manager.explorer.${action}`, GROUP)) throw forbidden(change ? 'You may not change groups' : 'You may not see groups');
    if ((await strapi.db.query(GROUP).count({ where: { documentId: group } })) === 0) throw notFound('No group with this documentId');
    const { firstname, lastname } = (ctx.state.user ?? {}) as { firstname?: string; lastname?: string };
    return { group, inviter: [firstname, lastname].filter(Boolean).join(' ') || 'buurtplein' };
  });
