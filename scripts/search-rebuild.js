#!/usr/bin/env node
'use strict';
const { parseArgs } = require('node:util');
const { withStrapi, runCli } = require('./lib/with-strapi');

const TYPES = ['activity', 'organisation', 'initiative'];
const HELP = `Usage: npm run search:rebuild -- [options]

Rebuilds the search index of GET /api/search from what is published and not
archived, in batches. Searching keeps working meanwhile; entries of items that
are no longer public are removed at the end. Safe to run at any time.

Options:
  --type TYPE     only this type: ${TYPES.join(', ')} (may be repeated)
  -h, --help      show this help`;

runCli('search:rebuild', async () => {
  const { values } = parseArgs({ options: { type: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return console.log(HELP);
  const types = values.type ?? TYPES;
  const unknown = types.filter((t) => !TYPES.includes(t));
  if (unknown.length) throw new Error(`unknown --type ${unknown.join(', ')}; use ${TYPES.join(', ')}`);
  return withStrapi(async (strapi) => {
    const report = await strapi.service('api::search.search').rebuild({ types, log: (line) => console.log(line) });
    console.log(`\nDone in ${report.durationMs} ms`);
    for (const type of types) console.log(`${type.padEnd(14)} ${String(report.documents[type]).padStart(7)} indexed  ${String(report.removed[type]).padStart(5)} removed`);
  });
});
