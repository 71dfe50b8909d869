#!/usr/bin/env node
'use strict';
// node bench/cache-trace.js [options]: the response cache's hit rate on a replayed mixed trace of
// public reads and staff edits, with CACHE_INVALIDATION=scoped next to =everything (as before #21).
const path = require('node:path');
const http = require('node:http');
const c = require('./lib/common');

const NAME = 'cache-trace';
const SCHEMA = 'bench_cache_trace';
const log = c.logger(NAME);

const HELP = `Usage: node bench/cache-trace.js [options]   (npm run bench:cache-trace)

Seeds PostgreSQL schema "${SCHEMA}" with the demo town (once; later runs reuse it), starts
Strapi with its response cache in memory, and replays one trace of --operations requests
(--edits % of them staff edits: a draft saved and published through the Document Service,
as the admin panel does; the rest public reads), one at a time, twice: with
CACHE_INVALIDATION=scoped and with CACHE_INVALIDATION=everything, each from an empty cache.
Reads follow how a town's sites are used: activity and organisation pages with a few
popular ones (Zipf), activity lists by category and neighbourhood, other types' lists,
search, agenda, map and feed. Edits fall on activities (70 %), organisations (20 %) and
initiatives (10 %). The hit rate is the share of reads answered X-Cache: HIT.
Results go to the console and bench/results/<date>-${NAME}.{json,md}.

Options:
  --operations N   requests in the trace (default 20000)
  --edits P        percentage of them that are edits (default 5)
  --seed N         the trace's random seed (default 21)
  -h, --help       show this help

Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).`;

const SPEC = {
  operations: { default: 20000, min: 100 },
  edits: { default: 5, min: 0 },
  seed: { default: 21, min: 0 },
};

/** An index in [0, n) with Zipf-like popularity (s = 1): a few items take most reads. */
function zipf(random, n) {
  const harmonic = Math.log(n) + 0.5772;
  const target = random() * harmonic;
  return Math.min(n - 1, Math.max(0, Math.floor(Math.exp(target - 0.5772)) - 1));
}

/** The trace: each operation a read (category and URL) or an edit (type and document). */
function makeTrace(data, { operations, edits, seed }) {
  const random = c.prng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const lists = data.categories.flatMap((category) =>
    data.neighbourhoods.slice(0, 4).map((n) => `/api/activities?filters[categories][slug][$eq]=${category}&filters[neighbourhood][slug][$eq]=${n}&populate[organisation]=true&pagination[pageSize]=25`)
  );
  const searches = ['wandelen', 'koor', 'taalcafe', 'repair', 'yoga', 'voetbal', 'buurthuis', 'koffie', 'sport', 'muziek'];
  const reads = [
    [35, 'activity page', () => `/api/activities/${data.activity[zipf(random, data.activity.length)]}`],
    [15, 'organisation page', () => `/api/organisations/${data.organisation[zipf(random, data.organisation.length)]}`],
    [5, 'initiative page', () => `/api/initiatives/${data.initiative[zipf(random, data.initiative.length)]}`],
    [15, 'activity list', () => pick(lists)],
    [5, 'plain lists', () => pick(['/api/activities', '/api/activities?pagination[page]=2', '/api/organisations', '/api/initiatives'])],
    [5, "other types' lists", () => pick(['/api/categories', '/api/neighbourhoods', '/api/subsidies'])],
    [12, 'search', () => `/api/search?q=${pick(searches)}`],
    [8, 'agenda, map, feed', () => pick(['/api/agenda', '/api/map/activities.geojson', '/api/feeds/latest.rss'])],
  ];
  const total = reads.reduce((sum, [weight]) => sum + weight, 0);
  const trace = [];
  for (let i = 0; i < operations; i++) {
    if (random() * 100 < edits) {
      const r = random();
      const type = r < 0.7 ? 'activity' : r < 0.9 ? 'organisation' : 'initiative';
      trace.push({ edit: { type, documentId: pick(data[type]), n: i } });
      continue;
    }
    let roll = random() * total;
    const [, kind, url] = reads.find(([weight]) => (roll -= weight) < 0) ?? reads[0];
    trace.push({ kind, path: url() });
  }
  return trace;
}

