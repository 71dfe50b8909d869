import type { Core } from '@strapi/strapi';
import { envList } from '../src/lib/env';

/** CORS_ORIGINS lists the websites that may call the API from a browser; empty = Strapi's default, any origin. */
const cors = (env: Core.Config.Shared.ConfigParams['env']) => {
  const origins = envList(env, 'CORS_ORIGINS');
  return origins.length ? { name: 'strapi::cors', config: { origin: origins } } : 'strapi::cors';
};

export default ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
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
