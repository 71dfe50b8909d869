import { MAX_QUERY } from './store';

/**
 * A search as staff see it in the top list: lower case, without accents'
 * variants or surrounding punctuation, one space between words, at most
 * MAX_QUERY characters. Null for what must not be kept: nothing left, or text
 * that looks like someone's address or phone number (an @, or five digits in a row).
 */
export function normaliseSearch(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const normal = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_QUERY)
    .trim();
  if (!normal || /@|\d{5}/.test(text.replace(/\s/g, ''))) return null;
  return normal;
}
