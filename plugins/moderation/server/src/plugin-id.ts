/** The plugin's id, as in package.json `strapi.name`. */
export const PLUGIN_ID = 'moderation';
