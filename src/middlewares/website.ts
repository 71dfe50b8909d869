import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';

export interface WebsiteConfig {
  /** Serve the site at all: only when FRONTEND_URL is unset, so links in mails point to this server. */
  enabled: boolean;
  /** The built reference website (`npm run frontend:build`). */
  dir: string;
}

// The site's own policy: Strapi's (for the admin panel) blocks map tiles from another host.
const SITE_CSP = [
  "default-src 'self'",
  "img-src 'self' data: blob: https:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
].join('; ');

/** The file a request path names inside `root` (a folder means its index.html), or null; never anything outside `root`. */
export function siteFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const target = path.join(root, path.posix.normalize(`/${decoded}`));
  if (target !== root && !target.startsWith(root + path.sep)) return null;
  for (const candidate of [target, path.join(target, 'index.html')]) {
    if (fs.statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
  }
  return null;
}

/**
 * With the Quick start settings (no FRONTEND_URL) the links in mails point to
 * this server, so it serves the reference website itself: every GET that no
 * route answers, and `/` (Strapi would send it to the admin panel). An API
 * route always wins, as the site is asked only after a 404.
 */
export default (config: WebsiteConfig, { strapi }: { strapi: Core.Strapi }) => {
  const root = path.resolve(config.dir);
  const built = config.enabled && fs.existsSync(path.join(root, 'index.html'));
  if (config.enabled && !built) {
    strapi.log.warn(`[website] FRONTEND_URL is not set, so mails link to this server, but there is no built website in ${root}: run \`npm run frontend:build\``);
  }
  return async (ctx: any, next: () => Promise<void>) => {
    if (!built || (ctx.method !== 'GET' && ctx.method !== 'HEAD')) return next();
    if (ctx.path !== '/') {
      await next();
      if (ctx.status !== 404) return;
    }
    const file = siteFile(root, ctx.path);
    if (!file) return;
    ctx.status = 200;
    ctx.type = path.extname(file);
    // Vite names assets by their content: they never change; pages must be asked anew.
    ctx.set('Cache-Control', file.startsWith(path.join(root, 'assets') + path.sep) ? 'public, max-age=31536000, immutable' : 'no-cache');
    ctx.set('Content-Security-Policy', SITE_CSP);
    ctx.body = fs.createReadStream(file);
  };
};
