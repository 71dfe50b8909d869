#!/usr/bin/env node
// `npm start` serves the compiled app and the reference website; build them
// first when a fresh checkout (or a `git pull` that skipped postinstall) has none yet.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const missing = (files) => !files.every((f) => fs.existsSync(path.join(root, f)));
const run = (label, script, args) => {
  console.log(`[start] ${label}`);
  const result = spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (missing(['dist/src/index.js', 'dist/build/index.html'])) {
  run('no build found, running `strapi build` first', require.resolve('@strapi/strapi/bin/strapi.js'), ['build']);
}
// The website the CMS serves when FRONTEND_URL is unset (src/middlewares/website.ts).
if (missing(['frontend/dist/index.html'])) {
  run('no built website found, building it', path.join(root, 'node_modules/vite/bin/vite.js'), ['build', 'frontend', '--logLevel', 'warn']);
}
