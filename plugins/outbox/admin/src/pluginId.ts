/** The plugin's id, as in package.json `strapi.name`: its admin routes live under /outbox. */
export const PLUGIN_ID = 'outbox';
