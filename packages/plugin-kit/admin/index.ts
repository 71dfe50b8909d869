import type { StrapiApp } from '@strapi/strapi/admin';

export { ConfirmButton, PluginPage, RunStatus, Section } from './frame';
export { serverMessage } from './errors';
export { inAdminLanguage, useLoaded, usePluginMessages } from './hooks';
export { RunStartCells, RunStatusCell, TableHead, type Column } from './run-log';

type Messages = Record<string, string>;

/**
 * The admin side of a plugin with a page of its own: registered, with a menu
 * link that every admin may open (the plugin's admin routes check the login
 * themselves), its page loaded when first opened.
 */
export function registerPluginPage(
  app: StrapiApp,
  page: { id: string; icon: unknown; label: string; Component: () => Promise<{ default: unknown }> }
) {
  app.registerPlugin({ id: page.id, name: page.id });
  app.addMenuLink({
    // Relative to the admin root: the page lives at /admin/plugins/<id>.
    to: `plugins/${page.id}`,
    icon: page.icon as never,
    intlLabel: { id: `${page.id}.menu.label`, defaultMessage: page.label },
    Component: page.Component as never,
    permissions: [],
  });
}

/**
 * A plugin's registerTrads: its translations/<locale>.json, keys prefixed
 * with the plugin id. `load` is the plugin's own dynamic import, so the
 * bundler finds the files next to the plugin. A locale without a file gets
 * nothing, and the English default messages show.
 */
export function pluginTranslations(id: string, load: (locale: string) => Promise<{ default: Messages }>) {
  return async ({ locales }: { locales: string[] }) =>
    Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = await load(locale);
          return { data: Object.fromEntries(Object.entries(data).map(([key, value]) => [`${id}.${key}`, value])), locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
}
