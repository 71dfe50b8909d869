import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { envList } from '../src/lib/env';

// Strapi loads this file compiled, as dist/config/middlewares.js; tests import the source.
const appRoot = path.resolve(__dirname, __filename.endsWith('.ts') ? '..' : '../..');
/** Uploads wait here while their request runs (not the shared system temp directory), and are removed after it. */
const UPLOAD_DIR = '.tmp/uploads';

/**
 * CORS_ORIGINS lists the websites that may call the API from a browser, with
 * credentials (the refresh cookie that keeps a login alive). Empty: any origin
 * may read public data, and only FRONTEND_URL, the town's own site that mails
 * link to, gets credentials, so no other site can use a visitor's cookie.
 */
const cors = (env: Core.Config.Shared.ConfigParams['env']) => {
  const origins = envList(env, 'CORS_ORIGINS');
  if (origins.length) return { name: 'strapi::cors', config: { origin: origins, credentials: true } };
  const frontend = env('FRONTEND_URL', '');
  const site = frontend ? new URL(frontend).origin : null;
  return { name: 'strapi::cors', config: { origin: '*', credentials: (ctx: { get(header: string): string }) => site !== null && ctx.get('Origin') === site } };
};

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  // Before everything that reads the client's IP, protocol or host.
  'global::client-address',
  'global::secure-cookies',
  'strapi::logger',
  // Around strapi::errors: every error answer leaves with a stable details.code the website translates.
  'global::error-codes',
  'strapi::errors',
  'strapi::security',
  cors(env),
  'strapi::poweredBy',
  // Around the cache: an answer from it counts as a view too (src/stats).
  'global::view-counting',
  // Before the query parser: a cache hit skips everything that would follow.
  'global::public-cache',
  'strapi::query',
  // After strapi::query so it sees the parsed query; rejects what Strapi itself would turn into a 500.
  'global::query-guard',
  {
    // Before strapi::body: refuses multipart where no files belong, removes every upload when the request ends.
    name: 'global::uploads',
    config: {
      acceptFilesOn: ['^/(api/)?upload(/|$)', '^/admin/project-settings$', '^/bulk-import/imports$', '^/api/my/(organisations/[^/]+/logo|activities/[^/]+/image)$'],
      dir: UPLOAD_DIR,
    },
  },
  // Turns what strapi::body cannot parse into a 400 instead of a logged internal error.
  'global::body-read-errors',
  {
    name: 'strapi::body',
    // A file larger than UPLOAD_MAX_MB is refused (413) while it arrives, so no request can hold more on disk.
    config: { formidable: { uploadDir: path.resolve(appRoot, UPLOAD_DIR), maxFileSize: env.int('UPLOAD_MAX_MB', 50) * 1024 * 1024 } },
  },
  // Prototype keys, NUL characters and absurd nesting in any body: 400 before a handler runs.
  'global::body-guard',
  // Staff never get Strapi's developer tour (src/middlewares/admin-guided-tour.ts).
  'global::admin-guided-tour',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
  {
    // Without FRONTEND_URL, links in mails point here: serve the built reference website for what no route answers.
    name: 'global::website',
    config: { enabled: !env('FRONTEND_URL', ''), dir: path.resolve(appRoot, env('WEBSITE_DIR', '') || 'frontend/dist') },
  },
];
