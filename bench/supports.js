#!/usr/bin/env node
'use strict';
// node bench/supports.js [options]: many residents supporting initiatives at once, over
// loopback HTTP, through the real route; then the ledger and counters must agree.
const crypto = require('node:crypto');
const path = require('node:path');
const autocannon = require('autocannon');
const jwt = require('jsonwebtoken');
const { percentile } = require('./report');
const c = require('./lib/common');

const NAME = 'supports';
const SCHEMA = 'bench_supports';
const log = c.logger(NAME);

const HELP = `Usage: node bench/supports.js [options]

N users give S supports across I initiatives, C at a time, over loopback HTTP:
POST /api/idea-support/initiatives/:documentId/support with a Bearer access token per
user, each (user, initiative) pair exactly once. Then the plugin's verify() must find
no drift and the ledger must hold S rows. The same load goes to a plain node:http + pg
server (JWT check, user lookup, INSERT ... ON CONFLICT DO NOTHING + counter update in one
transaction). Works in PostgreSQL schema "${SCHEMA}" (created when missing; users and
initiatives are kept between runs, the ledger is emptied before each measurement).
Results go to the console and bench/results/<date>-${NAME}.{json,md}.

Options:
  --users N         users, each with an access token (default 1000)
  --initiatives N   published initiatives (default 100)
  --supports N      supports given, i.e. requests measured (default 10000)
  --connections N   concurrent HTTP connections (default 50)
  --warmup N        unmeasured supports before each measurement, on other pairs;
                    the ledger is emptied again afterwards (default 1000, 0 = none)
  --seed N          seed of the pair order (default 1)
  -h, --help        show this help

Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).`;

const SPEC = {
  users: { default: 1000, min: 1 },
  initiatives: { default: 100, min: 1 },
  supports: { default: 10000, min: 1 },
  connections: { default: 50, min: 1 },
  warmup: { default: 1000, min: 0 },
  seed: { default: 1, min: 0 },
};

/** Every (user, initiative) pair once, in a seeded random order. */
function shuffledPairs(users, initiatives, seed) {
  const random = c.prng(seed);
  const pairs = new Array(users * initiatives);
  for (let u = 0; u < users; u++) for (let i = 0; i < initiatives; i++) pairs[u * initiatives + i] = [u, i];
  for (let k = pairs.length - 1; k > 0; k--) {
    const j = Math.floor(random() * (k + 1));
    [pairs[k], pairs[j]] = [pairs[j], pairs[k]];
  }
  return pairs;
}

/**
 * autocannon, every request taking the next pair of one shared list: with `amount`
 * each connection sends its share and builds each request just before sending it, so
 * the list is walked exactly once (checked afterwards).
 */
