import { stemDutch } from './dutch-stemmer';

/** A word of a text with where it stands, so snippets can mark it in the original. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function words(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({ text: m[0], start: m.index!, end: m.index! + m[0].length }));
}

/** Lower case without accents: "Café" and "cafe" are one word to the index. */
export const fold = (word: string) => word.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');

/** PostgreSQL's dutch and english stop lists, shortened to the words people actually type. */
const STOP_WORDS = new Set(
  (
    'de en van ik te dat die in een hij het niet zijn is was op aan met als voor had er maar om hem dan zou of wat mijn men dit zo door ' +
    'over ze zich bij ook tot je mij uit der daar haar naar heb hoe heeft hebben deze u want nog zal me zij nu ge geen omdat iets ' +
    'worden toch al waren veel meer doen toen moet ben zonder kan hun dus alles onder ja eens hier wie werd altijd doch wordt wezen ' +
    'kunnen ons zelf tegen na reeds wil kon niets uw iemand geweest andere ' +
    'a an and are as at be by for from has he in is it its of on or that the to was were will with'
  ).split(' ')
);

export const isStopWord = (folded: string) => STOP_WORDS.has(folded);

/** The terms SQLite's FTS5 index holds for a text: folded, stemmed, without stop words. */
export function indexTerms(text: string): string {
  return words(text)
    .map((w) => fold(w.text))
    .filter((w) => !isStopWord(w))
    .map(stemDutch)
    .join(' ');
}

/** Markdown (rich text fields) as the plain text a person reads. */
export function plainText(markdown: string | null | undefined): string {
  if (!markdown) return '';
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_`~]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(rows[i - 1][j] + 1, row[j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], rows[i - 2][j - 2] + 1);
      best = Math.min(best, row[j]);
    }
    if (best > max) return max + 1;
    rows.push(row);
  }
  return rows[a.length][b.length];
}

/** How many typos a query word may hold: none below 4 letters, one from 4, two from 8. */
/** Letters at the end of a typed word that may be an ending the stemmer kept because of a typo in it ("tuinierenn"). */
export const LOOSE_ENDING = 3;

export const typoBudget = (word: string) => (word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0);
