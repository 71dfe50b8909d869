import type { Core } from '@strapi/strapi';
import { pluginConfig } from './utils/plugin-config';

/** A wrong field name in config should stop the boot, not fail silently at 02:30. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  for (const type of pluginConfig(strapi).types) {
    const model = strapi.contentTypes[type.uid as keyof typeof strapi.contentTypes] as any;
    if (!model) throw new Error(`[content-expiry] config.types: ${type.uid} is not a content type of this app`);
    const fields = type.expiredWhen.flatMap((c: any) => [c.field, c.fallbackField, c.unlessSet, c.recurrenceField, c.startField]).filter(Boolean);
    const needed = ['archivedAt', ...fields, ...(type.touchOnRestore ? [type.touchOnRestore] : []), ...(type.cascade ?? []).map((c) => c.relation)];
    const builtIn = ['createdAt', 'updatedAt', 'publishedAt'];
    const missing = needed.filter((f) => !builtIn.includes(f) && !model.attributes[f] && !(type.cascade ?? []).some((c) => c.relation === f));
    if (missing.length) throw new Error(`[content-expiry] ${type.uid} has no attribute(s) ${missing.join(', ')}`);
    for (const c of type.cascade ?? []) {
      const child = strapi.contentTypes[c.uid as keyof typeof strapi.contentTypes] as any;
      if (!child?.attributes[c.relation] || !child.attributes.archivedAt) throw new Error(`[content-expiry] cascade ${c.uid}.${c.relation} is not a relation with archivedAt`);
    }
  }
};
