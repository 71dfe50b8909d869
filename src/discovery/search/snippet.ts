import { stemDutch } from './dutch-stemmer';
import { fold, words, type Word } from './words';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

export const SNIPPET_LENGTH = 180;
const CONTEXT_BEFORE = 50;

/** A word matches when it starts with a searched stem, as found (fietsles for fiets*) or stemmed (manen for maan). */
export function wordMatcher(stems: string[]): (word: string) => boolean {
  const wanted = stems.map(fold).filter(Boolean);
  return (word) => {
    if (!wanted.length) return false;
    const folded = fold(word);
    const stem = stemDutch(folded);
    return wanted.some((s) => folded.startsWith(s) || stem.startsWith(s));
  };
}

/** Escapes each piece of `text` between start and end, wrapping the matched words in <mark>. */
function marked(text: string, found: Word[], start: number, end: number): string {
  let html = '';
  let at = start;
  for (const w of found.filter((f) => f.start >= start && f.end <= end)) {
    html += escapeHtml(text.slice(at, w.start)) + '<mark>' + escapeHtml(w.text) + '</mark>';
    at = w.end;
  }
  return html + escapeHtml(text.slice(at, end));
}

/** A window of about SNIPPET_LENGTH characters of `text` from `from`, cut at word boundaries. */
function window(text: string, from: number): { start: number; end: number } {
  let start = Math.max(0, from);
  if (start > 0) start = text.lastIndexOf(' ', start) + 1;
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  return { start, end };
}

/**
 * The HTML snippet of a result: the part of its text around the first match,
 * escaped first and then marked, so markup in content (a <script> in a title)
 * always comes out as text. When the title matches a query word the text
 * lacks, the marked title leads, so the snippet shows why the result is there.
 * `terms` holds one matcher per query word.
 */
export function snippet(title: string, text: string, terms: ((word: string) => boolean)[]): string {
  const matchesAny = (word: Word) => terms.some((matches) => matches(word.text));
  const inText = words(text).filter(matchesAny);
  const titleWords = words(title);
  const titleOnly = terms.some((matches) => titleWords.some((w) => matches(w.text)) && !inText.some((w) => matches(w.text)));
  const from = inText.length ? inText[0].start - CONTEXT_BEFORE : 0;
  const { start, end } = window(text, from);
  const body = text ? (start > 0 ? '… ' : '') + marked(text, inText, start, end) + (end < text.length ? ' …' : '') : '';
  if (!titleOnly && body) return body;
  const head = marked(title, titleWords.filter(matchesAny), 0, title.length);
  return body ? `${head} – ${body}` : head;
}
