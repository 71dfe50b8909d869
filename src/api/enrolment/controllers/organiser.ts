import type { Core } from '@strapi/strapi';
import { documentIdParam, signedInUser } from '../../../lib/validation';
import { enroleeHandlers } from '../lib/enrolee-handlers';

/** An organisation's editor and their activity's enrolees: membership first, as every /api/my route. */
export default ({ strapi }: { strapi: Core.Strapi }) =>
  enroleeHandlers(strapi, async (ctx) => {
    const activityId = documentIdParam(ctx.params);
    await strapi.service('api::organisation.membership').assertActivityMember(activityId, signedInUser(ctx).id);
    return activityId;
  });
