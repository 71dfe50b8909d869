import { Mail } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { pluginTranslations, registerPluginPage } from '@buurtplein/plugin-kit/admin';
import { PLUGIN_ID } from './pluginId';

export default {
  register(app: StrapiApp) {
    registerPluginPage(app, { id: PLUGIN_ID, icon: Mail, label: 'Outbox', Component: () => import('./pages/OutboxPage') });
  },

  registerTrads: pluginTranslations(PLUGIN_ID, (locale) => import(`./translations/${locale}.json`)),
};
