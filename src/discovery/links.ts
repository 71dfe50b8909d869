import type { Core } from '@strapi/strapi';
import { keepOutOfSharedCaches } from '../cache/http';

export type ItemKind = 'activities' | 'organisations' | 'initiatives' | 'articles';

const SINGULAR: Record<ItemKind, string> = { activities: 'activity', organisations: 'organisation', initiatives: 'initiative', articles: 'article' };

const frontendUrl = (strapi: Core.Strapi) => String(strapi.config.get('buurtplein.frontendUrl')).replace(/\/+$/, '');

/**
 * Where residents read an item on the town's website (the contract's `url`):
 * FRONTEND_URL plus FRONTEND_ITEM_PATH, whose {type}, {kind}, {slug} and
 * {locale} are filled in, so a town's own site can keep its own URL scheme.
 */
export function itemUrl(strapi: Core.Strapi, locale: string, kind: ItemKind, slug: string) {
  const values: Record<string, string> = { type: SINGULAR[kind], kind, slug, locale };
  const path = String(strapi.config.get('buurtplein.itemPath')).replace(/\{(type|kind|slug|locale)\}/g, (_, name: string) => encodeURIComponent(values[name]));
  return `${frontendUrl(strapi)}${path.startsWith('/') ? '' : '/'}${path}`;
}

export const homeUrl = (strapi: Core.Strapi, locale: string) => `${frontendUrl(strapi)}/?lang=${locale}`;

/** The website's host name: globally unique ids (iCalendar UID, RSS guid) are `documentId@host`. */
export const siteHost = (strapi: Core.Strapi) => new URL(frontendUrl(strapi)).host;

/**
 * This API's own address for a path (feeds link to themselves): PUBLIC_URL.
 * Without it, how the caller reached us, which the caller chose (Host): that
 * answer is for this caller only and never enters a shared cache.
 */
export function selfUrl(strapi: Core.Strapi, ctx: { origin: string; originalUrl: string; state: Record<string, unknown> }) {
  const base = String(strapi.config.get('server.url') || '').replace(/\/+$/, '');
  if (base) return `${base}${ctx.originalUrl}`;
  keepOutOfSharedCaches(ctx);
  return `${ctx.origin}${ctx.originalUrl}`;
}
