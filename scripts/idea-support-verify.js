#!/usr/bin/env node
'use strict';
const { parseArgs } = require('node:util');
const { withStrapi, runCli } = require('./lib/with-strapi');

const HELP = `Usage: npm run idea-support:verify [-- --fix]

Recomputes every initiative's support count from the ledger of supports and
reports each initiative whose stored count differs (drift). Exits 1 when drift
is found and not fixed.

Options:
  --fix         repair the drift (set each count to the ledger's)
  --dry-run     report only (the default)
  -h, --help    show this help`;

runCli('idea-support:verify', async () => {
  const { values } = parseArgs({ options: { fix: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) return console.log(HELP);
  if (values.fix && values['dry-run']) throw new Error('--fix and --dry-run exclude each other');
  return withStrapi(async (strapi) => {
    const started = Date.now();
    const { drift, fixed } = await strapi.plugin('idea-support').service('support').verify({ fix: Boolean(values.fix) });
    for (const d of drift) console.log(`drift: initiative ${d.initiative} ledger=${d.ledger} stored=${d.stored.join('/')}`);
    console.log(`[idea-support:verify] ${drift.length} initiative(s) with drift, ${fixed} fixed, in ${Date.now() - started} ms`);
    return drift.length > fixed ? 1 : 0;
  });
});
