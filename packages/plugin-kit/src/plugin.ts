import type { Core } from '@strapi/strapi';

/** A service factory as Strapi's plugins define them: `({ strapi }) => ({ …methods })`. */
export type ServiceFactory = (deps: { strapi: Core.Strapi }) => unknown;

/** One service of a plugin, typed by its factory (for a service that uses a sibling: no import circle through the services index). */
export const serviceOf = <F extends ServiceFactory>(strapi: Core.Strapi, pluginId: string, name: string) => strapi.plugin(pluginId).service(name) as ReturnType<F>;

/** A plugin's getPluginService, typed by its services index: `servicesOf<typeof services>('idea-support')`. For controllers, bootstrap and register. */
export const servicesOf =
  <S extends Record<string, ServiceFactory>>(pluginId: string) =>
  <K extends keyof S & string>(strapi: Core.Strapi, name: K) =>
    serviceOf<S[K]>(strapi, pluginId, name);

/** A plugin's config as its validator left it. */
export const configOf =
  <C>(pluginId: string) =>
  (strapi: Core.Strapi) =>
    strapi.config.get(`plugin::${pluginId}`) as C;
