import { Shield } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { pluginTranslations, registerPluginPage } from '@buurtplein/plugin-kit/admin';
import { PLUGIN_ID } from './pluginId';

export default {
  register(app: StrapiApp) {
    registerPluginPage(app, { id: PLUGIN_ID, icon: Shield, label: 'Moderation', Component: () => import('./pages/ModerationPage') });
  },

  registerTrads: pluginTranslations(PLUGIN_ID, (locale) => import(`./translations/${locale}.json`)),
};
