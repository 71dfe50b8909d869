#!/usr/bin/env node
'use strict';
const path = require('node:path');
const { parseArgs } = require('node:util');
const { withStrapi, runCli } = require('./lib/with-strapi');

const HELP = `Usage: npm run seed -- [options]

Loads the demo town (7 categories, 10 neighbourhoods, 5 subsidies, 200 organisations,
350 activities, 50 initiatives; Dutch with English translations) into the database
configured in .env. Items that already exist (same slug or externalId) are left alone,
so running it twice changes nothing.

Options:
  --dry-run     show what would be created, write nothing
  --scale N     multiply organisations, activities and initiatives by N (default 1)
  -h, --help    show this help`;

runCli('seed', async () => {
  const { values } = parseArgs({
    options: { 'dry-run': { type: 'boolean' }, scale: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return console.log(HELP);
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`--scale must be a positive number, got "${values.scale}"`);
  await withStrapi(async (strapi, app) => {
    const { seedDemo } = require(path.join(app.distDir, 'src/seed'));
    await seedDemo(strapi, { scale, dryRun: Boolean(values['dry-run']), log: (line) => console.log(line) });
  });
});
