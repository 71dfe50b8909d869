/** The plugin's id, as in package.json `strapi.name`: its admin routes live under /bulk-import. */
export const PLUGIN_ID = 'bulk-import';
