#!/usr/bin/env node
'use strict';
// node bench/enrolment.js [options]: a crowd enrolling for the same few places at the same
// moment, over loopback HTTP, through the real route; then the places must be exact.
const crypto = require('node:crypto');
const http = require('node:http');
const path = require('node:path');
const { percentile } = require('./report');
const c = require('./lib/common');

const NAME = 'enrolment';
const SCHEMA = 'bench_enrolment';
const BASELINE_SCHEMA = 'bench_enrolment_baseline';
const log = c.logger(NAME);

const HELP = `Usage: node bench/enrolment.js [options]

Each round P signed-in residents enrol at the same moment (P requests at once, one
connection each) for a fresh activity with C places and a waiting list:
POST /api/activities/:documentId/enrolments with a Bearer access token per resident.
Then exactly C must be confirmed (overbooked: confirmed above C) and the places and
waitlist positions must be in order. The same rounds go, interleaved, to a plain
node:http + pg server (token looked up in a Map; lock the activity's row, count, INSERT,
in one transaction). Works in PostgreSQL schemas "${SCHEMA}" (residents kept between
runs; earlier runs' activities, enrolments and mails are removed at the start) and
"${BASELINE_SCHEMA}". Strapi sends its mails to a local SMTP sink.
Results go to the console and bench/results/<date>-${NAME}.{json,md}.

Options:
  --rounds N     measured rounds per server, each a fresh activity (default 5)
  --people N     residents enrolling at once per round (default 200)
  --capacity N   places per activity (default 20)
  --warmup N     unmeasured rounds per server first (default 1, 0 = none)
  -h, --help     show this help

Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).`;

const SPEC = {
  rounds: { default: 5, min: 1 },
  people: { default: 200, min: 1 },
  capacity: { default: 20, min: 1 },
  warmup: { default: 1, min: 0 },
};
const GOAL = 0.5;

/** One POST, its status, parsed body and latency; connection errors and timeouts as status 0. */
function post(port, { path: urlPath, token, body }) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const done = (status, text) => resolve({ status, text, ms: Number(process.hrtime.bigint() - started) / 1e6 });
    // agent: false, a connection of its own: all P requests are in flight together, on both servers alike.
    const req = http.request({ host: '127.0.0.1', port, path: urlPath, method: 'POST', agent: false, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => done(res.statusCode, Buffer.concat(chunks).toString('utf8')));
    });
    req.setTimeout(60_000, () => req.destroy(new Error('no answer in 60 s')));
    req.on('error', (error) => done(0, error.message));
    req.end(body);
  });
}

/** All requests at once; wall time from the first sent to the last answered. */
async function burst(port, requests) {
  const started = process.hrtime.bigint();
  const answers = await Promise.all(requests.map((request) => post(port, request)));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const times = answers.map((a) => a.ms).sort((a, b) => a - b);
  const created = answers.filter((a) => a.status === 201).length;
  return {
    answers: answers.map((a) => ({ status: a.status, data: a.status === 201 ? JSON.parse(a.text).data : null, text: a.status === 201 ? undefined : a.text })),
    created,
    seconds,
    perSecond: created / seconds,
    times,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
  };
}

/** How far `values` are from a permutation of 1..n: values out of range or repeated, plus numbers missing. */
function permutationErrors(values, n) {
  const seen = new Set();
  let errors = 0;
  for (const v of values) {
    if (!Number.isInteger(v) || v < 1 || v > n || seen.has(v)) errors += 1;
    else seen.add(v);
  }
  return errors + (n - seen.size);
}

/**
 * The round's rows in `enrolments` (the app's table, or the baseline's of the same shape)
 * against the answers: resident i sent request i.
 */
