import type { Core } from '@strapi/strapi';

type PluginsConfig = Record<string, { enabled?: boolean; resolve?: string; config?: unknown } | boolean | undefined>;

/**
 * Strapi drops a local plugin whose server entry is missing, or that lacks
 * `enabled: true`, without a message: its routes just 404. List those, so the
 * boot can fail instead. A plugin switched off with `enabled: false` is fine.
 */
export function localPluginProblems(pluginsConfig: PluginsConfig, isLoaded: (name: string) => boolean): string[] {
  return Object.entries(pluginsConfig).flatMap(([name, entry]) => {
    if (typeof entry !== 'object' || !entry.resolve || entry.enabled === false) return [];
    if (entry.enabled !== true) return [`plugin "${name}" has a resolve path but no \`enabled: true\`, so Strapi skips it`];
    if (!isLoaded(name)) return [`plugin "${name}" is enabled in config/plugins.ts but did not load (run \`npm run build\`)`];
    return [];
  });
}

export function assertLocalPluginsLoaded(strapi: Core.Strapi) {
  const problems = localPluginProblems(strapi.config.get('plugins', {}) as PluginsConfig, (name) =>
    Boolean(strapi.plugin(name))
  );
  if (problems.length) throw new Error(`[buurtplein] ${problems.join('; ')}`);
}
