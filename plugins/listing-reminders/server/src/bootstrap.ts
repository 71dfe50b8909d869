import type { Core } from '@strapi/strapi';
import { outboxOf } from '@buurtplein/plugin-kit';
import { PLUGIN_ID } from './plugin-id';
import { REMINDER_KIND } from './services/reminders';
import { isFirstMondayOfQuarter, periodOf } from './utils/periods';
import { getPluginService } from './utils/get-plugin-service';
import { pluginConfig } from './utils/plugin-config';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  outboxOf(strapi, PLUGIN_ID).registerKind(REMINDER_KIND, getPluginService(strapi, 'reminders').mailKind());
  const { schedule, timezone } = pluginConfig(strapi);
  if (!schedule || !strapi.config.get('server.cron.enabled')) return;
  strapi.cron.add({
    listingReminders: {
      task: async () => {
        const now = new Date();
        // Cron cannot say "first Monday": the rule fires on days 1–7 and this check picks the Monday.
        if (!isFirstMondayOfQuarter(now, timezone)) return;
        // Every instance fires; the slot (one per period) lets one of them send.
        const period = periodOf(now);
        await getPluginService(strapi, 'reminders').run({ period, trigger: 'schedule', slot: `reminders-${period}` });
      },
      options: { rule: schedule, tz: timezone },
    },
  });
};