async function verify(pg, { activity, capacity, userIds, answers }) {
  const { rows } = await pg.query('SELECT user_id, status, place FROM enrolments WHERE activity = $1', [activity]);
  const confirmed = rows.filter((r) => r.status === 'confirmed');
  const waitlisted = rows.filter((r) => r.status === 'waitlisted').sort((a, b) => a.place - b.place);
  const lastSeat = Math.max(0, ...confirmed.map((r) => r.place));
  const positionOf = new Map(waitlisted.map((r, i) => [r.user_id, i + 1]));
  const statusOf = new Map(rows.map((r) => [r.user_id, r.status]));
  const told = answers.map((a, i) => ({ ...a.data, userId: userIds[i] })).filter((a) => a.status);
  const order = {
    // someone on the waitlist ahead of someone who got a seat
    waitlistAhead: waitlisted.filter((r) => r.place < lastSeat).length,
    // places must be 1..P, each once
    places: permutationErrors(rows.map((r) => r.place), userIds.length),
    // the positions told must be 1..P-C, each once
    positions: permutationErrors(told.filter((a) => a.status === 'waitlisted').map((a) => a.position), Math.max(0, userIds.length - capacity)),
    // and each answer must say what the table holds for that resident
    answers: told.filter((a) => statusOf.get(a.userId) !== a.status || (a.status === 'waitlisted' && positionOf.get(a.userId) !== a.position)).length,
  };
  return {
    rows: rows.length,
    confirmed: confirmed.length,
    waitlisted: waitlisted.length,
    overbooked: Math.max(0, confirmed.length - capacity),
    orderViolations: Object.values(order).reduce((s, n) => s + n, 0),
    order,
  };
}

async function resetStrapiTables(pg) {
  await pg.query('TRUNCATE enrolments, enrolment_settings, outbox_messages, one_time_tokens RESTART IDENTITY');
  await pg.query(`DELETE FROM activities WHERE slug LIKE 'bench-enrolment-%'`); // link rows go with them (ON DELETE CASCADE)
  await c.vacuumAnalyze(pg, SCHEMA, ['enrolments', 'enrolment_settings', 'outbox_messages', 'one_time_tokens', 'activities', 'up_users', 'strapi_sessions']);
}

async function prepareBaselineTables(pg) {
  await pg.query('DROP TABLE IF EXISTS enrolments, activities');
  await pg.query('CREATE TABLE activities (id varchar(64) PRIMARY KEY, capacity integer NOT NULL, waitlist boolean NOT NULL)');
  await pg.query(`CREATE TABLE enrolments (
    id serial PRIMARY KEY,
    activity varchar(64) NOT NULL REFERENCES activities ON DELETE CASCADE,
    user_id integer NOT NULL,
    name varchar(100) NOT NULL,
    status varchar(16) NOT NULL,
    place integer,
    created_at timestamp NOT NULL DEFAULT now(),
    UNIQUE (activity, user_id))`);
  await pg.query('CREATE INDEX enrolments_activity_status ON enrolments (activity, status)');
}

