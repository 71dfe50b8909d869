import type { Core } from '@strapi/strapi';

export type ItemKind = 'activities' | 'organisations' | 'initiatives';

const frontendUrl = (strapi: Core.Strapi) => String(strapi.config.get('buurtplein.frontendUrl')).replace(/\/+$/, '');

/** Where residents read an item on the town's website (the contract's `url`). */
export const itemUrl = (strapi: Core.Strapi, locale: string, kind: ItemKind, slug: string) =>
  `${frontendUrl(strapi)}/${locale}/${kind}/${encodeURIComponent(slug)}`;

export const homeUrl = (strapi: Core.Strapi, locale: string) => `${frontendUrl(strapi)}/${locale}`;

/** The website's host name: globally unique ids (iCalendar UID, RSS guid) are `documentId@host`. */
export const siteHost = (strapi: Core.Strapi) => new URL(frontendUrl(strapi)).host;

/** This API's own address for a path (feeds link to themselves): PUBLIC_URL when set, else how the caller reached us. */
export function selfUrl(strapi: Core.Strapi, ctx: { origin: string; originalUrl: string }) {
  const base = String(strapi.config.get('server.url') || '').replace(/\/+$/, '') || ctx.origin;
  return `${base}${ctx.originalUrl}`;
}
