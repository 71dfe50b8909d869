import { mediaUrl, type Picture } from './api';
import { h } from './dom';
import { t } from './i18n';

/** A definition list of the facts that are there; empty values are left out. */
export function facts(rows: [string, Node | string | null | undefined | false][]): HTMLElement {
  return h(
    'dl',
    { class: 'facts' },
    rows.filter(([, value]) => value).flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value as Node | string)])
  );
}

/** Links to several related items, separated by commas. */
export function links(items: { name: string; href: string }[] | undefined): HTMLElement | null {
  if (!items?.length) return null;
  const span = h('span', {});
  items.forEach((item, index) => span.append(index ? ', ' : '', h('a', { href: item.href }, item.name)));
  return span;
}

export const externalLink = (url: string | null | undefined, text?: string) => (url ? h('a', { href: url, rel: 'noopener' }, text ?? url) : null);

/** A fact row that says so honestly while an item has no point yet (self-registered items start without one). */
export const notOnMapRow = (item: { latitude?: number | null; longitude?: number | null }): [string, string | null] => [
  t('onMapLabel'),
  item.latitude == null || item.longitude == null ? t('notOnMapYet') : null,
];

/** What the public pages ask for of a logo or picture. */
export const PICTURE_POPULATE = { fields: ['url', 'alternativeText', 'width', 'height', 'formats'] };

/**
 * A logo or an activity's picture on its page, in the medium size where the
 * CMS made one. Without a text from the editor the picture is decorative
 * (alt=""), unless the page gives one (a logo is "Logo of …").
 */
export function itemPicture(picture: Picture | null | undefined, fallbackAlt = ''): HTMLElement | null {
  if (!picture) return null;
  const shown = picture.formats?.medium ?? picture.formats?.small ?? picture;
  return h('img', {
    class: 'item-picture',
    src: mediaUrl(shown.url),
    alt: picture.alternativeText || fallbackAlt,
    width: shown.width ?? null,
    height: shown.height ?? null,
    loading: 'lazy',
  });
}
