/** The plugin's id, as in package.json `strapi.name`: its admin routes live under /moderation. */
export const PLUGIN_ID = 'moderation';

/** A translation key of this plugin, as registerTrads stores it. */
export const getTranslation = (key: string) => `${PLUGIN_ID}.${key}`;
