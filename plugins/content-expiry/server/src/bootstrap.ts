import type { Core } from '@strapi/strapi';
import { outboxOf } from '@buurtplein/plugin-kit';
import { PLUGIN_ID } from './plugin-id';
import { WARNING_KIND, warningKind } from './services/notices';
import { getPluginService } from './utils/get-plugin-service';
import { pluginConfig } from './utils/plugin-config';

/** The slot of a scheduled run: the minute it was due, the same on every instance. */
export const slotOf = (date: Date) => date.toISOString().slice(0, 16);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  outboxOf(strapi, PLUGIN_ID).registerKind(WARNING_KIND, warningKind(strapi));
  const { schedule, timezone } = pluginConfig(strapi);
  // Strapi runs plugin cron jobs on every instance: the slot key makes one of them do the work.
  if (!schedule || !strapi.config.get('server.cron.enabled')) return;
  strapi.cron.add({
    contentExpiry: {
      task: async () => {
        await getPluginService(strapi, 'expiry').run({ trigger: 'schedule', slot: slotOf(new Date()) });
      },
      options: { rule: schedule, tz: timezone },
    },
  });
};
