'use strict';
// A Strapi process for the benches: boots the app (compiled fresh, as
// scripts/lib/with-strapi.js does), then answers the parent's requests with the
// handlers of the module named in BENCH_TASKS (see bench/lib/common.js startChild).
const path = require('node:path');
const { serveParent } = require('./common');

const ROOT = path.resolve(__dirname, '../..');

async function boot() {
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  // BENCH_COMPILED=true: start from the dist/ an earlier child compiled, as a deployment's restart does.
  const app = process.env.BENCH_COMPILED === 'true' ? { appDir: ROOT, distDir: path.join(ROOT, 'dist') } : await compileStrapi({ appDir: ROOT });
  const strapi = await createStrapi({ ...app, autoReload: false, serveAdminPanel: false }).load();
  const handlers = require(path.resolve(process.env.BENCH_TASKS))({ strapi, app });
  if (typeof global.gc === 'function') {
    // Started with --expose-gc to measure memory: let the boot's garbage go first, so the
    // first measurement does not start from a higher floor than the later ones.
    global.gc();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    global.gc();
  }
  serveParent(handlers, async () => {
    if (strapi.server.httpServer.listening) {
      strapi.server.httpServer.closeAllConnections?.();
    }
    await strapi.destroy();
  });
}

boot().catch((error) => {
  console.error(`[strapi] ${error.stack || error.message}`);
  process.exit(1);
});
