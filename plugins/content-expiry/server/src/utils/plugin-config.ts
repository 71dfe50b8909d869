import type { Core } from '@strapi/strapi';
import type { ContentExpiryConfig } from '../config';

export const pluginConfig = (strapi: Core.Strapi) => strapi.config.get('plugin::content-expiry') as ContentExpiryConfig;
