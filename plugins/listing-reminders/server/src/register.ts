import type { Core } from '@strapi/strapi';
import { pluginConfig } from './utils/plugin-config';

const NEEDS = {
  organisation: ['name', 'reminderEmail', 'lastConfirmedAt', 'approvalStatus', 'preferredLanguage', 'archivedAt'],
  activity: ['organisation', 'title', 'startsAt', 'recurrence', 'lastConfirmedAt'],
};

/** The data model this plugin relies on, checked at boot rather than at the first quarterly run. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = pluginConfig(strapi);
  for (const [kind, uid] of [['organisation', config.organisationUid], ['activity', config.activityUid]] as const) {
    const model = strapi.contentTypes[uid as keyof typeof strapi.contentTypes] as any;
    if (!model) throw new Error(`[listing-reminders] config.${kind}Uid: ${uid} is not a content type of this app`);
    const missing = NEEDS[kind].filter((a) => !model.attributes[a]);
    if (missing.length) throw new Error(`[listing-reminders] ${uid} lacks the attributes ${missing.join(', ')}`);
  }
};
