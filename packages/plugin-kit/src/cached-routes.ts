/**
 * Public reads a plugin serves that the app's response cache keeps: the
 * plugin's routes and the cache's list are made from these, so a renamed
 * route cannot silently drop out of the cache. Their answers change only
 * with content writes or CONTENT_EVENTS, which start a new cache generation.
 */
export const CACHED_PLUGIN_ROUTES = {
  supportRanking: { plugin: 'idea-support', path: '/ranking' },
  supportStatus: { plugin: 'idea-support', path: '/initiatives/:documentId/support' },
} as const;

export interface PluginRoute {
  plugin: string;
  path: string;
}

/** The URL such a route answers on (/api/<plugin><path>), a `:param` matching one path segment. */
export const pluginRoutePattern = ({ plugin, path }: PluginRoute) => new RegExp(`^/api/${plugin}${path.replace(/:[^/]+/g, '[^/]+')}$`);