/** GET on a kept-alive connection; answers the status and X-Cache. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function get(port, urlPath) {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: encodeURI(urlPath), agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, cache: res.headers['x-cache'] }));
      })
      .on('error', reject);
  });
}

async function replay(strapi, port, trace) {
  const perKind = {};
  const started = Date.now();
  let edits = 0;
  for (const [i, op] of trace.entries()) {
    if (op.edit) {
      await strapi.call('edit', op.edit);
      edits += 1;
    } else {
      const { status, cache } = await get(port, op.path);
      if (status !== 200) throw new Error(`${op.path} answered ${status}`);
      const kind = (perKind[op.kind] ??= { reads: 0, hits: 0 });
      kind.reads += 1;
      if (cache === 'HIT') kind.hits += 1;
    }
    if ((i + 1) % 5000 === 0) log(`  ${i + 1}/${trace.length} operations`);
  }
  const reads = Object.values(perKind).reduce((sum, k) => sum + k.reads, 0);
  const hits = Object.values(perKind).reduce((sum, k) => sum + k.hits, 0);
  return { reads, hits, edits, hitRate: hits / reads, seconds: (Date.now() - started) / 1000, perKind };
}

async function main() {
  const opts = c.options(SPEC, HELP);
  if (!opts) return;
  require('../scripts/setup-env').writeEnvIfMissing();
  await c.ensureSchema(SCHEMA);
  const loadBefore = c.loadAverage();
  const env = c.strapiEnv(SCHEMA, { BENCH_TASKS: path.join(__dirname, 'lib/cache-trace-tasks.js'), REDIS_URL: '', RATE_LIMIT_MAX_PER_IP: '100000000', STATS_ENABLED: 'false' });
  const strapi = c.startChild('strapi', path.join(__dirname, 'lib/strapi-child.js'), { env, log });
  try {
    await strapi.ready;
    log(`seeding the demo town into schema "${SCHEMA}" (once)`);
    const data = await strapi.call('setup');
    const port = await strapi.call('listen');
    const trace = makeTrace(data, opts);
    log(`trace: ${trace.length} operations, ${trace.filter((op) => op.edit).length} edits, ${new Set(trace.filter((op) => op.path).map((op) => op.path)).size} distinct URLs`);
    const results = {};
    for (const mode of ['everything', 'scoped']) {
      log(`replaying with CACHE_INVALIDATION=${mode}`);
      await strapi.call('invalidation', { mode });
      results[mode] = await replay(strapi, port, trace);
    }
    report({ opts, results, loadBefore, data });
  } finally {
    agent.destroy();
    await strapi.stop();
  }
}

function report({ opts, results, loadBefore, data }) {
  const { scoped, everything } = results;
  const pct = (x) => `${(x * 100).toFixed(1)} %`;
  const kinds = Object.keys(scoped.perKind);
  const table = c.markdownTable(
    ['reads', 'share of reads', 'hit rate, everything', 'hit rate, scoped'],
    [
      ...kinds.map((kind) => [kind, pct(scoped.perKind[kind].reads / scoped.reads), pct(everything.perKind[kind].hits / everything.perKind[kind].reads), pct(scoped.perKind[kind].hits / scoped.perKind[kind].reads)]),
      ['**all reads**', '100 %', `**${pct(everything.hitRate)}**`, `**${pct(scoped.hitRate)}**`],
    ]
  );
  const timing = c.markdownTable(
    ['CACHE_INVALIDATION', 'reads', 'edits', 'hits', 'replay s'],
    ['everything', 'scoped'].map((mode) => [mode, results[mode].reads, results[mode].edits, results[mode].hits, results[mode].seconds.toFixed(1)])
  );
  const named = c.figures({ cacheHitRateScoped: scoped.hitRate, cacheHitRateEverything: everything.hitRate });
  const goals = ['Goals:', c.goalLine('an edit keeps unrelated cached answers: a higher hit rate than emptying the cache on every edit (#21)', `${pct(scoped.hitRate)} against ${pct(everything.hitRate)}`, scoped.hitRate > everything.hitRate)];
  console.log(`\n${table}\n\n${timing}\n\n${goals.join('\n')}\n`);
  const machine = c.machine();
  const written = c.writeResults(NAME, { options: opts, machine, loadAverage: { before: loadBefore, after: c.loadAverage() }, data: { activities: data.activity.length, organisations: data.organisation.length, initiatives: data.initiative.length }, results, figures: named }, [
    `# Cache hit rate on a replayed trace, ${new Date().toISOString()}`,
    '',
    `${opts.operations} operations, ${opts.edits} % edits (seed ${opts.seed}), one at a time, each mode from an empty memory cache; demo town (${data.activity.length} activities, ${data.organisation.length} organisations, ${data.initiative.length} initiatives); ${machine.cpus} CPUs, Node ${machine.node}.`,
    '',
    table,
    '',
    timing,
    '',
    ...goals,
  ]);
  log(`wrote ${written}.json and .md`);
}

c.main(NAME, main);
