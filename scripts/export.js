#!/usr/bin/env node
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { withStrapi } = require('./lib/with-strapi');
const { contentType, parseCli, runCli, UsageError } = require('./lib/cli');

const HELP = `Usage: npm run export -- --format hsds|csv [--type organisations|activities] --out FILE

Writes the public social map (published, not archived, public fields only)
as Open Referral HSDS 3.0 JSON, or as CSV per type in the import's format.
The same data is served at GET /api/export/hsds and /api/export/<type>.csv.
What was written is counted on standard error.

Options:
  --format F    hsds (default) or csv
  --type T      organisations or activities (csv only)
  --out FILE    write to FILE. Without it the data goes to standard output,
                which npm opens with lines of its own: use node scripts/export.js
                (or npm run -s export) to pipe it
  -h, --help    show this help`;

// npm prints "> buurtplein@… export" on standard output before the script runs.
const underNpm = () => process.env.npm_lifecycle_event === 'export';

runCli('export', HELP, async () => {
  const { values } = parseCli({ format: { type: 'string', default: 'hsds' }, type: { type: 'string' }, out: { type: 'string' } });
  if (values.help) return console.log(HELP);
  if (!['hsds', 'csv'].includes(values.format)) throw new UsageError(`--format must be hsds or csv, not "${values.format}"`);
  const type = values.type === undefined ? undefined : contentType(values.type, ['organisations', 'activities']);
  if (values.format === 'csv' && !type) throw new UsageError('--format csv needs --type organisations or activities');
  if (!values.out && underNpm() && !process.stdout.isTTY && process.env.npm_config_loglevel !== 'silent') {
    throw new UsageError('npm writes its own lines before the data on standard output: give --out FILE, or run npm run -s export');
  }
  return withStrapi(async (strapi, app) => {
    const { exportCsv, exportHsds } = require(path.join(app.distDir, 'src/export'));
    let text;
    let summary;
    if (values.format === 'csv') {
      text = await exportCsv(strapi, type);
      summary = `${Math.max(0, text.trimEnd().split('\n').length - 1)} ${type} rows (CSV)`;
    } else {
      const hsds = await exportHsds(strapi);
      text = `${JSON.stringify(hsds, null, 2)}\n`;
      const services = hsds.contents.reduce((sum, organisation) => sum + (organisation.services?.length ?? 0), 0);
      summary = `${hsds.contents.length} organisations with ${services} services (HSDS 3.0)`;
    }
    if (values.out) fs.writeFileSync(values.out, text);
    else process.stdout.write(text);
    console.error(`[export] ${summary}${values.out ? ` → ${values.out}` : ''}`);
    return 0;
  });
});


