/** The plugin's id, as in package.json `strapi.name`: its admin routes live under /outbox. */
export const PLUGIN_ID = 'outbox';

/** A translation key of this plugin, as registerTrads stores it. */
export const getTranslation = (key: string) => `${PLUGIN_ID}.${key}`;

/** The admin's language picks the name a plugin gave its kind of mail or list; any other falls back to English. */
export const inAdminLanguage = (names: { nl: string; en: string }, locale: string) => (locale.startsWith('nl') ? names.nl : names.en);
