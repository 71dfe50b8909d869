import type { Core } from '@strapi/strapi';
import { homeUrl, itemUrl } from './links';
import { TIME_ZONE } from './local-time';
import type { DatedOccurrence } from './agenda';
import { escapeMarkup as e, fullAddress } from './markup';
import { TEXTS, type Locale } from './reader-texts';

/**
 * A self-contained HTML list of upcoming activities for an iframe on a
 * neighbourhood's own website: no scripts, inline CSS, readable at 320 px,
 * links open the town's site in a new tab (an iframe cannot navigate its parent).
 */

const STYLE = `
*{box-sizing:border-box}
body{margin:0;padding:.75rem;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff;overflow-wrap:anywhere}
h1{font-size:1.25rem;margin:0 0 .75rem}
ul{list-style:none;margin:0;padding:0}
li{padding:.75rem 0;border-top:1px solid #c8c8c8}
h2{font-size:1.05rem;margin:0 0 .25rem}
p{margin:0}
a{color:#0b4f8a;text-decoration:underline}
a:hover{color:#06335a}
a:focus-visible{outline:3px solid #0b4f8a;outline-offset:2px}
.meta{color:#3d3d3d;font-size:.95rem}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.more{margin-top:.75rem}
`.trim();

function formatters(locale: Locale) {
  const dateLocale = TEXTS[locale].dateLocale;
  return {
    day: new Intl.DateTimeFormat(dateLocale, { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long' }),
    time: new Intl.DateTimeFormat(dateLocale, { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  };
}

const newTabLink = (href: string, label: string, locale: Locale) =>
  `<a href="${e(href)}" target="_blank" rel="noopener">${e(label)}<span class="sr-only"> ${e(TEXTS[locale].opensInNewTab)}</span></a>`;

function entryHtml(strapi: Core.Strapi, { start, end, activity }: DatedOccurrence, locale: Locale, format: ReturnType<typeof formatters>): string {
  const texts = TEXTS[locale];
  const when =
    `<time datetime="${start.toISOString()}">${e(format.day.format(start))}, ${e(format.time.format(start))}</time>` +
    (end ? `–<time datetime="${end.toISOString()}">${e(format.time.format(end))}</time>` : '');
  const where = fullAddress(activity);
  const details = [
    `<p class="meta">${when}</p>`,
    where ? `<p class="meta">${e(where)}</p>` : '',
    activity.organisation ? `<p class="meta">${e(texts.organisedBy)} ${e(activity.organisation.name)}</p>` : '',
    !activity.cost ? `<p class="meta">${e(texts.free)}</p>` : '',
  ];
  return `<li><h2>${newTabLink(itemUrl(strapi, locale, 'activities', activity.slug), activity.title, locale)}</h2>${details.join('')}</li>`;
}

export function renderEmbed(
  strapi: Core.Strapi,
  entries: DatedOccurrence[],
  { locale, place, neighbourhood }: { locale: Locale; place: string | null; neighbourhood?: string }
): string {
  const texts = TEXTS[locale];
  const heading = place ? texts.activitiesIn(place) : texts.activities;
  const format = formatters(locale);
  const allUrl = `${homeUrl(strapi, locale)}/activities${neighbourhood ? `?neighbourhood=${encodeURIComponent(neighbourhood)}` : ''}`;
  const list = entries.length
    ? `<ul>${entries.map((entry) => entryHtml(strapi, entry, locale, format)).join('')}</ul>`
    : `<p>${e(texts.nothingPlanned)}</p>`;
  return [
    '<!doctype html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(heading)} – ${e(texts.siteName)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    `<h1>${e(heading)}</h1>`,
    list,
    `<p class="more">${newTabLink(allUrl, texts.more, locale)}</p>`,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
