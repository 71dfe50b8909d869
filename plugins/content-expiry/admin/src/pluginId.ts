/** The plugin's id, as in package.json `strapi.name`: its admin routes live under /content-expiry. */
export const PLUGIN_ID = 'content-expiry';

/** A translation key of this plugin, as registerTrads stores it. */
export const getTranslation = (key: string) => `${PLUGIN_ID}.${key}`;

/** A content type's display name ("Activities"); a type without a translation shows its uid. */
export const typeName = (uid: string) => ({ id: getTranslation(`type.${uid}`), defaultMessage: uid });
