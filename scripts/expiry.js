#!/usr/bin/env node
'use strict';
const { withStrapi } = require('./lib/with-strapi');
const { EXIT, parseCli, runCli } = require('./lib/cli');

const HELP = `Usage: npm run expiry -- [options]

Archives expired content (unpublished, archivedAt set, restorable), warns owners
of activities that expire within a week, and deletes items archived longer than
the retention period — as configured for content-expiry in config/plugins.ts.
The report is stored and shown on the admin page "Content expiry".

Options:
  --dry-run       list what would be archived or deleted; change nothing
  --slot KEY      run as the scheduled run of this slot (several instances: one wins)
  -h, --help      show this help`;

const line = (cells) => cells.map((c, i) => String(c).padEnd(i ? 10 : 34)).join(' ');

runCli('expiry', HELP, async () => {
  const { values } = parseCli({ 'dry-run': { type: 'boolean' }, slot: { type: 'string' } });
  if (values.help) return console.log(HELP);
  return withStrapi(async (strapi) => {
    const dryRun = Boolean(values['dry-run']);
    const report = await strapi.plugin('content-expiry').service('expiry').run({
      trigger: values.slot ? 'schedule' : 'cli',
      dryRun,
      slot: values.slot ?? null,
      log: (l) => console.log(l),
    });
    if (report.status === 'skipped') return 0;
    console.log(`\n${dryRun ? 'DRY RUN: nothing was changed' : 'Done'} (run ${report.runId}, ${report.durationMs} ms)`);
    console.log(line(['type', dryRun ? 'would archive' : 'archived', 'cascaded', dryRun ? 'would delete' : 'deleted', 'warned']));
    for (const [uid, t] of Object.entries(report.types)) {
      console.log(line([uid, t.archived, Object.values(t.cascaded).reduce((a, b) => a + b, 0), t.deleted, t.warned]));
      if (dryRun) {
        for (const i of t.wouldArchive) console.log(`  archive ${i.title} (${i.documentId})`);
        for (const i of t.wouldDelete) console.log(`  delete  ${i.title} (${i.documentId})`);
      }
    }
    for (const e of report.errors) console.error(`error in ${e.uid}: ${e.message}`);
    return report.status === 'succeeded' ? EXIT.done : EXIT.failed;
  });
});
