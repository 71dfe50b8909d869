#!/usr/bin/env node
'use strict';
const { withStrapi } = require('./lib/with-strapi');
const { EXIT, parseCli, runCli, UsageError } = require('./lib/cli');

const HELP = `Usage: npm run idea-support:verify [-- --fix]

Recomputes every initiative's support count from the ledger of supports and
reports each initiative whose stored count differs (drift). Exits 1 when drift
is found and not fixed.

Options:
  --fix         repair the drift (set each count to the ledger's)
  --dry-run     report only (the default)
  -h, --help    show this help`;

runCli('idea-support:verify', HELP, async () => {
  const { values } = parseCli({ fix: { type: 'boolean' }, 'dry-run': { type: 'boolean' } });
  if (values.help) return console.log(HELP);
  if (values.fix && values['dry-run']) throw new UsageError('--fix and --dry-run exclude each other');
  return withStrapi(async (strapi) => {
    const started = Date.now();
    const { drift, fixed } = await strapi.plugin('idea-support').service('support').verify({ fix: Boolean(values.fix) });
    for (const d of drift) console.log(`drift: initiative ${d.initiative} ledger=${d.ledger} stored=${d.stored.join('/')}`);
    console.log(`[idea-support:verify] ${drift.length} initiative(s) with drift, ${fixed} fixed, in ${Date.now() - started} ms`);
    return drift.length > fixed ? EXIT.failed : EXIT.done;
  });
});
