import type { Core } from '@strapi/strapi';
import type { ListingRemindersConfig } from '../config';

export const pluginConfig = (strapi: Core.Strapi) => strapi.config.get('plugin::listing-reminders') as ListingRemindersConfig;
