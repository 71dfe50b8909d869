#!/usr/bin/env node
'use strict';
// npm run bench [-- options]: Strapi's REST API against a plain node:http + pg baseline
// answering the same requests with the same JSON, on the same PostgreSQL data.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { firstDifference, formatTable } = require('./report');
const { getJson, load } = require('./lib/http-load');
const { withPg, startServer, prepareRestData, ensureSearchIndex } = require('./lib/rest-setup');
const { figures, goalLine } = require('./lib/common');
const { restRequests } = require('./lib/rest-samples');

const HELP = `Usage: npm run bench -- [options]

Seeds the demo town x10 into PostgreSQL schema "bench" (once; later runs reuse it) and
tops it up to 20,000 activities by SQL, starts Strapi with its response cache, Strapi with
CACHE_ENABLED=false and a plain node:http + pg baseline, indexes the data for search, checks
all answer the sample list/findOne requests with the same JSON (and every sample search
finds something), then loads each with autocannon on 127.0.0.1: search (/api/search
against the raw SQL behind it), list and findOne.
Results go to the console and bench/results/.

Options:
  --activities N    published activities in the data (default 20000)
  --duration S      seconds measured per scenario and server (default 10)
  --warmup S        seconds of unmeasured load before each measurement (default 2)
  --connections N   concurrent connections (default 10)
  -h, --help        show this help

Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).`;

const SAMPLES = 20;
const RESULTS_DIR = path.join(__dirname, 'results');
const log = (line) => console.log(`[bench] ${line}`);

