#!/usr/bin/env node
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { withStrapi } = require('./lib/with-strapi');
const { contentType, EXIT, parseCli, runCli, UsageError } = require('./lib/cli');

const HELP = `Usage: npm run import -- <file> [options]

Imports organisations or activities from a CSV file (UTF-8, ";" or ",", header
row) or a JSON list into the database configured in .env. Rows are matched by
externalId: new ones are created, changed ones updated, equal ones left alone,
so importing the same file twice changes nothing the second time. Imported
items are published at once. The columns are described in README.md
("Bulk import and open-data export").

Options:
  --type T           organisations or activities (default: activities when the file has a title column)
  --dry-run          check every row and report what would happen; write nothing
  --all-or-nothing   write nothing at all when one row is rejected (one transaction)
  --report FILE      also write the full report as JSON to FILE
  -h, --help         show this help

Exit codes: 0 done, 1 rows rejected in --all-or-nothing mode (nothing written), 2 usage error.`;

const FORMATS = /\.(csv|json|txt)$/i;

function printRejected(report) {
  for (const row of report.rows.filter((r) => r.status === 'rejected')) {
    for (const p of row.problems) console.log(`  line ${row.line}${row.externalId ? ` (${row.externalId})` : ''}: ${p.field}: ${p.reason}`);
  }
}

/** Where every rejected row lacks its organisation, the file is fine and the order is not. */
function hint(report) {
  const rejected = report.rows.filter((r) => r.status === 'rejected');
  const orphans = rejected.filter((r) => r.problems.some((p) => p.field === 'organisation' && /unknown organisation/.test(p.reason)));
  if (rejected.length > 1 && orphans.length === rejected.length) {
    console.log(`hint: none of these organisations is known yet: import the organisations first (e.g. data/samples/launch-organisations.csv)`);
  }
}

runCli('import', HELP, async () => {
  const { values, positionals } = parseCli(
    { type: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'all-or-nothing': { type: 'boolean' }, report: { type: 'string' } },
    { positionals: true }
  );
  if (values.help) return console.log(HELP);
  if (positionals.length !== 1) throw new UsageError('give exactly one file');
  const type = values.type === undefined ? undefined : contentType(values.type, ['organisations', 'activities']);
  const file = path.resolve(positionals[0]);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new UsageError(`no such file: ${positionals[0]}`);
  // Checked before the app starts: a README or a spreadsheet is refused at once, not after a boot and a parse error.
  if (!FORMATS.test(file)) throw new UsageError(`${positionals[0]} is not a .csv or .json file (save a spreadsheet as CSV, UTF-8)`);

  return withStrapi(async (strapi, app) => {
    const { runImport } = require(path.join(app.distDir, 'src/import'));
    let report;
    try {
      report = await runImport(strapi, fs.readFileSync(file), {
        type,
        filename: file,
        dryRun: Boolean(values['dry-run']),
        allOrNothing: Boolean(values['all-or-nothing']),
        log: (line) => console.log(line),
      });
    } catch (error) {
      if (error.name === 'ValidationError') throw new UsageError(error.message);
      throw error;
    }
    if (values.report) fs.writeFileSync(values.report, `${JSON.stringify(report, null, 2)}\n`);
    for (const warning of report.warnings) console.log(`warning: ${warning}`);
    printRejected(report);
    hint(report);
    const { created, updated, unchanged, rejected } = report.totals;
    const prefix = report.dryRun ? 'DRY RUN, nothing written: would be ' : report.written ? '' : 'NOTHING WRITTEN (all-or-nothing): planned ';
    console.log(`${prefix}${created} created, ${updated} updated, ${unchanged} unchanged, ${rejected} rejected in ${(report.durationMs / 1000).toFixed(1)} s`);
    return report.allOrNothing && !report.written && !report.dryRun ? EXIT.failed : EXIT.done;
  });
});
