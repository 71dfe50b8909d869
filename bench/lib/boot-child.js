'use strict';
// One boot of bench/memory.js: starts the Strapi app in BOOT_APP_DIR (its compiled code in
// BOOT_DIST_DIR) as `strapi start` does, without the admin panel, and stops when the parent
// disconnects. The parent times it from spawn to the first 204 of GET /_health.
const { createStrapi } = require('@strapi/strapi');

async function main() {
  const appDir = process.env.BOOT_APP_DIR;
  const strapi = createStrapi({ appDir, distDir: process.env.BOOT_DIST_DIR || appDir, autoReload: false, serveAdminPanel: false });
  process.on('disconnect', () => strapi.destroy().finally(() => process.exit(0)));
  await strapi.start();
}

main().catch((error) => {
  console.error(`[boot] ${error.stack || error.message}`);
  process.exit(1);
});
