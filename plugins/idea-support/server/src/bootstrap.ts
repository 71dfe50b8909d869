import type { Core } from '@strapi/strapi';
import { outboxOf } from '@buurtplein/plugin-kit';
import { PLUGIN_ID } from './plugin-id';
import { THRESHOLD_KIND, thresholdKind } from './services/support';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  outboxOf(strapi, PLUGIN_ID).registerKind(THRESHOLD_KIND, thresholdKind);
};
