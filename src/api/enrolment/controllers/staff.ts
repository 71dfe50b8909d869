import type { Core } from '@strapi/strapi';
import { parseData } from '../../../lib/validation';
import { staffDocument } from '../../../lib/staff-routes';
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
  const access = (ctx: any, change: boolean) => staffDocument(strapi, ctx, ACTIVITY, change);

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
