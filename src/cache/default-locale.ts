import type { Core } from '@strapi/strapi';
import { settings } from '../lib/settings';
import { memoPerGeneration } from './index';
import { EVERYTHING } from './scopes';

/**
 * The Document Service asks i18n for the default locale on every call, and i18n
 * reads it from strapi_core_store_settings each time: one SQL statement per
 * public request for a value staff change perhaps once. A write to the core
 * store starts a new cache generation, which drops this memo.
 */
export function memoiseDefaultLocale(strapi: Core.Strapi) {
  const locales = strapi.plugin('i18n').service('locales') as { getDefaultLocale: () => Promise<string> };
  locales.getDefaultLocale = memoPerGeneration(locales.getDefaultLocale.bind(locales), settings(strapi).cache.ttlSeconds * 1000, [EVERYTHING]);
}
