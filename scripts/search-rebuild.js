#!/usr/bin/env node
'use strict';
const { withStrapi } = require('./lib/with-strapi');
const { contentType, parseCli, runCli } = require('./lib/cli');

const TYPES = ['activity', 'organisation', 'initiative'];
const SINGULAR = { activities: 'activity', organisations: 'organisation', initiatives: 'initiative' };
const HELP = `Usage: npm run search:rebuild -- [options]

Rebuilds the search index of GET /api/search from what is published and not
archived, in batches. Searching keeps working meanwhile; entries of items that
are no longer public are removed at the end. Safe to run at any time.

Options:
  --type TYPE     only this type: ${TYPES.join(', ')} (may be repeated)
  -h, --help      show this help`;

runCli('search:rebuild', HELP, async () => {
  const { values } = parseCli({ type: { type: 'string', multiple: true } });
  if (values.help) return console.log(HELP);
  // The index calls its types by the singular name; the other tools take either.
  const types = values.type ? [...new Set(values.type.map((t) => SINGULAR[contentType(t, Object.keys(SINGULAR))]))] : TYPES;
  return withStrapi(async (strapi) => {
    const report = await strapi.service('api::search.search').rebuild({ types, log: (line) => console.log(line) });
    console.log(`\nDone in ${report.durationMs} ms`);
    for (const type of types) console.log(`${type.padEnd(14)} ${String(report.documents[type]).padStart(7)} indexed  ${String(report.removed[type]).padStart(5)} removed`);
  });
});
