#!/usr/bin/env node
// `npm start` serves the compiled app; build it first when a fresh checkout
// (or a `git pull` that skipped postinstall) has no build yet.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const built = ['dist/src/index.js', 'dist/build/index.html'].every((f) => fs.existsSync(path.join(root, f)));
if (!built) {
  console.log('[start] no build found, running `strapi build` first');
  const result = spawnSync(process.execPath, [require.resolve('@strapi/strapi/bin/strapi.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exit(result.status ?? 1);
}
