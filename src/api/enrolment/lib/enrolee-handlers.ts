import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { idParam } from '@buurtplein/plugin-kit';
import { parseData } from '../../../lib/validation';
import { attendanceData, messageData } from '../validation';
import type { Organiser } from '../services/organiser';

/**
 * Says which activity a request is about once the caller may act on it (a
 * member of its organisation, or staff with the Content Manager's right),
 * and throws otherwise. `change` is true for what writes or mails.
 */
export type ActivityAccess = (ctx: any, change: boolean) => Promise<string>;

/**
 * The organiser's list, attendance and message, the same for an
 * organisation's editor (/api/my) and for staff (the admin panel): only who
 * may differs.
 */
export function enroleeHandlers(strapi: Core.Strapi, access: ActivityAccess) {
  const organiser = () => strapi.service('api::enrolment.organiser') as unknown as Organiser;

  return {
    async list(ctx: any) {
      const activityId = await access(ctx, false);
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
      const activityId = await access(ctx, true);
      const input = await parseData<{ occurrence?: string; subject: string; message: string }>(ctx.request.body, messageData);
      ctx.status = 202;
      ctx.body = { data: await organiser().message(activityId, input), meta: {} };
    },

    async attendance(ctx: any) {
      const activityId = await access(ctx, true);
      const { attended } = await parseData<{ attended: boolean | null }>(ctx.request.body, attendanceData);
      ctx.body = { data: await organiser().markAttendance(activityId, idParam(ctx.params), attended), meta: {} };
    },
  };
}
