/**
 * JSON that can be pasted into an HTML page, e.g. inside
 * <script type="application/ld+json">: `<`, `>` and `&` are written as \u
 * escapes, so user text like "</script><script>…" cannot end the element
 * or open another; U+2028/2029 too, which old JavaScript parsers read as line
 * ends. JSON.parse gives back exactly the original value.
 */
const UNSAFE_IN_HTML = /[<>&\u2028\u2029]/g;

export const embeddableJson = (value: unknown): string =>
  JSON.stringify(value).replace(UNSAFE_IN_HTML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
