import type { Core } from '@strapi/strapi';
import { forbidden } from '../../../lib/errors';
import { documentIdParam } from '../../../lib/validation';

const ORG = 'api::organisation.organisation';

/** POST /buurtplein/organisations/:documentId/approve, for staff in the admin panel (the "Approve" button). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async approve(ctx: any) {
    const documentId = documentIdParam(ctx.params);
    // The same right as the Publish button of organisations.
    if (!ctx.state.userAbility?.can('plugin::content-manager.explorer.publish', ORG)) {
      throw forbidden('You may not publish organisations');
    }
    ctx.body = { data: await strapi.service('api::organisation.approval').approve(documentId) };
  },
});
