import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { idParam } from '@buurtplein/plugin-kit';
import { documentIdParam, parseData, signedInUser } from '../../../lib/validation';
import { attendanceData, messageData } from '../validation';
import type { Organiser } from '../services/organiser';

/** An organisation's editor and their activity's enrolees: membership first, as every /api/my route. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const organiser = () => strapi.service('api::enrolment.organiser') as unknown as Organiser;
  const ownActivity = async (ctx: any) => {
    const activityId = documentIdParam(ctx.params);
    await strapi.service('api::organisation.membership').assertActivityMember(activityId, signedInUser(ctx).id);
    return activityId;
  };

  return {
    async list(ctx: any) {
      const activityId = await ownActivity(ctx);
      const { occurrence, format } = ctx.query as Record<string, unknown>;
      if (occurrence !== undefined && (typeof occurrence !== 'string' || occurrence.length > 40)) throw new errors.ValidationError('occurrence must be one date, as the list gives it');
      if (format !== undefined && format !== 'csv' && format !== 'json') throw new errors.ValidationError('format must be csv or json');
      const enrolees = await organiser().enrolees(activityId, (occurrence as string | undefined) || undefined);
      const settings = await organiser().settings(activityId);
      if (format === 'csv') {
        ctx.set('Content-Disposition', `attachment; filename="enrolments-${activityId}.csv"`);
        ctx.set('Cache-Control', 'private, no-store');
        ctx.type = 'text/csv; charset=utf-8';
        ctx.body = organiser().csv(enrolees, settings?.questions ?? []);
        return;
      }
      ctx.body = { data: enrolees, meta: { settings } };
    },

    async message(ctx: any) {
      const activityId = await ownActivity(ctx);
      const input = await parseData<{ occurrence?: string; subject: string; message: string }>(ctx.request.body, messageData);
      ctx.status = 202;
      ctx.body = { data: await organiser().message(activityId, input), meta: {} };
    },

    async attendance(ctx: any) {
      const activityId = await ownActivity(ctx);
      const { attended } = await parseData<{ attended: boolean | null }>(ctx.request.body, attendanceData);
      ctx.body = { data: await organiser().markAttendance(activityId, idParam(ctx.params), attended), meta: {} };
    },
  };
};
