import { Mail } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { PLUGIN_ID, getTranslation } from './pluginId';

const prefixKeys = (data: Record<string, string>) =>
  Object.fromEntries(Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));

export default {
  register(app: StrapiApp) {
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
    app.addMenuLink({
      // Relative to the admin root: the page lives at /admin/plugins/listing-reminders.
      to: `plugins/${PLUGIN_ID}`,
      icon: Mail,
      intlLabel: { id: getTranslation('menu.label'), defaultMessage: 'Listing reminders' },
      Component: () => import('./pages/RemindersPage'),
      // Every admin may open it; the admin routes only check for an admin login.
      permissions: [],
    });
  },

  async registerTrads({ locales }: { locales: string[] }) {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await import(`./translations/${locale}.json`);
          return { data: prefixKeys(data), locale };
        } catch {
          // No file for this admin locale: the English default messages show.
          return { data: {}, locale };
        }
      })
    );
  },
};
