#!/usr/bin/env node
'use strict';
const { withStrapi } = require('./lib/with-strapi');
const { EXIT, parseCli, runCli, UsageError } = require('./lib/cli');

const HELP = `Usage: npm run reminders -- --period 2026-Q4 [--dry-run]

Sends the quarterly "is your listing still right?" mail to every approved
organisation with a reminder address — once per organisation and period, also
when run again or on several servers at once. Failed mails are retried with
backoff; what still fails is recorded and shown on the admin page.

Options:
  --period YYYY-QN   the quarter: this one (the default) or one of the four before it
  --dry-run          show who would get a mail; send nothing
  --slot KEY         run as the scheduled run of this slot (several instances: one wins)
  -h, --help         show this help`;

const quarterOf = (date) => date.getUTCFullYear() * 4 + Math.floor(date.getUTCMonth() / 3);
const periodName = (quarter) => `${Math.floor(quarter / 4)}-Q${(quarter % 4) + 1}`;

/** Asking a listing to be confirmed for a quarter long gone, or one to come, is a typo. */
function checkedPeriod(value, now = new Date()) {
  const current = quarterOf(now);
  if (value === undefined) return periodName(current);
  const match = /^(\d{4})-Q([1-4])$/.exec(value);
  if (!match) throw new UsageError(`--period must look like ${periodName(current)}, not "${value}"`);
  const quarter = Number(match[1]) * 4 + Number(match[2]) - 1;
  if (quarter > current || quarter < current - 4) throw new UsageError(`--period ${value} is not this quarter or one of the four before it (${periodName(current - 4)} … ${periodName(current)})`);
  return value;
}

runCli('reminders', HELP, async () => {
  const { values } = parseCli({ period: { type: 'string' }, 'dry-run': { type: 'boolean' }, slot: { type: 'string' } });
  if (values.help) return console.log(HELP);
  const period = checkedPeriod(values.period);
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
    return result.failed || result.status === 'failed' ? EXIT.failed : EXIT.done;
  });
});
