#!/usr/bin/env node
'use strict';
const { withStrapi } = require('./lib/with-strapi');
const { EXIT, parseCli, runCli, UsageError } = require('./lib/cli');

const HELP = `Usage: npm run digests -- --frequency daily|weekly [--period NAME] [--dry-run]

Sends the digest mails of followers: everything new in what they follow,
bundled per day (daily) or ISO week (weekly), on Amsterdam's calendar. Each
follower gets one mail per period, and none when nothing is new — also when
run again or on several servers at once. The server sends these by itself
every morning at 07:00 (weekly ones on Monday); this runs them by hand.

Options:
  --frequency daily|weekly   which digests
  --period NAME              the day (2026-12-03) or ISO week (2026-W49);
                             default: yesterday, or last week
  --dry-run                  show who would get a digest; send nothing
  -h, --help                 show this help`;

runCli('digests', HELP, async () => {
  const { values } = parseCli({ frequency: { type: 'string' }, period: { type: 'string' }, 'dry-run': { type: 'boolean' } });
  if (values.help) return console.log(HELP);
  const frequency = values.frequency;
  if (frequency !== 'daily' && frequency !== 'weekly') throw new UsageError(`--frequency must be daily or weekly${frequency ? `, not "${frequency}"` : ''}`);
  const dryRun = Boolean(values['dry-run']);
  return withStrapi(async (strapi) => {
    const delivery = strapi.service('api::follow.delivery');
    const period = delivery.digestPeriod(frequency, values.period);
    if (!period) throw new UsageError(`--period must be a ${frequency === 'daily' ? 'day like 2026-12-03' : 'week like 2026-W49'} that has ended, not "${values.period}"`);
    const run = await delivery.runDigests({ period, dryRun, log: (line) => console.log(line) });
    if (dryRun) {
      for (const mail of run.wouldSend) console.log(`  would mail ${mail.address} (${mail.entries} item(s))`);
      console.log(`\nDRY RUN ${frequency} ${run.period}: ${run.wouldSend.length} follower(s) would get a digest, ${run.due - run.wouldSend.length} had theirs already; ${run.followers} follower(s) read. Nothing was sent.`);
      return EXIT.done;
    }
    console.log(`\n${frequency} ${run.period}: ${run.sent} sent, ${run.already} sent before, ${run.unsubscribed} stopped (unsubscribed or bounced), ${run.failed} failed; ${run.followers} follower(s) read, ${run.events} event(s), in ${run.durationMs} ms`);
    return run.failed ? EXIT.failed : EXIT.done;
  });
});
