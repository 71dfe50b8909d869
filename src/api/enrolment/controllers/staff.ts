import type { Core } from '@strapi/strapi';
import { forbidden, notFound } from '../../../lib/errors';
import { documentIdParam, parseData } from '../../../lib/validation';
import { enrolmentSettingsData } from '../../my/validation';
import type { Settings } from '../services/places';
import type { Organiser } from '../services/organiser';
import { enroleeHandlers } from '../lib/enrolee-handlers';

const ACTIVITY = 'api::activity.activity';

/**
 * The admin panel's enrolment side panel of an activity (admin routes,
 * ../admin-routes.ts). Staff who may read activities in the Content Manager
 * see the list; those who may update them change settings, attendance and mail.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const access = async (ctx: any, change: boolean) => {
    const activityId = documentIdParam(ctx.params);
    const action = change ? 'update' : 'read';
    if (!ctx.state.userAbility?.can(`plugin::content-manager.explorer.${action}`, ACTIVITY)) {
      throw forbidden(change ? 'You may not change activities' : 'You may not see activities');
    }
    if ((await strapi.db.query(ACTIVITY).count({ where: { documentId: activityId } })) === 0) throw notFound('No activity with this documentId');
    return activityId;
  };

  return {
    ...enroleeHandlers(strapi, access),

    async saveSettings(ctx: any) {
      const activityId = await access(ctx, true);
      const input = await parseData<Partial<Settings>>(ctx.request.body, enrolmentSettingsData);
      const organiser = strapi.service('api::enrolment.organiser') as unknown as Organiser;
      ctx.body = { data: await organiser.save(activityId, input), meta: {} };
    },
  };
};
