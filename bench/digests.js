#!/usr/bin/env node
'use strict';
// node bench/digests.js [options]: a week's weekly digests to a local SMTP sink, and a
// plain nodemailer loop sending as many copies of the same composed digest.
const c = require('./lib/common');
const m = require('./lib/mail-compare');

const NAME = 'digests';
const SCHEMA = 'bench_digests';
const log = c.logger(NAME);

const HELP = `Usage: node bench/digests.js [options]

Starts an SMTP sink on 127.0.0.1 (counts mails, discards them) and Strapi with
SMTP_HOST/SMTP_PORT pointing at it, fills PostgreSQL schema "${SCHEMA}" (created when
missing) by SQL with E published initiatives, one follow event each in one past ISO
week (new initiative: its neighbourhood and theme), and F followers by address, each
following one of 200 neighbourhoods and one of 100 categories weekly (about 20 news
lines per digest), then measures in one go:
  app   strapi.service('api::follow.delivery').runDigests() for that week, as
        \`npm run digests -- --frequency weekly --period <week>\` runs it
        (must send F; the sink must get F)
  raw   nodemailer.createTransport with the same SMTP options, 8 senders (the app's
        digest concurrency), F copies of one follower's digest as the app composed it
Each side runs in a process of its own; so does the sink. The outbox is emptied first.
Results go to the console and bench/results/<date>-${NAME}.{json,md}.

Options:
  --followers N   followers, i.e. digests per side (default 10000)
  --events N      follow events in the week (default 2000)
  -h, --help      show this help

Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).`;

const SPEC = {
  followers: { default: 10000, min: 1 },
  events: { default: 2000, min: 1 },
};
const WEEK = '2024-W10';
const CONCURRENCY = 8;

async function refill(pg, { followers, events }) {
  await pg.query('TRUNCATE initiatives, follows, follow_events, outbox_messages, outbox_unsubscribes RESTART IDENTITY CASCADE');
  await pg.query(
    `INSERT INTO initiatives (document_id, title, slug, summary, stage, support_count, locale, published_at, created_at, updated_at)
     SELECT left(md5('bench-initiative-' || i), 24), 'Initiatief ' || i || ': een bankje bij de speeltuin', 'initiatief-' || i,
            'Een idee voor de buurt.', 'idea', 0, 'nl', CASE WHEN p THEN localtimestamp END, localtimestamp, localtimestamp
     FROM generate_series(1, $1::int) i CROSS JOIN (VALUES (false), (true)) v(p) ORDER BY i, p`,
    [events]
  );
  // Monday 4 March 2024 is the first day of 2024-W10; the events are spread over its 7 days.
  await pg.query(
    `INSERT INTO follow_events (document_id, kind, item, detail, subjects, created_at, updated_at, published_at)
     SELECT left(md5('bench-event-' || i), 24), 'initiative.new', left(md5('bench-initiative-' || i), 24), '',
            json_build_array('neighbourhood:nb-' || (i % 200), 'category:cat-' || (i % 100))::jsonb,
            timestamptz '2024-03-04 00:00:00+01' + (i * interval '1 second' * (604800 / ($1::int + 1))), localtimestamp, localtimestamp
     FROM generate_series(1, $1::int) i`,
    [events]
  );
  await pg.query(
    `INSERT INTO follows (document_id, type, target, email, frequency, language, confirmed_at, created_at, updated_at, published_at)
     SELECT left(md5('bench-follow-' || j || t), 24), t, CASE t WHEN 'neighbourhood' THEN 'nb-' || (j % 200) ELSE 'cat-' || (j % 100) END,
            'volger-' || j || '@bench.invalid', 'weekly', 'nl', timestamptz '2024-01-01', localtimestamp, localtimestamp, localtimestamp
     FROM generate_series(1, $1::int) j CROSS JOIN (VALUES ('neighbourhood'), ('category')) v(t)`,
    [followers]
  );
  await c.vacuumAnalyze(pg, SCHEMA, ['initiatives', 'follows', 'follow_events', 'outbox_messages', 'outbox_unsubscribes']);
}

async function main() {
  const opts = c.options(SPEC, HELP);
  if (!opts) return;
  require('../scripts/setup-env').writeEnvIfMissing();
  await c.ensureSchema(SCHEMA);
  const loadStart = c.loadAverage();
  const children = [];
  try {
    const { sink, port, smtp } = await m.startSink(children);
    log(`SMTP sink on 127.0.0.1:${port}; booting Strapi on schema "${SCHEMA}"`);
    const strapi = await m.startStrapi(children, { schema: SCHEMA, tasks: 'digests-tasks.js', smtp, log });
    const settings = await strapi.call('settings');
    if (settings.provider !== 'nodemailer') throw new Error(`the app's email provider is ${settings.provider}, not nodemailer: is SMTP_HOST passed on?`);

    log(`filling ${opts.events} events and ${opts.followers} followers`);
    await c.withPg(SCHEMA, (pg) => refill(pg, opts));
    const mail = await strapi.call('sampleMail', { period: WEEK, follower: 'e:volger-1@bench.invalid', frequency: 'weekly' });
    const lines = (mail.text.match(/^https?:\/\/\S+\/initiative\.html/gm) ?? []).length;
    log(`a digest holds ${lines} news lines, ${mail.text.length} bytes of text and ${mail.html.length} of HTML`);

    log(`app: weekly digests of ${WEEK} (load average ${c.loadAverage()})`);
    const app = await m.measureApp({ sender: 'app digests', sink, call: () => strapi.call('run', { period: WEEK }), log });
    await strapi.stop();
    const raw = await m.measureRawLoop(children, { sink, smtp, count: opts.followers, concurrency: CONCURRENCY, mail, log });
    const results = [app, raw];
    report({ opts, mail, lines, results, loadStart });
    m.checkDelivered(NAME, results, opts.followers);
  } finally {
    await Promise.all(children.map((child) => child.stop()));
  }
}

function report({ opts, mail, lines, results, loadStart }) {
  const [app] = results;
  const { ratio, table } = m.comparisonTables(results, { sentLabel: 'digests sent', ratioLabel: 'app/raw mails/s' });
  console.log(`\n${table}\n`);
  const machine = c.machine();
  const loadEnd = c.loadAverage();
  const written = c.writeResults(
    NAME,
    { options: opts, machine, week: WEEK, loadAverage: { before: loadStart, after: loadEnd }, mailSample: { subject: mail.subject, newsLines: lines, textBytes: mail.text.length, htmlBytes: mail.html.length }, results, ratio, figures: { digestsRatio: ratio, digestsPeakRssMb: app.memory.peakRss / 1048576 } },
    [
      `# Digests benchmark, ${new Date().toISOString()}`,
      '',
      `${opts.followers} followers, ${opts.events} events in ${WEEK}, about ${lines} news lines per digest; SMTP without a pool, ${CONCURRENCY} senders on both sides; sink on 127.0.0.1; ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}.`,
      `Load average ${loadStart} before, ${loadEnd} after. CPU ms/mail: the sending process's own CPU time; SQL/mail: statements it sent; memory: that process, sampled every 50 ms; heap kept = heap after a GC at the end - at start.`,
      '',
      table,
    ]
  );
  log(`wrote ${written}.json and .md`);
}

c.main(NAME, main);