/** Waits until the sink has `count` mails: the app mails every placed resident, and a round must not overlap the last one's mail. */
async function mailsDelivered(sink, count) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { messages } = await sink.call('stats');
    if (messages >= count) return messages;
    if (Date.now() > deadline) throw new Error(`the SMTP sink got ${messages} mails in 2 minutes, expected ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function main() {
  const opts = c.options(SPEC, HELP);
  if (!opts) return;
  require('../scripts/setup-env').writeEnvIfMissing();
  await c.ensureSchema(SCHEMA);
  await c.ensureSchema(BASELINE_SCHEMA);
  const loadStart = c.loadAverage();
  log(`load average before: ${loadStart}`);

  const sink = c.startChild('smtp-sink', path.join(__dirname, 'lib/smtp-sink.js'), { env: process.env });
  const children = [sink];
  try {
    await sink.ready;
    log(`booting Strapi on schema "${SCHEMA}"`);
    const strapi = c.startChild('strapi', path.join(__dirname, 'lib/strapi-child.js'), {
      env: c.strapiEnv(SCHEMA, {
        BENCH_TASKS: path.join(__dirname, 'lib/enrolment-tasks.js'),
        // Every request comes from 127.0.0.1: the per-IP limit would refuse all but the first 30.
        RATE_LIMIT_MAX_PER_IP: '1000000',
        RATE_LIMIT_MAX_PER_EMAIL: '1000000',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(await sink.call('port')),
        SMTP_SECURE: 'false',
        SMTP_USERNAME: '',
      }),
    });
    children.push(strapi);
    await strapi.ready;
    await c.withPg(SCHEMA, resetStrapiTables);
    log(`setting up ${opts.people} residents (kept between runs) and minting their access tokens`);
    const { userIds } = await strapi.call('setup', { people: opts.people });
    if (userIds.length < opts.people) throw new Error('set-up made too few residents');
    const strapiTokens = await strapi.call('tokens', { userIds });
    const strapiPort = await strapi.call('listen');

    await c.withPg(BASELINE_SCHEMA, prepareBaselineTables);
    const baseline = c.startChild('baseline', path.join(__dirname, 'lib/enrolment-baseline.js'), { env: c.strapiEnv(BASELINE_SCHEMA) });
    children.push(baseline);
    await baseline.ready;
    const baselineTokens = userIds.map(() => crypto.randomBytes(24).toString('hex'));
    await baseline.call('tokens', { tokens: Object.fromEntries(baselineTokens.map((token, i) => [token, userIds[i]])) });

    let mails = 0;
    const servers = [
      {
        name: 'strapi',
        schema: SCHEMA,
        port: strapiPort,
        tokens: strapiTokens,
        usage: () => strapi.call('usage'),
        activity: (round) => strapi.call('activity', { round, capacity: opts.capacity }),
        settle: async (created) => {
          mails += created;
          await mailsDelivered(sink, mails);
        },
      },
      {
        name: 'baseline',
        schema: BASELINE_SCHEMA,
        port: await baseline.call('port'),
        tokens: baselineTokens,
        usage: () => baseline.call('usage'),
        activity: async () => {
          const id = crypto.randomBytes(12).toString('hex'); // the shape of a documentId: 24 of [a-z0-9]
          await c.withPg(BASELINE_SCHEMA, (pg) => pg.query('INSERT INTO activities (id, capacity, waitlist) VALUES ($1, $2, true)', [id, opts.capacity]));
          return id;
        },
        settle: async () => undefined,
      },
    ];

    // Rounds alternate between the servers, so a change in the machine's load falls on both.
    const rounds = [];
    for (let round = 1 - opts.warmup; round <= opts.rounds; round++) {
      const row = { round, loadAverage: c.loadAverage() };
      for (const server of servers) {
        const activity = await server.activity(round);
        const requests = userIds.map((_, i) => ({ path: `/api/activities/${activity}/enrolments`, token: server.tokens[i], body: JSON.stringify({ data: { name: `P${i + 1}` } }) }));
        const before = await server.usage();
        const measured = await burst(server.port, requests);
        await server.settle(measured.created);
        const after = await server.usage();
        const check = await c.withPg(server.schema, (pg) => verify(pg, { activity, capacity: opts.capacity, userIds, answers: measured.answers }));
        const { answers, ...timing } = measured;
        const failed = answers.filter((a) => a.status !== 201);
        row[server.name] = {
          activity,
          ...timing,
          failed: failed.length,
          firstFailure: failed[0] ?? null,
          // The server process's own CPU time and SQL statements, until the round's mails are out (PostgreSQL's CPU is not in it).
          cpuMs: (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / 1000,
          statements: after.statements - before.statements,
          overbooked: check.overbooked,
          orderViolations: check.orderViolations,
          check,
        };
        log(
          `${round < 1 ? 'warm-up' : `round ${round}`} ${server.name}: ${measured.created}/${requests.length} placed in ${measured.seconds.toFixed(2)} s, p99 ${measured.p99.toFixed(0)} ms; ` +
            `${check.confirmed} confirmed, ${check.waitlisted} waitlisted, overbooked ${check.overbooked}, order violations ${check.orderViolations}` +
            (failed.length ? `; ${failed.length} failed, first: ${failed[0].status} ${failed[0].text}` : '')
        );
      }
      if (round >= 1) rounds.push(row);
    }
    report({ opts, rounds, loadStart });
    const bad = rounds.flatMap((r) => servers.filter((s) => r[s.name].failed || r[s.name].overbooked || r[s.name].orderViolations).map((s) => `${s.name} round ${r.round}`));
    if (bad.length) {
      console.error(`[bench:${NAME}] ${bad.join(', ')}: failed requests, overbooking or order violations: see the table`);
      process.exitCode = 1;
    }
  } finally {
    await Promise.all(children.map((child) => child.stop()));
  }
}

/** Over all measured rounds: enrolments / total wall time, percentiles over every answer. */
function overall(rounds, name) {
  const runs = rounds.map((r) => r[name]);
  const times = runs.flatMap((r) => r.times).sort((a, b) => a - b);
  const sum = (pick) => runs.reduce((s, r) => s + pick(r), 0);
  return {
    created: sum((r) => r.created),
    failed: sum((r) => r.failed),
    perSecond: sum((r) => r.created) / sum((r) => r.seconds),
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    cpuMsPerEnrolment: sum((r) => r.cpuMs) / sum((r) => r.created),
    statementsPerEnrolment: sum((r) => r.statements) / sum((r) => r.created),
    overbooked: sum((r) => r.overbooked),
    orderViolations: sum((r) => r.orderViolations),
  };
}

function report({ opts, rounds, loadStart }) {
  const all = { round: 'all', strapi: overall(rounds, 'strapi'), baseline: overall(rounds, 'baseline') };
  const pair = (r, pick) => `${pick(r.strapi)} / ${pick(r.baseline)}`;
  const table = c.markdownTable(
    ['round', 'strapi enrol/s', 'strapi p99 ms', 'baseline enrol/s', 'baseline p99 ms', 'strapi/baseline enrol/s', 'overbooked s / b', 'order violations s / b', 'non-201 s / b'],
    [...rounds, all].map((r) => [
      r.round,
      r.strapi.perSecond.toFixed(0),
      r.strapi.p99.toFixed(0),
      r.baseline.perSecond.toFixed(0),
      r.baseline.p99.toFixed(0),
      `${(r.strapi.perSecond / r.baseline.perSecond).toFixed(2)}x`,
      pair(r, (s) => s.overbooked),
      pair(r, (s) => s.orderViolations),
      pair(r, (s) => s.failed),
    ])
  );
  const costTable = c.markdownTable(
    ['server', 'enrolments', 'p50 ms', 'p99 ms', 'CPU ms/enrolment', 'SQL/enrolment'],
    ['strapi', 'baseline'].map((name) => {
      const s = all[name];
      return [name, s.created, s.p50.toFixed(0), s.p99.toFixed(0), s.cpuMsPerEnrolment.toFixed(2), s.statementsPerEnrolment.toFixed(1)];
    })
  );
  const ratio = all.strapi.perSecond / all.baseline.perSecond;
  const goal = `Goal: strapi at least ${GOAL}x the baseline's enrolments/s: ${ratio.toFixed(2)}x (${ratio >= GOAL ? 'met' : 'not met'}); overbooked and order violations must be 0.`;
  console.log(`\n${table}\n\n${costTable}\n\n${goal}\n`);
  const machine = c.machine();
  const loadEnd = c.loadAverage();
  console.log(`load average: ${loadStart} before, ${rounds.map((r) => `${r.loadAverage} at round ${r.round}`).join(', ')}, ${loadEnd} after`);
  const written = c.writeResults(
    NAME,
    { options: opts, machine, loadAverage: { before: loadStart, after: loadEnd }, rounds: rounds.map((r) => ({ ...r, strapi: { ...r.strapi, times: undefined }, baseline: { ...r.baseline, times: undefined } })), overall: all, ratio },
    [
      `# Enrolment benchmark, ${new Date().toISOString()}`,
      '',
      `${opts.rounds} rounds (after ${opts.warmup} warm-up) of ${opts.people} residents enrolling at once for ${opts.capacity} places with a waiting list, one connection each; rounds alternate between the servers; ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}.`,
      `Load average ${loadStart} before, ${loadEnd} after.`,
      'enrol/s = 201 answers / wall time from the first request sent to the last answer; p99 per answer ("all": over every answer of the measured rounds).',
      `overbooked = confirmed rows above ${opts.capacity}; order violations = waitlisted rows placed before a confirmed one + places that are not 1..${opts.people} once each + waitlist positions answered that are not 1..${Math.max(0, opts.people - opts.capacity)} once each + answers that disagree with the table. Both must be 0.`,
      'CPU ms/enrolment: CPU time of the server process itself, until the round\'s mails were out (not PostgreSQL\'s, not the load generator\'s); SQL/enrolment: statements it sent, BEGIN/COMMIT included; strapi\'s include its mail per enrolment.',
      '',
      table,
      '',
      costTable,
      '',
      goal,
    ]
  );
  log(`wrote ${written}.json and .md`);
}

c.main(NAME, main);
