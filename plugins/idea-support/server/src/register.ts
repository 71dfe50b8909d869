import type { Core } from '@strapi/strapi';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const { initiativeUid } = strapi.config.get('plugin::idea-support') as { initiativeUid: string };
  if (!strapi.contentTypes[initiativeUid as keyof typeof strapi.contentTypes]) {
    throw new Error(`[idea-support] config.initiativeUid "${initiativeUid}" is not a content type of this app`);
  }
};
