import type { Core } from '@strapi/strapi';
import { getPluginService } from './utils/get-plugin-service';
import { pluginConfig } from './utils/plugin-config';

const REQUIRED_ATTRIBUTES = ['supportCount', 'thresholdReachedAt', 'archivedAt', 'supportUntil'];
const USER_UID = 'plugin::users-permissions.user';
// Writes that can create rows of an initiative (a new locale, a fresh published copy) whose counter must match the ledger.
const ROW_CREATING_ACTIONS = new Set(['create', 'update', 'publish', 'discardDraft']);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const { initiativeUid } = pluginConfig(strapi);
  const model = strapi.contentTypes[initiativeUid as keyof typeof strapi.contentTypes] as any;
  if (!model) throw new Error(`[idea-support] config.initiativeUid "${initiativeUid}" is not a content type of this app`);
  const missing = REQUIRED_ATTRIBUTES.filter((a) => !model.attributes[a]);
  if (missing.length) throw new Error(`[idea-support] ${initiativeUid} lacks the attributes ${missing.join(', ')}`);

  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (context.uid === initiativeUid && ROW_CREATING_ACTIONS.has(context.action)) {
      const documentId = (context.params as any)?.documentId ?? (result as any)?.documentId;
      if (documentId) await getPluginService(strapi, 'support').recount(documentId);
    }
    return result;
  });

  // Deleting a person takes their supports with them, and the counts go down.
  strapi.db.lifecycles.subscribe({
    models: [USER_UID],
    async beforeDeleteMany(event: any) {
      const rows = await strapi.db.query(USER_UID).findMany({ where: event.params.where, select: ['id'] });
      event.state.userIds = rows.map((r: { id: number }) => r.id);
    },
    async afterDelete(event: any) {
      const id = event.result?.id ?? event.params?.where?.id;
      if (id) await getPluginService(strapi, 'support').withdrawAllOf(id);
    },
    async afterDeleteMany(event: any) {
      for (const id of event.state.userIds ?? []) await getPluginService(strapi, 'support').withdrawAllOf(id);
    },
  });
};
