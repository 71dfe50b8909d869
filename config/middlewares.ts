import type { Core } from '@strapi/strapi';
import { envList } from '../src/lib/env';

/**
 * CORS_ORIGINS lists the websites that may call the API from a browser, with
 * credentials (the refresh cookie). Empty: any origin may read public data,
 * but no origin gets credentials, so no site can use a visitor's cookie.
 */
const cors = (env: Core.Config.Shared.ConfigParams['env']) => {
  const origins = envList(env, 'CORS_ORIGINS');
  return { name: 'strapi::cors', config: origins.length ? { origin: origins, credentials: true } : { origin: '*', credentials: false } };
};

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  // Before everything that reads the client's IP, protocol or host.
  'global::client-address',
  'global::secure-cookies',
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  cors(env),
  'strapi::poweredBy',
  // Before the query parser: a cache hit skips everything that would follow.
  'global::public-cache',
  'strapi::query',
  // After strapi::query so it sees the parsed query; rejects what Strapi itself would turn into a 500.
  'global::query-guard',
  'strapi::body',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];
