#!/usr/bin/env node
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { withStrapi, runCli } = require('./lib/with-strapi');

const HELP = `Usage: npm run export -- --format hsds|csv [--type organisations|activities] [--out FILE]

Writes the public social map (published, not archived, public fields only)
as Open Referral HSDS 3.0 JSON, or as CSV per type in the import's format.
The same data is served at GET /api/export/hsds and /api/export/<type>.csv.

Options:
  --format F    hsds (default) or csv
  --type T      organisations or activities (csv only)
  --out FILE    write to FILE instead of standard output
  -h, --help    show this help`;

function usage(message) {
  console.error(`[export] ${message}\n\n${HELP}`);
  return 2;
}

runCli('export', async () => {
  let values;
  try {
    ({ values } = parseArgs({ options: { format: { type: 'string', default: 'hsds' }, type: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    return usage(error.message);
  }
  if (values.help) return console.log(HELP);
  if (!['hsds', 'csv'].includes(values.format)) return usage(`--format must be hsds or csv, not "${values.format}"`);
  if (values.format === 'csv' && !['organisations', 'activities'].includes(values.type)) return usage('--format csv needs --type organisations or activities');
  return withStrapi(async (strapi, app) => {
    const { exportCsv, exportHsds } = require(path.join(app.distDir, 'src/export'));
    const text = values.format === 'csv' ? await exportCsv(strapi, values.type) : `${JSON.stringify(await exportHsds(strapi), null, 2)}\n`;
    if (values.out) {
      fs.writeFileSync(values.out, text);
      console.error(`[export] wrote ${values.out}`);
    } else {
      process.stdout.write(text);
    }
    return 0;
  });
});
