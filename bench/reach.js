#!/usr/bin/env node
'use strict';
// node bench/reach.js [options]: what counting views (src/stats) costs a cached public findOne,
// next to the same app with STATS_ENABLED=false and a plain node:http + pg server; and what
// writing 1,000,000 buffered views costs next to raw SQL.
const path = require('node:path');
const { firstDifference, formatTable } = require('./report');
const { getJson, load } = require('./lib/http-load');
const { startServer } = require('./lib/rest-setup');
const c = require('./lib/common');

const NAME = 'reach';
const SCHEMA = 'bench_reach';
const log = c.logger(NAME);

const HELP = `Usage: node bench/reach.js [options]   (npm run bench:reach)

Seeds PostgreSQL schema "${SCHEMA}" (once; later runs reuse it) with --activities published
activities. Starts Strapi with its response cache and view counting on (STATS_FLUSH_SECONDS=5,
so flushes happen while it is measured), the same with STATS_ENABLED=false, and the plain
node:http + pg server of bench/baseline-server.js; checks all three give the same JSON for
every sample request, then loads each with autocannon on 127.0.0.1:
  findOne   GET /api/activities/<documentId>, 20 activities, each asked with its own
            User-Agent (20 visitors), so the counter hashes and looks up a visitor per request
Then, in the counting Strapi: --items x --visitors views (1,000,000 by default) recorded in
memory and flushed to PostgreSQL, next to a raw multi-row INSERT … ON CONFLICT of the same
aggregates (best of --rounds).
Results go to the console and bench/results/<date>-${NAME}.{json,md}.

Options:
  --activities N    published activities (default 200)
  --items N         items the buffered views are of (default 20000)
  --visitors N      visitors viewing each of them (default 50)
  --rounds N        flush measurements, the best counts (default 3)
  --repeats N       findOne measurements per server, in alternating order (default 4)
  --duration S      seconds measured per server (default 10)
  --warmup S        seconds of unmeasured load first (default 2)
  --connections N   concurrent connections (default 10)
  -h, --help        show this help

Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).`;

const SPEC = {
  activities: { default: 200, min: 20 },
  items: { default: 20000, min: 1 },
  visitors: { default: 50, min: 1 },
  rounds: { default: 3, min: 1 },
  repeats: { default: 4, min: 1 },
  duration: { default: 10, min: 1 },
  warmup: { default: 2, min: 0 },
  connections: { default: 10, min: 1 },
};

async function verifySameAnswers(servers, requests) {
  const baseline = servers.find((s) => s.name === 'baseline');
  for (const { path: urlPath, headers } of requests) {
    const expected = await getJson(baseline.port, urlPath, headers);
    if (expected.status !== 200) throw new Error(`baseline answered ${urlPath} with ${expected.status}`);
    for (const server of servers.filter((s) => s !== baseline)) {
      for (let round = 0; round < 2; round++) {
        const where = firstDifference(await getJson(server.port, urlPath, headers), expected);
        if (where !== null) throw new Error(`${server.name} and baseline answer ${urlPath} differently at ${where}`);
      }
    }
  }
}

/** CPU time the server spends per request, asked one at a time (2,000 requests after 200 unmeasured): steadier than req/s on a busy machine. */
async function cpuPerRequest(server, requests) {
  const ask = async (n) => {
    for (let i = 0; i < n; i++) {
      const { path: urlPath, headers } = requests[i % requests.length];
      await (await fetch(`http://127.0.0.1:${server.port}${urlPath}`, { headers })).arrayBuffer();
    }
  };
  await ask(200);
  const before = await server.call('usage');
  await ask(2000);
  const after = await server.call('usage');
  return (after.cpu.user + after.cpu.system - before.cpu.user - before.cpu.system) / 2000;
}

function report({ opts, results, flushes, loadBefore }) {
  const baseline = results.find((r) => r.server === 'baseline');
  const ratios = results.filter((r) => r !== baseline).map((r) => ({ scenario: r.scenario, server: r.server, reqPerSec: r.reqPerSec / baseline.reqPerSec, p50: r.p50 / baseline.p50, p99: r.p99 / baseline.p99 }));
  const on = results.find((r) => r.server === 'strapi cached, counting');
  const off = results.find((r) => r.server === 'strapi cached, not counting');
  const countingCost = 1 - on.reqPerSec / off.reqPerSec;
  const cpuCost = on.cpuUs - off.cpuUs;
  const best = flushes.reduce((a, b) => (b.flushMs / b.rawMs < a.flushMs / a.rawMs ? b : a));
  const flushRatio = best.flushMs / best.rawMs;
  const flushTable = c.markdownTable(
    ['round', 'views', 'rows', 'record ms', 'flush ms', 'raw INSERT ms', 'flush / raw'],
    flushes.map((f, i) => [i + 1, f.views.toLocaleString('en'), f.rows.toLocaleString('en'), f.recordMs.toFixed(0), f.flushMs.toFixed(0), f.rawMs.toFixed(0), `${(f.flushMs / f.rawMs).toFixed(2)}x`])
  );
  const goals = [
    'Goals (issue #20):',
    c.goalLine('counting costs at most 10 % of cached findOne throughput (median round)', `${(countingCost * 100).toFixed(1)} % (${on.reqPerSec.toFixed(0)} against ${off.reqPerSec.toFixed(0)} req/s; CPU ${cpuCost.toFixed(0)} µs more per request, ${((cpuCost / off.cpuUs) * 100).toFixed(1)} %)`, countingCost <= 0.1),
    c.goalLine('a flush of the buffered views at most 2x the raw INSERT … ON CONFLICT', `${flushRatio.toFixed(2)}x (best of ${flushes.length})`, flushRatio <= 2),
  ];
  const perRound = c.markdownTable(
    ['server', 'req/s per round', 'CPU µs/request'],
    results.map((r) => [r.server, r.rounds.join(', '), r.cpuUs === undefined ? '–' : r.cpuUs.toFixed(0)])
  );

  const table = `${formatTable(results, ratios)}\n\n${perRound}\n\n${flushTable}`;
  console.log(`\n${table}\n\n${goals.join('\n')}`);
  const machine = c.machine();
  const base = c.writeResults(NAME, { options: opts, machine, results, ratios, flushes, figures: { countingCost, countingCpuUs: on.cpuUs - off.cpuUs, flushRatio } }, [
    `# Reach statistics benchmark, ${new Date().toISOString()}`,
    '',
    `${opts.duration} s per run after ${opts.warmup} s warm-up, ${opts.connections} connections, ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}.`,
    `Load average before ${loadBefore}, after ${c.loadAverage()}.`,
    `Data: ${opts.activities} published activities; flush: ${opts.items} items x ${opts.visitors} visitors.`,
    '',
    table,
    '',
    ...goals,
  ]);
  log(`wrote ${base}.json and .md`);
}

