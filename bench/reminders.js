#!/usr/bin/env node
'use strict';
// node bench/reminders.js [options]: the quarterly reminder run against a local SMTP
// sink, and a plain nodemailer loop sending as many mails to the same sink.
const c = require('./lib/common');
const m = require('./lib/mail-compare');

const NAME = 'reminders';
const SCHEMA = 'bench_reminders';
const PERIOD = '2099-Q1';
const log = c.logger(NAME);

const HELP = `Usage: node bench/reminders.js [options]

Starts an SMTP sink on 127.0.0.1 (counts mails, discards them) and Strapi with
SMTP_HOST/SMTP_PORT pointing at it, fills PostgreSQL schema "${SCHEMA}" (created when
missing) with N approved, published organisations with a reminder address (draft and
published rows, locale nl, by SQL), then measures in one go:
  plugin   strapi.plugin('listing-reminders').service('reminders')
             .run({ period: '${PERIOD}', trigger: 'cli' })   (must send N; the sink must get N)
  raw      nodemailer.createTransport with the same SMTP options, the plugin's concurrency
           (config \`concurrency\`, default 8) of senders, N mails of the same size
Each side runs in a process of its own; so does the sink. The send log, runs and
one-time tokens are emptied before the plugin's run.
Results go to the console and bench/results/<date>-${NAME}.{json,md}.

Options:
  --organisations N   organisations, i.e. mails per side (default 10000)
  --pool              SMTP_POOL=true for both sides (default: the app's default, false:
                      a new SMTP connection per mail)
  -h, --help          show this help

Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).`;

const SPEC = {
  organisations: { default: 10000, min: 1 },
  pool: { boolean: true },
};

/** N approved organisations, each a draft row and then its published row, in locale nl. */
async function refill(pg, n) {
  await pg.query('TRUNCATE organisations, reminder_send_log, reminder_runs, outbox_messages, one_time_tokens RESTART IDENTITY CASCADE');
  await pg.query(
    `INSERT INTO organisations (document_id, name, slug, description, address, postal_code, city, phone, email, website,
                                reminder_email, approval_status, preferred_language, last_confirmed_at, locale,
                                published_at, created_at, updated_at)
     SELECT left(md5('bench-organisation-' || i), 24), 'Organisatie ' || i, 'organisatie-' || i,
            repeat('Wat wij doen in de buurt. ', 6), 'Dorpsstraat ' || (i % 200), '1234 AB', 'Buurtstad',
            '010-' || lpad(i::text, 7, '0'), 'info-' || i || '@bench.invalid', 'https://organisatie-' || i || '.bench.invalid',
            'organisatie-' || i || '@bench.invalid', 'approved', 'nl', localtimestamp - interval '100 days', 'nl',
            CASE WHEN p THEN localtimestamp END, localtimestamp, localtimestamp
     FROM generate_series(1, $1::int) i CROSS JOIN (VALUES (false), (true)) v(p)
     ORDER BY i, p`,
    [n]
  );
  await c.vacuumAnalyze(pg, SCHEMA, ['organisations', 'reminder_send_log', 'reminder_runs', 'outbox_messages', 'one_time_tokens']);
}

async function main() {
  const opts = c.options(SPEC, HELP);
  if (!opts) return;
  require('../scripts/setup-env').writeEnvIfMissing();
  await c.ensureSchema(SCHEMA);
  const loadStart = c.loadAverage();
  log(`load average before: ${loadStart}`);

  const children = [];
  try {
    const { sink, port, smtp } = await m.startSink(children, { pool: opts.pool });
    log(`SMTP sink on 127.0.0.1:${port}; booting Strapi on schema "${SCHEMA}" (SMTP_POOL ${opts.pool ? 'true' : 'unset: the default, false'})`);
    const strapi = await m.startStrapi(children, { schema: SCHEMA, tasks: 'reminders-tasks.js', smtp, log });
    const settings = await strapi.call('settings');
    if (settings.provider !== 'nodemailer') throw new Error(`the app's email provider is ${settings.provider}, not nodemailer: is SMTP_HOST passed on?`);
    log(`plugin settings: concurrency ${settings.concurrency}, batch ${settings.batchSize}; SMTP ${JSON.stringify(settings.providerOptions)}`);

    log(`filling ${opts.organisations} organisations`);
    await c.withPg(SCHEMA, (pg) => refill(pg, opts.organisations));
    const mail = await strapi.call('sampleMail', { period: PERIOD });
    await c.withPg(SCHEMA, (pg) => pg.query('TRUNCATE one_time_tokens RESTART IDENTITY')); // the sample's login link

    log(`plugin: reminder run for ${PERIOD} (load average ${c.loadAverage()})`);
    const plugin = await m.measureApp({ sender: 'plugin run', sink, call: () => strapi.call('run', { period: PERIOD }), log });
    await strapi.stop(); // the raw loop gets the machine to itself, as the run did
    const raw = await m.measureRawLoop(children, { sink, smtp, pool: opts.pool, count: opts.organisations, concurrency: settings.concurrency, mail, log });
    const results = [plugin, raw];
    report({ opts, settings, mail, results, loadStart });
    m.checkDelivered(NAME, results, opts.organisations);
  } finally {
    await Promise.all(children.map((child) => child.stop()));
  }
}

function report({ opts, settings, mail, results, loadStart }) {
  const { ratio, table } = m.comparisonTables(results, { sentLabel: 'mails sent', ratioLabel: 'plugin/raw mails/s' });
  const [plugin] = results;
  // Every organisation has its own reminder address: a second mail to one is a duplicate.
  const named = c.figures({ remindersRatio: ratio, duplicates: plugin.sink.messages - plugin.sink.recipients });
  const goals = [
    'Goals:',
    c.goalLine('the reminder run at least 0.8x the plain nodemailer loop (#21)', `${named.remindersRatio.toFixed(2)}x`, named.remindersRatio >= 0.8),
    c.goalLine('no organisation mailed twice', String(named.duplicates), named.duplicates === 0),
  ];
  console.log(`\n${table}\n\n${goals.join('\n')}\n`);
  const machine = c.machine();
  const loadEnd = c.loadAverage();
  const setting = `SMTP pool ${opts.pool ? 'on (SMTP_POOL=true)' : 'off (SMTP_POOL unset, the default: a connection per mail)'}, concurrency ${settings.concurrency} (plugin config \`concurrency\`, default) on both sides`;
  console.log(`${setting}.`);
  console.log(`load average: ${loadStart} before, ${results.map((r) => `${r.loadAverage} at ${r.sender} start`).join(', ')}, ${loadEnd} after`);
  const written = c.writeResults(
    NAME,
    { options: opts, machine, settings, loadAverage: { before: loadStart, after: loadEnd }, mailSample: { subject: mail.subject, textBytes: mail.text.length, htmlBytes: mail.html.length }, results, ratio, figures: named },
    [
      `# Reminders benchmark, ${new Date().toISOString()}`,
      '',
      `${opts.organisations} organisations, period ${PERIOD}; ${setting}; sink on 127.0.0.1; ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}.`,
      `Load average ${loadStart} before, ${loadEnd} after. CPU ms/mail: the sending process's own CPU time (not PostgreSQL's, not the sink's); SQL/mail: statements it sent, BEGIN/COMMIT included; memory: that process, sampled every 50 ms; heap kept = heap after a GC at the end - at start.`,
      '',
      table,
      '',
      ...goals,
    ]
  );
  log(`wrote ${written}.json and .md`);
}

c.main(NAME, main);
