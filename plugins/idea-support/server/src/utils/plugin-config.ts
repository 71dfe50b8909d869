import type { Core } from '@strapi/strapi';
import type { IdeaSupportConfig } from '../config';

export const pluginConfig = (strapi: Core.Strapi) => strapi.config.get('plugin::idea-support') as IdeaSupportConfig;
