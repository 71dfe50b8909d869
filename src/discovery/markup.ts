/** Escapes text for HTML and XML content and attribute values, and drops characters XML 1.0 forbids. */
export const escapeMarkup = (text: string) =>
  text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * Plain text of a rich-text (Markdown, possibly with HTML) description, with
 * its line breaks: calendars and JSON-LD show text, never markup.
 */
export function plainText(markdown: string | null | undefined): string {
  return (markdown ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** At most `max` characters, cut at a word boundary with an ellipsis. */
export function summarise(markdown: string | null | undefined, max = 200): string {
  const text = plainText(markdown).replace(/\s+/g, ' ');
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** "Street 1, 1234 AB Town" from whichever parts are filled in. */
export const fullAddress = (item: { address?: string | null; postalCode?: string | null; city?: string | null }) =>
  [item.address, [item.postalCode, item.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
