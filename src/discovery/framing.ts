/**
 * strapi::security forbids framing (X-Frame-Options: SAMEORIGIN) for every
 * response; an embed exists to be framed by other sites. This relaxes it for
 * the embed's own response only, and locks the page down otherwise: no
 * scripts, no forms, nothing loaded but its inline styles.
 */
export const EMBED_CSP = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  'frame-ancestors *',
].join('; ');

/** `postsToSelf`: the page's form may post back to its own address (the "Volg deze buurt" form), and nowhere else. */
export function allowFraming(ctx: { remove(name: string): void; set(name: string, value: string): void }, { postsToSelf = false } = {}) {
  ctx.remove('X-Frame-Options');
  ctx.set('Content-Security-Policy', postsToSelf ? EMBED_CSP.replace("form-action 'none'", "form-action 'self'") : EMBED_CSP);
}
