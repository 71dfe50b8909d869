#!/usr/bin/env node
'use strict';
// node bench/memory.js [options]: one instance's memory under the list+search load, and its
// boot to healthy against a vanilla Strapi 5.54 with the same model (issue #21's memory goal).
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');
const { fork } = require('node:child_process');
const c = require('./lib/common');
const { percentile } = require('./report');
const { load } = require('./lib/http-load');
const { env: restEnv, withPg, prepareRestData, ensureSearchIndex } = require('./lib/rest-setup');
const { restRequests } = require('./lib/rest-samples');
const { writeVanillaApp } = require('./lib/vanilla-app');

const NAME = 'memory';
const ROOT = path.resolve(__dirname, '..');
const VANILLA_DIR = path.join(__dirname, '.vanilla-app'); // git-ignored, written on every run
const BOOT_SCHEMAS = { buurtplein: 'bench_boot', vanilla: 'bench_boot_vanilla' };
// What src/index.ts registers: each custom field and the type it stores.
const CUSTOM_FIELD_TYPES = { 'global::target-groups': 'json' };
const SAMPLES = 20;
// Node's options for the instances under load only (not for the compiling and seeding one), to try what a deployment could set.
const NODE_OPTIONS = process.env.BENCH_NODE_OPTIONS ?? '';
const log = c.logger(NAME);

const HELP = `Usage: node bench/memory.js [options]   (npm run bench:memory)

1. RSS under load. Prepares the REST bench's data (PostgreSQL schema "bench": the demo town
   x10, topped up to --activities, indexed for search; made once, later runs reuse it), then
   starts the app from its build (dist/, as \`npm start\` does, without the admin panel) twice,
   with its in-memory response cache and with CACHE_ENABLED=false. Each is loaded with
   autocannon on 127.0.0.1 with the REST bench's ${SAMPLES} list and ${SAMPLES} search URLs,
   interleaved (--warmup s, then --duration s, --connections at once), while the process's
   resident set (VmRSS in /proc/<pid>/status) is read every 100 ms. rssUnderLoadMb is the
   highest reading of both runs, in MiB.
2. Boot to healthy. Writes a vanilla Strapi 5.54 app into bench/.vanilla-app: the JavaScript
   starter's config and an empty src/index.js, with every content type of the app and of its
   plugins as a plain API (core router, controller, service). It runs none of our code and
   uses the project's node_modules. Each app boots on an empty schema of its own
   (${BOOT_SCHEMAS.buurtplein}, ${BOOT_SCHEMAS.vanilla}) once unmeasured (it creates its
   tables), then --boots times each, taking turns: the time from the process's start until
   GET /_health answers 204. bootVsVanilla is the median of ours over the vanilla's median.
Goals (issue #21): rssUnderLoadMb at most 400 MiB; bootVsVanilla at most 1.2.
Results go to the console and bench/results/<date>-${NAME}.{json,md}.

Options:
  --activities N   published activities in the load's data (default 20000)
  --duration S     seconds measured per load run (default 30)
  --warmup S       seconds of load before it, read too (default 5)
  --connections N  concurrent connections (default 10)
  --boots N        measured boots per app (default 5)
  -h, --help       show this help

Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); BENCH_NODE_OPTIONS:
Node's options for the two instances under load (e.g. --max-old-space-size=256), to try what
a deployment could set in NODE_OPTIONS; the boot comparison runs without them.`;

const SPEC = {
  activities: { default: 20000, min: 1 },
  duration: { default: 30, min: 1 },
  warmup: { default: 5, min: 0 },
  connections: { default: 10, min: 1 },
  boots: { default: 5, min: 1 },
};

const median = (values) => percentile([...values].sort((a, b) => a - b), 50);

