#!/usr/bin/env node
'use strict';
// node bench/digests.js [options]: a week's weekly digests to a local SMTP sink, and a
// plain nodemailer loop sending as many copies of the same composed digest.
const path = require('node:path');
const c = require('./lib/common');

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
  const sink = c.startChild('smtp-sink', path.join(__dirname, 'lib/smtp-sink.js'), { env: process.env });
  const children = [sink];
  try {
    await sink.ready;
    const port = await sink.call('port');
    const smtp = { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_SECURE: 'false', SMTP_USERNAME: '' };
    log(`SMTP sink on 127.0.0.1:${port}; booting Strapi on schema "${SCHEMA}"`);
    const strapi = c.startChild('strapi', path.join(__dirname, 'lib/strapi-child.js'), {
      env: c.strapiEnv(SCHEMA, { BENCH_TASKS: path.join(__dirname, 'lib/digests-tasks.js'), ...smtp }),
      execArgv: ['--expose-gc'],
      log,
    });
    children.push(strapi);
    await strapi.ready;
    const settings = await strapi.call('settings');
    if (settings.provider !== 'nodemailer') throw new Error(`the app's email provider is ${settings.provider}, not nodemailer: is SMTP_HOST passed on?`);

    log(`filling ${opts.events} events and ${opts.followers} followers`);
    await c.withPg(SCHEMA, (pg) => refill(pg, opts));
    const mail = await strapi.call('sampleMail', { period: WEEK, follower: 'e:volger-1@bench.invalid', frequency: 'weekly' });
    const lines = (mail.text.match(/^https?:\/\/\S+\/initiative\.html/gm) ?? []).length;
    log(`a digest holds ${lines} news lines, ${mail.text.length} bytes of text and ${mail.html.length} of HTML`);

    const results = [];
    await sink.call('reset');
    let loadAverage = c.loadAverage();
    log(`app: weekly digests of ${WEEK} (load average ${loadAverage})`);
    const app = await strapi.call('run', { period: WEEK });
    const appSink = await sink.call('stats');
    log(`app: ${app.result.sent} sent, ${app.result.failed} failed in ${(app.ms / 1000).toFixed(1)} s; sink got ${appSink.messages}`);
    results.push({ sender: 'app digests', loadAverage, ms: app.ms, cpuMs: app.cpuMs, statements: app.statements, memory: app.memory, sent: app.result.sent, failed: app.result.failed, sink: appSink, result: app.result });
    await strapi.stop();

    const raw = c.startChild('raw', path.join(__dirname, 'lib/reminders-raw.js'), { env: { ...process.env, ...smtp, SMTP_POOL: 'false' }, execArgv: ['--expose-gc'] });
    children.push(raw);
    await raw.ready;
    await sink.call('reset');
    loadAverage = c.loadAverage();
    log(`raw: ${opts.followers} digests with nodemailer, ${CONCURRENCY} at a time (load average ${loadAverage})`);
    const loop = await raw.call('send', { count: opts.followers, concurrency: CONCURRENCY, mail });
    const rawSink = await sink.call('stats');
    log(`raw: ${loop.sent} sent, ${loop.failed} failed in ${(loop.ms / 1000).toFixed(1)} s; sink got ${rawSink.messages}`);
    results.push({ sender: 'raw nodemailer', loadAverage, ms: loop.ms, cpuMs: loop.cpuMs, statements: 0, memory: loop.memory, sent: loop.sent, failed: loop.failed, sink: rawSink });

    report({ opts, mail, lines, results, loadStart });
    const bad = results.filter((r) => r.sent !== opts.followers || r.failed || r.sink.messages !== opts.followers);
    if (bad.length) {
      console.error(`[bench:${NAME}] ${bad.map((r) => r.sender).join(', ')}: not every digest was sent and received: see the table`);
      process.exitCode = 1;
    }
  } finally {
    await Promise.all(children.map((child) => child.stop()));
  }
}

function report({ opts, mail, lines, results, loadStart }) {
  const perSecond = (r) => r.sent / (r.ms / 1000);
  const [app, raw] = results;
  const ratio = perSecond(app) / perSecond(raw);
  const measuredTable = c.markdownTable(
    ['sender', 'digests sent', 'sink got', 'failed', 'time s', 'mails/s', 'CPU ms/mail', 'SQL/mail', 'bytes/mail', 'peak RSS MB', 'peak heap MB', 'heap kept MB'],
    results.map((r) => [
      r.sender,
      r.sent,
      r.sink.messages,
      r.failed,
      (r.ms / 1000).toFixed(2),
      perSecond(r).toFixed(1),
      (r.cpuMs / r.sent).toFixed(2),
      (r.statements / r.sent).toFixed(1),
      r.sink.messages ? Math.round(r.sink.bytes / r.sink.messages) : 0,
      c.mb(r.memory.peakRss),
      c.mb(r.memory.peakHeapUsed),
      c.mb(r.memory.heapUsedAfterGc - r.memory.heapUsedBefore),
    ])
  );
  const ratioTable = c.markdownTable(['app/raw mails/s', 'aim'], [[`${ratio.toFixed(2)}x`, '>= 0.8x']]);
  const table = `${measuredTable}\n\n${ratioTable}`;
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