function options() {
  const { values } = parseArgs({
    options: {
      activities: { type: 'string', default: '20000' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '10' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return null;
  const number = (name, min) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number of at least ${min}`);
    return value;
  };
  return {
    activities: number('activities', 1),
    duration: number('duration', 1),
    warmup: number('warmup', 0),
    connections: number('connections', 1),
  };
}

/**
 * The comparison is only honest if the servers do the same work: same rows, same JSON.
 * Asked twice, so the cached server's second answer (from its cache) is checked too.
 */
async function verifySameAnswers(servers, baseline, { search, ...requests }) {
  // Search answers differ in form (snippets, facet names) and the baseline has no typo
  // correction (a typo finds nothing there, which only makes it cheaper): Strapi must find
  // something for every sample, the baseline must answer.
  for (const urlPath of search) {
    for (const server of [...servers, baseline]) {
      const { status, body } = await getJson(await server.port, urlPath);
      if (status !== 200 || (server !== baseline && !body.data.length)) throw new Error(`${server.name} found nothing for ${urlPath} (${status})`);
    }
  }
  for (const urlPath of Object.values(requests).flat()) {
    const expected = await getJson(await baseline.port, urlPath);
    if (expected.status !== 200) throw new Error(`${urlPath} answered ${expected.status}: ${JSON.stringify(expected.body)}`);
    if (Array.isArray(expected.body.data) && expected.body.data.length === 0) throw new Error(`${urlPath} matched no activities`);
    for (const server of servers) {
      for (let round = 0; round < 2; round++) {
        const where = firstDifference(await getJson(await server.port, urlPath), expected);
        if (where !== null) {
          throw new Error(`${server.name} and baseline answer ${urlPath} differently at ${where}; fix bench/baseline-server.js before measuring`);
        }
      }
    }
  }
}

const SERVERS = ['strapi cached', 'strapi uncached', 'baseline'];

async function main() {
  const opts = options();
  if (!opts) return console.log(HELP);
  require('../scripts/setup-env').writeEnvIfMissing(); // Strapi needs the secrets in .env

  // Other work on the machine skews every number; the load average at least shows it.
  const loadBefore = os.loadavg()[0];
  if (loadBefore > os.cpus().length / 2) log(`warning: the machine is busy (load ${loadBefore.toFixed(1)}): expect noisy numbers`);
  const { strapi, dataset } = await prepareRestData({ activities: opts.activities, log });
  strapi.name = 'strapi cached';
  const servers = [strapi, startServer('strapi uncached', 'strapi-server.js', { CACHE_ENABLED: 'false' }), startServer('baseline', 'baseline-server.js')];
  try {
    await Promise.all(servers.map((s) => s.port));
    await ensureSearchIndex(dataset, log);
    const requests = await withPg((pg) => restRequests(pg, SAMPLES));
    log(`data: ${Object.entries(dataset).map(([k, v]) => `${v} ${k}`).join(', ')}`);

    log(`checking all servers give the same JSON for ${SAMPLES} list and ${SAMPLES} findOne requests`);
    await verifySameAnswers(servers.slice(0, 2), servers[2], requests);

    const results = [];
    for (const [scenario, paths] of Object.entries(requests)) {
      for (const server of servers) {
        const port = await server.port;
        log(`measuring ${scenario} on ${server.name}: ${opts.warmup} s warm-up, ${opts.duration} s x ${opts.connections} connections`);
        if (opts.warmup) await load(port, paths, opts.connections, opts.warmup);
        results.push({ scenario, server: server.name, ...(await load(port, paths, opts.connections, opts.duration)) });
      }
    }
    // Latency of one search at a time: with 10 connections, p50 is mostly time spent queueing.
    for (const server of servers.slice(1)) {
      log(`measuring search one at a time on ${server.name}: ${opts.duration} s x 1 connection`);
      results.push({ scenario: 'search, 1 connection', server: server.name, ...(await load(await server.port, requests.search, 1, opts.duration)) });
    }
    report({ opts, dataset, requests, results, loadBefore });
    if (results.some((r) => r.non2xx || r.errors)) {
      console.error('[bench] some requests failed (see non-2xx/errors): these numbers are not comparable');
      process.exitCode = 1;
    }
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

/** The figures issue #21 compares from run to run: each Strapi's throughput over the baseline's, and search's latency. */
function restFigures(results, ratios) {
  const ratio = (scenario, server) => ratios.find((r) => r.scenario === scenario && r.server === server)?.reqPerSec;
  return figures({
    listCachedRatio: ratio('list', 'strapi cached'),
    listUncachedRatio: ratio('list', 'strapi uncached'),
    findOneUncachedRatio: ratio('findOne', 'strapi uncached'),
    searchUncachedRatio: ratio('search', 'strapi uncached'),
    searchP50OneAtATimeMs: results.find((r) => r.scenario === 'search, 1 connection' && r.server === 'strapi uncached')?.p50,
  });
}

/** Issues #8's and #21's goals, each with the measured figure. */
function goalLines(f) {
  const x = (value) => `${value.toFixed(2)}x`;
  return [
    'Goals:',
    goalLine("cached list throughput at least the raw server's (#8)", x(f.listCachedRatio), f.listCachedRatio >= 1),
    goalLine('uncached list at least half of it (#8)', x(f.listUncachedRatio), f.listUncachedRatio >= 0.5),
    goalLine('findOne uncached at least 0.3x (#21)', x(f.findOneUncachedRatio), f.findOneUncachedRatio >= 0.3),
    goalLine('search uncached, 10 connections, at least 0.5x the raw SQL server (#21)', x(f.searchUncachedRatio), f.searchUncachedRatio >= 0.5),
    goalLine('search p50 under 10 ms, one search at a time (#21; #8 asked under 20 ms)', `${f.searchP50OneAtATimeMs.toFixed(1)} ms`, f.searchP50OneAtATimeMs < 10),
  ];
}

function report({ opts, dataset, requests, results, loadBefore }) {
  const ratios = [...new Set(results.map((r) => r.scenario))].flatMap((scenario) => {
    const find = (name) => results.find((r) => r.scenario === scenario && r.server === name);
    const baseline = find('baseline');
    return SERVERS.filter((name) => name !== 'baseline' && find(name)).map((server) => {
      const ratio = (key) => find(server)[key] / baseline[key];
      return { scenario, server, reqPerSec: ratio('reqPerSec'), p50: ratio('p50'), p99: ratio('p99') };
    });
  });
  const table = formatTable(results, ratios);
  const named = restFigures(results, ratios);
  const goals = goalLines(named);
  console.log(`\n${table}\n\n${goals.join('\n')}`);

  const date = new Date();
  const stamp = date.toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
  const machine = {
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: { before: loadBefore, after: os.loadavg()[0] },
  };
  const json = { date: date.toISOString(), options: opts, machine, dataset, requests, results, ratios, figures: named };
  const markdown = [
    `# REST benchmark, ${date.toISOString()}`,
    '',
    `${opts.duration} s per run after ${opts.warmup} s warm-up, ${opts.connections} connections, ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}.`,
    `Load average (1 min) before ${loadBefore.toFixed(1)}, after ${machine.loadAverage.after.toFixed(1)}.`,
    `Data: ${Object.entries(dataset).map(([k, v]) => `${v} ${k}`).join(', ')} (published documents).`,
    '',
    table,
    '',
    ...goals,
    '',
  ].join('\n');
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const base = path.join(RESULTS_DIR, `${stamp}-rest`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(json, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, markdown);
  log(`wrote ${path.relative(process.cwd(), base)}.json and .md`);
}

main().catch((error) => {
  console.error(`[bench] failed: ${error.message}`);
  process.exitCode = 1;
});
