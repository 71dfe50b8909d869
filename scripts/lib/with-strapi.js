'use strict';
// Boots the app (compiled fresh) for a command-line job, runs it, shuts down.
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');

async function withStrapi(job) {
  require('../setup-env').writeEnvIfMissing();
  process.env.SEED_DEMO_DATA = 'false'; // a command decides what it writes, not the start-up hook
  process.env.CRON_ENABLED = 'false';
  process.env.LOG_STARTUP = 'false';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  // Tests start scripts next to a running app they already compiled (tests/helpers/cli.ts).
  const app = process.env.STRAPI_PRECOMPILED === 'true' ? { appDir: ROOT, distDir: path.join(ROOT, 'dist') } : await compileStrapi({ appDir: ROOT });
  const strapi = await createStrapi({ ...app, autoReload: false, serveAdminPanel: false }).load();
  try {
    return await job(strapi, app);
  } finally {
    await strapi.destroy();
  }
}

module.exports = { withStrapi, ROOT };
