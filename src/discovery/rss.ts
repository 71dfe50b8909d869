import type { Core } from '@strapi/strapi';
import { homeUrl, itemUrl, siteHost } from './links';
import type { PublicActivity, PublicArticle, PublicInitiative } from './public-items';
import { escapeMarkup, summarise } from './markup';
import { TEXTS, type Locale } from './reader-texts';

/** RSS 2.0 of what is new: activities, residents' initiatives and public articles, newest first. */

export const FEED_TYPES = ['activity', 'initiative', 'article'] as const;
export type FeedType = (typeof FEED_TYPES)[number];
/** Without `types`: the social map's news, as before articles existed. */
export const DEFAULT_FEED_TYPES: FeedType[] = ['activity', 'initiative'];
export const MAX_FEED_ITEMS = 50;

export interface FeedItem {
  type: FeedType;
  documentId: string;
  title: string;
  summary: string;
  url: string;
  date: Date;
  categories: string[];
}

export const activityItem = (strapi: Core.Strapi, a: PublicActivity, locale: Locale): FeedItem => ({
  type: 'activity',
  documentId: a.documentId,
  title: a.title,
  summary: summarise(a.description, 400),
  url: itemUrl(strapi, locale, 'activities', a.slug),
  // createdAt survives publishing and republishing: an edited activity is not "new" again.
  date: a.createdAt,
  categories: a.categories.map((c) => c.name),
});

export const initiativeItem = (strapi: Core.Strapi, i: PublicInitiative, locale: Locale): FeedItem => ({
  type: 'initiative',
  documentId: i.documentId,
  title: i.title,
  summary: i.summary ? summarise(i.summary, 400) : summarise(i.description, 400),
  url: itemUrl(strapi, locale, 'initiatives', i.slug),
  date: i.createdAt,
  categories: i.categories.map((c) => c.name),
});

export const articleItem = (strapi: Core.Strapi, a: PublicArticle, locale: Locale): FeedItem => ({
  type: 'article',
  documentId: a.documentId,
  title: a.title,
  summary: a.summary ? summarise(a.summary, 400) : summarise(a.body, 400),
  url: itemUrl(strapi, locale, 'articles', a.slug),
  date: a.createdAt,
  categories: a.categories.map((c) => c.name),
});

const element = (name: string, text: string, attributes = '') => `<${name}${attributes}>${escapeMarkup(text)}</${name}>`;

export function itemsToRss(strapi: Core.Strapi, items: FeedItem[], { locale, selfUrl }: { locale: Locale; selfUrl: string }): string {
  const texts = TEXTS[locale];
  const host = siteHost(strapi);
  const newest = items.map((i) => i.date).sort((a, b) => b.getTime() - a.getTime())[0];
  const entries = items.map((item) =>
    [
      '<item>',
      element('title', item.title),
      element('link', item.url),
      element('description', item.summary),
      // RFC 822 dates; toUTCString() writes "Tue, 06 Oct 2026 17:00:00 GMT".
      element('pubDate', item.date.toUTCString()),
      element('guid', `${item.type}-${item.documentId}@${host}`, ' isPermaLink="false"'),
      element('category', item.type === 'activity' ? texts.activity : texts.initiative),
      ...item.categories.map((name) => element('category', name)),
      '</item>',
    ].join('')
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    element('title', texts.latest),
    element('link', homeUrl(strapi, locale)),
    element('description', texts.latestDescription),
    element('language', locale),
    `<atom:link href="${escapeMarkup(selfUrl)}" rel="self" type="application/rss+xml"/>`,
    ...(newest ? [element('lastBuildDate', newest.toUTCString())] : []),
    ...entries,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}
