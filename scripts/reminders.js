#!/usr/bin/env node
'use strict';
const { parseArgs } = require('node:util');
const { withStrapi, runCli } = require('./lib/with-strapi');

const HELP = `Usage: npm run reminders -- --period 2026-Q4 [--dry-run]

Sends the quarterly "is your listing still right?" mail to every approved
organisation with a reminder address — once per organisation and period, also
when run again or on several servers at once. Failed mails are retried with
backoff; what still fails is recorded and shown on the admin page.

Options:
  --period YYYY-QN   the quarter (default: the current one)
  --dry-run          show who would get a mail; send nothing
  --slot KEY         run as the scheduled run of this slot (several instances: one wins)
  -h, --help         show this help`;

runCli('reminders', async () => {
  const { values } = parseArgs({
    options: { period: { type: 'string' }, 'dry-run': { type: 'boolean' }, slot: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) return console.log(HELP);
  const now = new Date();
  const period = values.period ?? `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
  if (!/^\d{4}-Q[1-4]$/.test(period)) throw new Error(`--period must look like 2026-Q4, got "${period}"`);
  return withStrapi(async (strapi) => {
    const dryRun = Boolean(values['dry-run']);
    const result = await strapi.plugin('listing-reminders').service('reminders').run({
      period,
      dryRun,
      trigger: values.slot ? 'schedule' : 'cli',
      slot: values.slot ?? null,
      log: (line) => console.log(line),
    });
    if (dryRun) {
      for (const r of result.recipients) console.log(`  would mail ${r.email} (${r.name}, ${r.language})`);
      console.log(`\nDRY RUN ${period}: ${result.wouldSend} organisation(s) would get a mail, ${result.skipped} already had theirs. Nothing was sent.`);
      return 0;
    }
    if (result.status === 'skipped') return 0;
    console.log(`\n${period}: ${result.sent} sent, ${result.failed} failed, ${result.skipped} already done, in ${result.durationMs} ms (run ${result.runId})`);
    return result.failed || result.status === 'failed' ? 1 : 0;
  });
});
