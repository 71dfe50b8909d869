/** The plugin's id, as in package.json `strapi.name`: its admin routes live under /moderation. */
export const PLUGIN_ID = 'moderation';
