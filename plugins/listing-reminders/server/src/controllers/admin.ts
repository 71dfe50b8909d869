import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { languageParam, runBody, templateBody } from '../routes/validation';
import { getPluginService } from '../utils/get-plugin-service';
import { periodOf } from '../utils/periods';

const SAMPLE = {
  organisation: 'Wandelclub De Hoven',
  period: periodOf(new Date()),
  summary: '- Wandelclub De Hoven\n- Kerkstraat 12, 3811 AB Eemdal\n- 033-1234567',
  activities: '- Dinsdagwandeling, 1 dec. 2026 10:00 (herhaalt)',
  confirmLink: 'https://example.org/api/listing-reminders/confirm?token=voorbeeld',
  editLink: 'https://example.org/login/email?token=voorbeeld',
  reach: 'In het afgelopen kwartaal is je vermelding 212 keer bekeken.',
};

/** The staff page: overview, running now, and the mail texts with preview and a test to oneself. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = <K extends 'reminders' | 'templates' | 'stats'>(name: K) => getPluginService(strapi, name);

  return {
    async overview(ctx: any) {
      const period = periodOf(new Date());
      const [runs, perPeriod, stale, failures] = await Promise.all([
        service('stats').runs(10),
        service('stats').perPeriod(8),
        service('stats').stale(),
        service('stats').failures(period),
      ]);
      ctx.body = { data: { period, runs, perPeriod, stale, failures }, meta: {} };
    },

    async run(ctx: any) {
      const { period, dryRun } = runBody(ctx.request.body);
      ctx.body = { data: await service('reminders').run({ period, dryRun, trigger: 'admin' }), meta: {} };
    },

    async templates(ctx: any) {
      ctx.body = { data: await service('templates').all(), meta: {} };
    },

    async saveTemplate(ctx: any) {
      ctx.body = { data: await service('templates').save(languageParam(ctx.params), templateBody(ctx.request.body)), meta: {} };
    },

    async resetTemplate(ctx: any) {
      ctx.body = { data: await service('templates').reset(languageParam(ctx.params)), meta: {} };
    },

    /** Renders unsaved text with example values, so staff see the mail before anyone gets it. */
    async preview(ctx: any) {
      languageParam(ctx.params);
      ctx.body = { data: service('templates').render(templateBody(ctx.request.body), SAMPLE), meta: {} };
    },

    async sendTest(ctx: any) {
      languageParam(ctx.params);
      const to = ctx.state.user?.email;
      if (!to) throw new errors.ApplicationError('Your admin account has no email address');
      const mail = service('templates').render(templateBody(ctx.request.body), SAMPLE);
      await strapi.plugin('email').service('email').send({ to, ...mail, subject: `[TEST] ${mail.subject}` });
      ctx.body = { data: { sentTo: to }, meta: {} };
    },
  };
};
