import pkg from '../../package.json';

/**
 * Strapi's "Introducing the new Media Library" banner is news for developers
 * upgrading Strapi, not for a town's staff: it is marked as read before the
 * admin panel first draws it. The panel keeps that flag in localStorage under
 * the project's uuid (false when telemetry is off), and under "undefined"
 * while it has not loaded the uuid yet.
 */
export function dismissMediaLibraryBanner() {
  const project = (pkg as { strapi?: { uuid?: string; telemetryDisabled?: boolean } }).strapi ?? {};
  const scope = project.telemetryDisabled ? false : (project.uuid ?? false);
  for (const legacy of [true, false]) {
    for (const key of [scope, undefined]) localStorage.setItem(`STRAPI_MEDIA_LIBRARY_BANNER_DISMISSED_FOR_${legacy}:${key}`, 'true');
  }
}
