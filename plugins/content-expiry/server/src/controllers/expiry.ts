import type { Core } from '@strapi/strapi';
import { archivedQuery, restoreBody, runBody } from '../routes/validation';
import { getPluginService } from '../utils/get-plugin-service';
import { pluginConfig } from '../utils/plugin-config';

/** Staff actions, from the admin page (admin routes) or with a full-access API token (content API). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The types the config hands to the plugin, so the staff page names none of its own. */
  async types(ctx: any) {
    ctx.body = { data: pluginConfig(strapi).types.map(({ uid }) => ({ uid, displayName: (strapi.contentTypes as any)[uid]?.info?.displayName ?? uid })), meta: {} };
  },

  async runs(ctx: any) {
    ctx.body = { data: await getPluginService(strapi, 'expiry').latestRuns(20), meta: {} };
  },

  async runNow(ctx: any) {
    const { dryRun } = runBody(ctx.request.body);
    const trigger = ctx.state.route?.info?.type === 'admin' ? 'admin' : 'api';
    ctx.body = { data: await getPluginService(strapi, 'expiry').run({ trigger, dryRun }), meta: {} };
  },

  async archived(ctx: any) {
    const { uid, page, pageSize } = archivedQuery(ctx.query);
    const { data, pagination } = await getPluginService(strapi, 'restore').archived(uid, page, pageSize);
    ctx.body = { data, meta: { pagination } };
  },

  async restore(ctx: any) {
    const { uid, documentId } = restoreBody(ctx.request.body);
    ctx.body = { data: await getPluginService(strapi, 'restore').restore(uid, documentId), meta: {} };
  },
});