/** VmRSS and VmHWM of a process, in MiB (Linux). */
function residentSet(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)[1]);
  return { rss: kib('VmRSS') / 1024, hwm: kib('VmHWM') / 1024 };
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Polls GET /_health until it answers 204; rejects when the process exits first. */
async function healthy(port, exited) {
  let gone = false;
  exited.then(() => {
    gone = true;
  });
  for (;;) {
    if (gone) throw new Error('the app exited before it was healthy');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/_health`);
      if (response.status === 204) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Starts an app (bench/lib/boot-child.js) and waits until it is healthy. Returns its pid,
 * port, the milliseconds from spawn to healthy and stop().
 */
async function boot({ appDir, distDir, env }) {
  const port = await freePort();
  const started = process.hrtime.bigint();
  const child = fork(path.join(__dirname, 'lib/boot-child.js'), [], {
    cwd: ROOT, // both apps read the project's .env (the same secrets)
    env: { ...env, BOOT_APP_DIR: appDir, BOOT_DIST_DIR: distDir, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.disconnect(); // the child's cue to destroy Strapi
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await healthy(port, exited);
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid: child.pid, port, ms: Number(process.hrtime.bigint() - started) / 1e6, stop };
}

/** Loads the instance while reading its resident set every 100 ms: the highest and the median reading. */
async function rssUnderLoad(instance, urls, opts) {
  await new Promise((resolve) => setTimeout(resolve, 2000)); // the boot's garbage settles
  const idle = residentSet(instance.pid).rss;
  const readings = [];
  const timer = setInterval(() => readings.push(residentSet(instance.pid).rss), 100);
  let result;
  try {
    if (opts.warmup) await load(instance.port, urls, opts.connections, opts.warmup);
    result = await load(instance.port, urls, opts.connections, opts.duration);
  } finally {
    clearInterval(timer);
  }
  // One reading a second for the JSON: where in the run the highest came.
  const perSecond = readings.filter((_, i) => i % 10 === 0).map((mb) => Math.round(mb));
  return { idleMb: idle, peakMb: Math.max(...readings), medianMb: median(readings), perSecond, reqPerSec: result.reqPerSec, p50: result.p50, failed: result.non2xx + result.errors };
}

async function measureRss(opts) {
  const { strapi, dataset } = await prepareRestData({ activities: opts.activities, log });
  let urls;
  try {
    await ensureSearchIndex(dataset, log);
    const requests = await withPg((pg) => restRequests(pg, SAMPLES));
    urls = requests.list.flatMap((list, i) => [list, requests.search[i]]);
  } finally {
    await strapi.stop(); // it compiled and seeded: an instance as deployed starts from dist/
  }
  const runs = [];
  for (const [cache, extra] of [
    ['on', {}],
    ['off', { CACHE_ENABLED: 'false' }],
  ]) {
    log(`starting the app from dist/ with the response cache ${cache}, on the data of ${dataset.activities} activities${NODE_OPTIONS ? ` (NODE_OPTIONS=${NODE_OPTIONS})` : ''}`);
    const instance = await boot({ appDir: ROOT, distDir: path.join(ROOT, 'dist'), env: { ...restEnv, ...extra, ...(NODE_OPTIONS ? { NODE_OPTIONS } : {}) } });
    try {
      log(`healthy in ${(instance.ms / 1000).toFixed(1)} s; loading it: ${opts.warmup} s + ${opts.duration} s x ${opts.connections} connections`);
      runs.push({ cache, bootMs: instance.ms, ...(await rssUnderLoad(instance, urls, opts)) });
    } finally {
      await instance.stop();
    }
  }
  return { dataset, urls: urls.length, runs };
}

async function measureBoots(opts) {
  const vanilla = writeVanillaApp(VANILLA_DIR, { customFieldTypes: CUSTOM_FIELD_TYPES });
  log(`wrote the vanilla app (${vanilla.contentTypes.length} content types) to ${path.relative(process.cwd(), VANILLA_DIR)}`);
  const apps = {
    buurtplein: { appDir: ROOT, distDir: path.join(ROOT, 'dist') },
    vanilla: { appDir: VANILLA_DIR, distDir: VANILLA_DIR },
  };
  const times = { buurtplein: [], vanilla: [] };
  const idleMb = { buurtplein: [], vanilla: [] };
  for (let round = 0; round <= opts.boots; round++) {
    for (const [name, dirs] of Object.entries(apps)) {
      if (round === 0) await c.ensureSchema(BOOT_SCHEMAS[name]);
      const instance = await boot({ ...dirs, env: c.strapiEnv(BOOT_SCHEMAS[name], { REDIS_URL: '' }) });
      try {
        if (round === 0) {
          log(`${name}: first boot (creates its tables, not counted) ${(instance.ms / 1000).toFixed(1)} s`);
          continue;
        }
        times[name].push(instance.ms);
        idleMb[name].push(residentSet(instance.pid).rss);
        log(`${name}: boot ${round} of ${opts.boots}: healthy in ${(instance.ms / 1000).toFixed(2)} s`);
      } finally {
        await instance.stop();
      }
    }
  }
  const summary = (name) => ({ medianMs: median(times[name]), times: times[name], rssAtHealthyMb: median(idleMb[name]) });
  return { contentTypes: vanilla.contentTypes.length, buurtplein: summary('buurtplein'), vanilla: summary('vanilla') };
}

async function main() {
  const opts = c.options(SPEC, HELP);
  if (!opts) return;
  require('../scripts/setup-env').writeEnvIfMissing();
  const loadBefore = c.loadAverage();
  const rss = await measureRss(opts);
  const boots = await measureBoots(opts);
  const named = c.figures({
    rssUnderLoadMb: Math.max(...rss.runs.map((r) => r.peakMb)),
    bootVsVanilla: boots.buurtplein.medianMs / boots.vanilla.medianMs,
  });
  const failed = rss.runs.reduce((sum, r) => sum + r.failed, 0);
  const fmt = (n, digits = 1) => n.toFixed(digits);
  const loadTable = c.markdownTable(
    ['response cache', 'boot to healthy', 'RSS idle (MiB)', 'RSS under load, median', 'RSS under load, highest', 'req/s', 'p50 (ms)', 'failed'],
    rss.runs.map((r) => [r.cache, `${fmt(r.bootMs / 1000)} s`, fmt(r.idleMb), fmt(r.medianMb), fmt(r.peakMb), fmt(r.reqPerSec, 0), fmt(r.p50), r.failed])
  );
  const bootTable = c.markdownTable(
    ['app', 'boot to healthy, median', 'each boot (s)', 'RSS when healthy (MiB)'],
    ['buurtplein', 'vanilla'].map((name) => [name, `${fmt(boots[name].medianMs / 1000, 2)} s`, boots[name].times.map((t) => fmt(t / 1000, 2)).join(', '), fmt(boots[name].rssAtHealthyMb)])
  );
  const goals = [
    'Goals (issue #21):',
    c.goalLine('RSS of one instance under the list+search load at most 400 MiB', `${fmt(named.rssUnderLoadMb)} MiB`, named.rssUnderLoadMb <= 400),
    c.goalLine('boot to healthy at most 1.2x a vanilla Strapi 5.54 with the same model', `${fmt(named.bootVsVanilla, 2)}x`, named.bootVsVanilla <= 1.2),
  ];
  console.log(`\n${loadTable}\n\n${bootTable}\n\n${goals.join('\n')}`);
  const base = c.writeResults(NAME, { options: opts, nodeOptions: NODE_OPTIONS, machine: c.machine(), loadBefore, rss, boots, figures: named }, [
    `# Memory and boot, ${new Date().toISOString()}`,
    '',
    `Load: ${rss.urls} URLs (lists and searches, interleaved), ${opts.connections} connections,${NODE_OPTIONS ? ` NODE_OPTIONS=${NODE_OPTIONS},` : ''} ${opts.warmup} s + ${opts.duration} s, on ${rss.dataset.activities} activities. Boots: ${opts.boots} each, on empty schemas; the vanilla app has the same ${boots.contentTypes} content types. Load average before: ${loadBefore}, after: ${c.loadAverage()}.`,
    '',
    loadTable,
    '',
    bootTable,
    '',
    ...goals,
  ]);
  log(`wrote ${base}.json and .md`);
  if (failed) {
    console.error(`[bench:${NAME}] ${failed} requests failed under load: these figures are not comparable`);
    process.exitCode = 1;
  }
}

c.main(NAME, main);
