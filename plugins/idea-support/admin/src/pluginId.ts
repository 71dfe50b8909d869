/** The plugin's id, as in package.json `strapi.name`: its admin routes live under /idea-support. */
export const PLUGIN_ID = 'idea-support';

/** A translation key of this plugin, as registerTrads stores it. */
export const getTranslation = (key: string) => `${PLUGIN_ID}.${key}`;
