#!/usr/bin/env node
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { withStrapi, runCli } = require('./lib/with-strapi');

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

const USAGE = 2;

function usage(message) {
  console.error(`[import] ${message}\n\n${HELP}`);
  return USAGE;
}

function printRejected(report) {
  for (const row of report.rows.filter((r) => r.status === 'rejected')) {
    for (const p of row.problems) console.log(`  line ${row.line}${row.externalId ? ` (${row.externalId})` : ''}: ${p.field}: ${p.reason}`);
  }
}

runCli('import', async () => {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        type: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'all-or-nothing': { type: 'boolean' },
        report: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    return usage(error.message);
  }
  const { values, positionals } = parsed;
  if (values.help) return console.log(HELP);
  if (positionals.length !== 1) return usage('give exactly one file');
  if (values.type && !['organisations', 'activities'].includes(values.type)) return usage(`--type must be organisations or activities, not "${values.type}"`);
  const file = path.resolve(positionals[0]);
  if (!fs.existsSync(file)) return usage(`no such file: ${positionals[0]}`);

  return withStrapi(async (strapi, app) => {
    const { runImport } = require(path.join(app.distDir, 'src/import'));
    let report;
    try {
      report = await runImport(strapi, fs.readFileSync(file), {
        type: values.type,
        filename: file,
        dryRun: Boolean(values['dry-run']),
        allOrNothing: Boolean(values['all-or-nothing']),
        log: (line) => console.log(line),
      });
    } catch (error) {
      if (error.name === 'ValidationError') return usage(error.message);
      throw error;
    }
    if (values.report) fs.writeFileSync(values.report, `${JSON.stringify(report, null, 2)}\n`);
    for (const warning of report.warnings) console.log(`warning: ${warning}`);
    printRejected(report);
    const { created, updated, unchanged, rejected } = report.totals;
    const prefix = report.dryRun ? 'DRY RUN, nothing written: would be ' : report.written ? '' : 'NOTHING WRITTEN (all-or-nothing): planned ';
    console.log(`${prefix}${created} created, ${updated} updated, ${unchanged} unchanged, ${rejected} rejected in ${(report.durationMs / 1000).toFixed(1)} s`);
    return report.allOrNothing && !report.written && !report.dryRun ? 1 : 0;
  });
});