async function main() {
  const opts = c.options(SPEC, HELP);
  if (!opts) return;
  require('../scripts/setup-env').writeEnvIfMissing();
  await c.ensureSchema(SCHEMA);
  const loadBefore = c.loadAverage();
  log(`load average before: ${loadBefore}`);
  const env = c.strapiEnv(SCHEMA, { BENCH_TASKS: path.join(__dirname, 'lib/reach-tasks.js'), REDIS_URL: '', RATE_LIMIT_MAX_PER_IP: '100000000', STATS_FLUSH_SECONDS: '5' });
  const strapiChild = path.join(__dirname, 'lib/strapi-child.js');
  const children = [];
  const start = async (name, script, childEnv) => {
    const child = c.startChild(name, script, { env: childEnv, log });
    children.push(child);
    await child.ready;
    return child;
  };
  try {
    log(`booting Strapi on schema "${SCHEMA}"`);
    const counting = await start('strapi cached, counting', strapiChild, { ...env, STATS_ENABLED: 'true' });
    const ids = await counting.call('setup', { activities: opts.activities });
    counting.port = await counting.call('listen');
    const quiet = await start('strapi cached, not counting', strapiChild, { ...env, STATS_ENABLED: 'false' });
    quiet.port = await quiet.call('listen');
    const baseline = startServer('baseline', 'baseline-server.js', { DATABASE_SCHEMA: SCHEMA });
    children.push(baseline);
    baseline.port = await baseline.port;
    const servers = [counting, quiet, baseline];

    const requests = ids.slice(0, 20).map((id, i) => ({ path: `/api/activities/${id}`, headers: { 'user-agent': `Mozilla/5.0 (bench reader ${i})` } }));
    log(`checking all servers give the same JSON for ${requests.length} requests`);
    await verifySameAnswers(servers, requests);

    // The server measured first runs slower (the machine settles after the boots), so the
    // order changes every round and each server's figures are its median round.
    const runs = [];
    for (let round = 0; round < opts.repeats; round++) {
      const order = round % 2 ? [...servers].reverse() : servers;
      for (const server of order) {
        log(`round ${round + 1}: findOne on ${server.name}, ${opts.warmup} s warm-up, ${opts.duration} s x ${opts.connections} connections`);
        if (opts.warmup) await load(server.port, requests, opts.connections, opts.warmup);
        runs.push({ server: server.name, ...(await load(server.port, requests, opts.connections, opts.duration)) });
      }
    }
    // The median round: one round disturbed by the machine (the first, mostly) does not decide.
    const median = (list, key) => {
      const sorted = list.map((r) => r[key]).sort((a, b) => a - b);
      const mid = sorted.length >> 1;
      return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    };
    const total = (list, key) => list.reduce((sum, r) => sum + r[key], 0);
    const results = servers.map((server) => {
      const mine = runs.filter((r) => r.server === server.name);
      return { scenario: 'findOne', server: server.name, reqPerSec: median(mine, 'reqPerSec'), p50: median(mine, 'p50'), p99: median(mine, 'p99'), non2xx: total(mine, 'non2xx'), errors: total(mine, 'errors'), rounds: mine.map((r) => Math.round(r.reqPerSec)) };
    });
    for (const server of [counting, quiet]) results.find((r) => r.server === server.name).cpuUs = await cpuPerRequest(server, requests);
    const flushes = [];
    for (let round = 0; round < opts.rounds; round++) {
      log(`flush round ${round + 1}: ${opts.items} items x ${opts.visitors} visitors`);
      const flush = await counting.call('flush', { items: opts.items, visitors: opts.visitors });
      if (flush.sameRows !== flush.rows) throw new Error(`the flush and the raw INSERT wrote different rows (${flush.sameRows} of ${flush.rows} equal)`);
      flushes.push(flush);
    }
    report({ opts, results, flushes, loadBefore });
    if (results.some((r) => r.non2xx || r.errors)) {
      console.error(`[bench:${NAME}] some requests failed (see non-2xx/errors): these numbers are not comparable`);
      process.exitCode = 1;
    }
  } finally {
    await Promise.all(children.map((child) => child.stop()));
  }
}

c.main(NAME, main);