async function load(label, port, requests, connections) {
  let next = 0;
  let ok = 0;
  const times = [];
  const statuses = {};
  const started = process.hrtime.bigint();
  const instance = autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: Math.min(connections, requests.length),
    amount: requests.length,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        setupRequest(req) {
          const r = requests[next++];
          if (!r) return null;
          return { ...req, path: r.path, headers: { ...req.headers, authorization: `Bearer ${r.token}` } };
        },
      },
    ],
  });
  instance.on('response', (_client, status, _bytes, ms) => {
    times.push(ms);
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status >= 200 && status < 300) ok += 1;
  });
  const progress = setInterval(() => log(`  ${label}: ${times.length}/${requests.length} answered`), 5000);
  let result;
  try {
    result = await instance;
  } finally {
    clearInterval(progress);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  times.sort((a, b) => a - b);
  return {
    requests: requests.length,
    sent: next,
    answered: times.length,
    ok,
    statuses,
    seconds,
    perSecond: ok / seconds,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function resetLedgers(pg) {
  await pg.query('TRUNCATE idea_supports RESTART IDENTITY');
  await pg.query('UPDATE initiatives SET support_count = 0, threshold_reached_at = NULL');
  await pg.query('TRUNCATE baseline_ledger RESTART IDENTITY');
  await pg.query('UPDATE baseline_counts SET n = 0');
  await c.vacuumAnalyze(pg, SCHEMA, ['idea_supports', 'initiatives', 'baseline_ledger', 'baseline_counts', 'up_users', 'up_users_role_lnk', 'strapi_sessions']);
}

/** The baseline's tables, with the ledger indexes the plugin's has (user, created_at). */
async function prepareBaselineTables(pg, initiatives) {
  await pg.query(`CREATE TABLE IF NOT EXISTS baseline_counts (initiative varchar(255) PRIMARY KEY, n integer NOT NULL DEFAULT 0)`);
  await pg.query(`CREATE TABLE IF NOT EXISTS baseline_ledger (
    id serial PRIMARY KEY,
    initiative varchar(255) NOT NULL REFERENCES baseline_counts ON DELETE CASCADE,
    user_id integer NOT NULL,
    created_at timestamp NOT NULL DEFAULT now(),
    UNIQUE (initiative, user_id))`);
  await pg.query('CREATE INDEX IF NOT EXISTS baseline_ledger_user ON baseline_ledger (user_id)');
  await pg.query('CREATE INDEX IF NOT EXISTS baseline_ledger_created_at ON baseline_ledger (created_at)');
  await pg.query('DELETE FROM baseline_counts WHERE NOT (initiative = ANY($1))', [initiatives]);
  await pg.query('INSERT INTO baseline_counts (initiative) SELECT unnest($1::varchar[]) ON CONFLICT DO NOTHING', [initiatives]);
}

async function verifyBaseline(pg) {
  const ledger = await pg.query('SELECT count(*)::int AS n FROM baseline_ledger');
  const sum = await pg.query('SELECT coalesce(sum(n), 0)::int AS n FROM baseline_counts');
  const drift = await pg.query(`SELECT c.initiative, c.n, count(l.id)::int AS ledger
    FROM baseline_counts c LEFT JOIN baseline_ledger l USING (initiative) GROUP BY c.initiative, c.n HAVING c.n <> count(l.id)`);
  return {
    driftingInitiatives: drift.rows.length,
    drift: drift.rows.reduce((s, r) => s + Math.abs(r.n - r.ledger), 0),
    ledgerRows: ledger.rows[0].n,
    counterSum: sum.rows[0].n,
    sample: drift.rows.slice(0, 5),
  };
}

async function main() {
  const opts = c.options(SPEC, HELP);
  if (!opts) return;
  if (opts.supports + opts.warmup > opts.users * opts.initiatives) {
    throw new Error(`--supports + --warmup (${opts.supports + opts.warmup}) exceeds the ${opts.users * opts.initiatives} distinct (user, initiative) pairs`);
  }
  require('../scripts/setup-env').writeEnvIfMissing();
  await c.ensureSchema(SCHEMA);
  const loadStart = c.loadAverage();
  log(`load average before: ${loadStart}`);

  log(`booting Strapi on schema "${SCHEMA}"`);
  const strapi = c.startChild('strapi', path.join(__dirname, 'lib/strapi-child.js'), {
    // STAFF_EMAILS unset: no threshold mail to staff (an empty value fails the plugin's config check).
    env: c.strapiEnv(SCHEMA, { BENCH_TASKS: path.join(__dirname, 'lib/supports-tasks.js'), STAFF_EMAILS: undefined }),
  });
  let baseline = null;
  try {
    await strapi.ready;
    log(`setting up ${opts.users} users and ${opts.initiatives} published initiatives (kept between runs)`);
    const { userIds, initiatives } = await strapi.call('setup', { users: opts.users, initiatives: opts.initiatives });
    if (userIds.length < opts.users || initiatives.length < opts.initiatives) throw new Error('set-up made too few users or initiatives');
    log(`minting ${userIds.length} access tokens through users-permissions' session manager`);
    const strapiTokens = await strapi.call('tokens', { userIds });
    const strapiPort = await strapi.call('listen');

    // The baseline's tokens: same claims and algorithm, its own per-run secret.
    const secret = crypto.randomBytes(32).toString('hex');
    const baselineTokens = userIds.map((id) =>
      jwt.sign({ userId: String(id), sessionId: crypto.randomBytes(16).toString('hex'), type: 'access' }, secret, { algorithm: 'HS256', expiresIn: 1800 })
    );
    await c.withPg(SCHEMA, (pg) => prepareBaselineTables(pg, initiatives));
    baseline = c.startChild('baseline', path.join(__dirname, 'lib/supports-baseline.js'), {
      env: c.strapiEnv(SCHEMA, { BENCH_JWT_SECRET: secret }),
    });
    await baseline.ready;
    const baselinePort = await baseline.call('port');

    const pairs = shuffledPairs(userIds.length, initiatives.length, opts.seed);
    const measuredPairs = pairs.slice(0, opts.supports);
    const warmupPairs = pairs.slice(opts.supports, opts.supports + opts.warmup);
    const requestsFor = (list, tokens) =>
      list.map(([u, i]) => ({ path: `/api/idea-support/initiatives/${initiatives[i]}/support`, token: tokens[u] }));

    const servers = [
      { name: 'strapi', port: strapiPort, tokens: strapiTokens, verify: () => strapi.call('verify'), usage: () => strapi.call('usage') },
      { name: 'baseline', port: baselinePort, tokens: baselineTokens, verify: () => c.withPg(SCHEMA, verifyBaseline), usage: () => baseline.call('usage') },
    ];
    const results = [];
    for (const server of servers) {
      if (warmupPairs.length) {
        await c.withPg(SCHEMA, resetLedgers);
        log(`${server.name}: warm-up, ${warmupPairs.length} supports (not counted)`);
        await load(`${server.name} warm-up`, server.port, requestsFor(warmupPairs, server.tokens), opts.connections);
      }
      await c.withPg(SCHEMA, resetLedgers);
      const loadAverage = c.loadAverage();
      log(`${server.name}: ${measuredPairs.length} supports over ${opts.connections} connections (load average ${loadAverage})`);
      const before = await server.usage();
      const measured = await load(server.name, server.port, requestsFor(measuredPairs, server.tokens), opts.connections);
      const after = await server.usage();
      // The server process's own CPU time and SQL statements per support (PostgreSQL's CPU is not in it).
      measured.cpuMsPerSupport = (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / 1000 / measured.answered;
      measured.statementsPerSupport = (after.statements - before.statements) / measured.answered;
      if (measured.sent !== measuredPairs.length) throw new Error(`${server.name}: ${measured.sent} pairs sent, expected ${measuredPairs.length}`);
      const check = await server.verify();
      log(
        `${server.name}: ${measured.ok} ok in ${measured.seconds.toFixed(1)} s; ledger ${check.ledgerRows} rows, counters sum ${check.counterSum}, drift ${check.drift}`
      );
      results.push({ server: server.name, loadAverage, ...measured, check });
    }
    report({ opts, dataset: { users: userIds.length, initiatives: initiatives.length }, results, loadStart });
    const bad = results.filter((r) => r.non2xx || r.errors || r.check.drift || r.check.ledgerRows !== opts.supports || r.check.counterSum !== opts.supports);
    if (bad.length) {
      console.error(`[bench:${NAME}] ${bad.map((r) => r.server).join(', ')}: failed requests, drift or a ledger that is not ${opts.supports} rows: see the table`);
      process.exitCode = 1;
    }
  } finally {
    await Promise.all([strapi.stop(), baseline?.stop()]);
  }
}

function report({ opts, dataset, results, loadStart }) {
  const [s, b] = ['strapi', 'baseline'].map((name) => results.find((r) => r.server === name));
  const ratios = { perSecond: s.perSecond / b.perSecond, p50: s.p50 / b.p50, p99: s.p99 / b.p99 };
  const measuredTable = c.markdownTable(
    ['server', 'supports', 'supports/s', 'p50 ms', 'p99 ms', 'CPU ms/support', 'SQL/support', 'non-2xx', 'errors', 'ledger rows', 'counter sum', 'drift'],
    results.map((r) => [
      r.server,
      r.ok,
      r.perSecond.toFixed(0),
      r.p50.toFixed(2),
      r.p99.toFixed(2),
      r.cpuMsPerSupport.toFixed(2),
      r.statementsPerSupport.toFixed(1),
      r.non2xx,
      r.errors,
      r.check.ledgerRows,
      r.check.counterSum,
      r.check.drift,
    ])
  );
  const ratioTable = c.markdownTable(
    ['strapi/baseline supports/s', 'strapi/baseline p50', 'strapi/baseline p99'],
    [[`${ratios.perSecond.toFixed(2)}x`, `${ratios.p50.toFixed(2)}x`, `${ratios.p99.toFixed(2)}x`]]
  );
  const table = `${measuredTable}\n\n${ratioTable}`;
  const named = c.figures({ supportsRatio: ratios.perSecond, drift: s.check.drift });
  const goals = [
    'Goals:',
    c.goalLine('supports over HTTP at least 0.5x the plain server (#21)', `${named.supportsRatio.toFixed(2)}x`, named.supportsRatio >= 0.5),
    c.goalLine('no drift between the counters and the ledger', String(named.drift), named.drift === 0),
  ];
  console.log(`\n${table}\n\n${goals.join('\n')}\n`);
  const machine = c.machine();
  const loadEnd = c.loadAverage();
  console.log(`load average: ${loadStart} before, ${results.map((r) => `${r.loadAverage} at ${r.server} start`).join(', ')}, ${loadEnd} after`);
  const written = c.writeResults(NAME, { options: opts, machine, dataset, loadAverage: { before: loadStart, after: loadEnd }, results, ratios, figures: named }, [
    `# Supports benchmark, ${new Date().toISOString()}`,
    '',
    `${dataset.users} users, ${dataset.initiatives} initiatives, ${opts.supports} supports (each pair once) over ${opts.connections} connections after ${opts.warmup} warm-up supports; ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}.`,
    `Load average ${loadStart} before, ${loadEnd} after.`,
    'drift = sum over initiatives of |stored counter - ledger rows| (for strapi: the plugin\'s verify()); must be 0, and ledger rows = counter sum = supports.',
    'CPU ms/support: CPU time of the server process itself (not PostgreSQL\'s, not the load generator\'s); SQL/support: statements it sent, BEGIN/COMMIT included.',
    '',
    table,
    '',
    ...goals,
  ]);
  log(`wrote ${written}.json and .md`);
}

c.main(NAME, main);
