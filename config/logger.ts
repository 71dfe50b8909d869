import type { Core } from '@strapi/strapi';

// Strapi's own defaults (pretty console output), with a level operators and tests can turn down.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  level: env('LOG_LEVEL', 'http'),
});
