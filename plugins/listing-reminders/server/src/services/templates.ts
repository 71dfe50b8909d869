import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { addressed, DEFAULT_TEMPLATES, PLACEHOLDERS, renderTemplate, type Language, type Placeholder } from '../templates/defaults';
import { pluginConfig } from '../utils/plugin-config';

const TEMPLATE_UID = 'plugin::listing-reminders.template';
export const LANGUAGES: Language[] = ['nl', 'en'];

/** The reminder text per language: staff's own version when saved, the default otherwise. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async get(language: Language) {
    const saved = await strapi.db.query(TEMPLATE_UID as any).findOne({ where: { language } });
    if (saved) return { subject: saved.subject as string, body: saved.body as string, custom: true };
    const form = pluginConfig(strapi).formOfAddress;
    const { subject, body } = DEFAULT_TEMPLATES[language];
    return { subject: addressed(subject, form), body: addressed(body, form), custom: false };
  },

  async all() {
    return Object.fromEntries(await Promise.all(LANGUAGES.map(async (l) => [l, await this.get(l)])));
  },

  /** Staff edits; a placeholder the mail cannot fill, or a missing confirm link, is refused. */
  async save(language: Language, input: { subject: string; body: string }) {
    const used = [...`${input.subject} ${input.body}`.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]);
    const unknown = used.filter((p) => !PLACEHOLDERS.includes(p as Placeholder));
    if (unknown.length) throw new errors.ValidationError(`Unknown placeholders: ${unknown.join(', ')}. Available: ${PLACEHOLDERS.join(', ')}`, { unknown });
    if (!used.includes('confirmLink')) throw new errors.ValidationError('The text must contain {{confirmLink}}: without it nobody can confirm');
    const templates = strapi.db.query(TEMPLATE_UID as any);
    const existing = await templates.findOne({ where: { language } });
    if (existing) await templates.update({ where: { id: existing.id }, data: input });
    else await templates.create({ data: { language, ...input } });
    return this.get(language);
  },

  async reset(language: Language) {
    await strapi.db.query(TEMPLATE_UID as any).deleteMany({ where: { language } });
    return this.get(language);
  },

  render: (template: { subject: string; body: string }, values: Record<Placeholder, string>) => renderTemplate(template, values),
});
