#!/usr/bin/env node
'use strict';
const path = require('node:path');
const { withStrapi } = require('./lib/with-strapi');
const { parseCli, runCli, UsageError } = require('./lib/cli');

const HELP = `Usage: npm run seed -- [options]

Loads the demo town (7 categories, 10 neighbourhoods, 5 subsidies, 200 organisations,
350 activities, 50 initiatives; Dutch with English translations) into the database
configured in .env. Items that already exist (same slug or externalId) are left alone,
so running it twice changes nothing.

Options:
  --dry-run     show what would be created, write nothing
  --scale N     multiply organisations, activities and initiatives by N (default 1)
  -h, --help    show this help`;

runCli('seed', HELP, async () => {
  const { values } = parseCli({ 'dry-run': { type: 'boolean' }, scale: { type: 'string' } });
  if (values.help) return console.log(HELP);
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!Number.isFinite(scale) || scale <= 0 || scale > 100) throw new UsageError(`--scale must be a number above 0 and at most 100, not "${values.scale}"`);
  await withStrapi(async (strapi, app) => {
    const { seedDemo } = require(path.join(app.distDir, 'src/seed'));
    await seedDemo(strapi, { scale, dryRun: Boolean(values['dry-run']), log: (line) => console.log(line) });
  });
});
