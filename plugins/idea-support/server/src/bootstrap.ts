import type { Core } from '@strapi/strapi';
import { moderationOf, outboxOf } from '@buurtplein/plugin-kit';
import { PLUGIN_ID } from './plugin-id';
import { registerPermissions } from './permissions';
import { carryOverReports } from './repositories/legacy-reports';
import { COMMENT_TYPE, commentModeration } from './services/comments';
import { THRESHOLD_KIND, thresholdKind } from './services/support';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await registerPermissions(strapi);
  outboxOf(strapi, PLUGIN_ID).registerKind(THRESHOLD_KIND, thresholdKind);
  const moderation = moderationOf(strapi, PLUGIN_ID);
  moderation.registerType(COMMENT_TYPE, commentModeration);
  const moved = await carryOverReports(strapi, (reports) => moderation.carryOver(COMMENT_TYPE, reports));
  if (moved) strapi.log.info(`[idea-support] moved ${moved} comment report(s) to the moderation plugin`);
};
