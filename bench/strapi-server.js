'use strict';
// Child process of bench/run.js: boots the app, seeds the demo town and serves it on
// 127.0.0.1. A process of its own, so the load generator never shares its event loop.
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');

async function main() {
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const app = await compileStrapi({ appDir: ROOT });
  const strapi = await createStrapi({ ...app, autoReload: false, serveAdminPanel: false }).load();
  const stop = () => strapi.destroy().finally(() => process.exit(0));
  // The parent going away (even by a crash) must not leave a server behind.
  process.on('disconnect', stop);

  const { seedDemo } = require(path.join(app.distDir, 'src/seed'));
  await seedDemo(strapi, { scale: 10, log: (line) => console.log(line) }); // idempotent: a re-run only checks

  strapi.server.mount();
  strapi.server.httpServer.listen(0, '127.0.0.1', () => {
    process.send({ port: strapi.server.httpServer.address().port });
  });
}

main().catch((error) => {
  console.error(`[strapi] ${error.stack || error.message}`);
  process.exit(1);
});
