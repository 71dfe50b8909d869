#!/usr/bin/env node
'use strict';
// node bench/growth.js [options]: how the uncached filtered list's and search's latency grow
// with the number of activities (issue #21's cost-growth goal), one request at a time on PostgreSQL.
const path = require('node:path');
const http = require('node:http');
const c = require('./lib/common');
const { percentile } = require('./report');
const { CLONE_MARK, linkTablesOf, topUpActivities, vacuumAnalyze } = require('./lib/rest-setup');
const { categoryNeighbourhoodPairs, listUrl, searchQueriesFrom, searchUrl } = require('./lib/rest-samples');

const NAME = 'growth';
const SCHEMA = 'bench_growth';
const log = c.logger(NAME);

const HELP = `Usage: node bench/growth.js [options]   (npm run bench:growth)

Seeds the demo town (--scale 1: 200 organisations, 350 activities) into PostgreSQL schema
"${SCHEMA}" once (later runs reuse it), starts Strapi with CACHE_ENABLED=false (every
request reaches the database), then grows the published activities step by step to each
of --sizes by SQL copies of the demo town's (every row and link, and their search entries),
VACUUM (ANALYZE) after each step, and at every size measures, one request at a time, the
filtered list
  GET /api/activities?filters[categories][slug][$eq]=…&filters[neighbourhood][slug][$eq]=…
      &populate[organisation]=true&populate[categories]=true&pagination[pageSize]=25
and GET /api/search?q=…&pageSize=25, each with the same --samples URLs at every size:
--warmup requests first (not counted), then --requests, cycling through the URLs.
Copies beyond the smallest size left by an earlier run are deleted first (SQL).
Every answer must be 200 and find something, or the run fails (exit code 1).
Goals (issue #21, default sizes): list p50 at 200,000 activities at most 1.5x the p50
at 2,000; search p50 at 200,000 at most 2x the p50 at 20,000. The figures are
listP50Growth (p50 at the largest size / at the smallest) and searchP50Growth (p50 at the
largest / at the one before it). Start over with: DROP SCHEMA ${SCHEMA} CASCADE.
Results go to the console and bench/results/<date>-${NAME}.{json,md}.

Options:
  --sizes LIST     published activities at each step, comma-separated (default 2000,20000,200000)
  --requests N     measured requests per scenario and size (default 400)
  --warmup N       unmeasured requests before them (default 40)
  --samples N      distinct URLs per scenario (default 20)
  --scale N        the demo town's scale, seeded once per schema (default 1)
  -h, --help       show this help

Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).`;

const SPEC = {
  sizes: { list: true, default: '2000,20000,200000', min: 1 },
  requests: { default: 400, min: 1 },
  warmup: { default: 40, min: 0 },
  samples: { default: 20, min: 1 },
  scale: { default: 1, min: 1 },
};

// Visible to the public in the default locale (src/public-reads/public-query.ts); the demo town's own rows, not the copies.
const ORIGINAL = `a.published_at IS NOT NULL AND a.locale = 'nl' AND a.archived_at IS NULL AND (a.external_id IS NULL OR a.external_id NOT LIKE '${CLONE_MARK}%')`;

const publishedActivities = async (pg) =>
  Number((await pg.query('SELECT count(DISTINCT document_id) AS n FROM activities WHERE published_at IS NOT NULL')).rows[0].n);

/** Sample URLs from the demo town's own activities, so they are the same at every size (md5 order: spread over the town). */
async function sampleRequests(pg, samples) {
  const pairs = await categoryNeighbourhoodPairs(pg, ORIGINAL, samples);
  const titles = (await pg.query(`SELECT a.title FROM activities a WHERE ${ORIGINAL} ORDER BY md5(a.slug) LIMIT 500`)).rows.map((r) => r.title);
  const queries = searchQueriesFrom(titles, samples);
  if (pairs.length < samples || queries.length < samples) throw new Error(`the demo town gives too few samples (${pairs.length} lists, ${queries.length} searches): lower --samples`);
  return {
    list: pairs.map(listUrl),
    search: queries.map(searchUrl),
  };
}

/**
 * Deletes the copies an earlier run made beyond `target` published activities (copy k is the
 * k-th published document), with their links and search entries, and compacts the tables
 * (VACUUM FULL), so the smallest size is measured on tables of its own size.
 */
async function trimCopies(pg, target) {
  const linkTables = await linkTablesOf(pg, SCHEMA);
  await pg.query('BEGIN');
  try {
    await pg.query(
      `CREATE TEMP TABLE bench_gone ON COMMIT DROP AS
       SELECT id, document_id FROM activities WHERE external_id LIKE '${CLONE_MARK}%' AND substr(external_id, ${CLONE_MARK.length + 1})::int > $1`,
      [target]
    );
    for (const table of linkTables) await pg.query(`DELETE FROM ${table} WHERE activity_id IN (SELECT id FROM bench_gone)`);
    const gone = `SELECT e.id FROM search_entries e WHERE e.type = 'activity' AND e.document_id IN (SELECT document_id FROM bench_gone)`;
    await pg.query(`DELETE FROM search_entry_tags WHERE entry_id IN (${gone})`);
    await pg.query(`DELETE FROM search_entries WHERE id IN (${gone})`);
    await pg.query('DELETE FROM activities WHERE id IN (SELECT id FROM bench_gone)');
    await pg.query('COMMIT');
  } catch (error) {
    await pg.query('ROLLBACK');
    throw error;
  }
  for (const table of ['activities', ...linkTables, 'search_entries', 'search_entry_tags']) await pg.query(`VACUUM FULL ${SCHEMA}."${table}"`);
}

/** What the data holds at a size: published activity documents, search entries, and the schema's size on disk. */
async function dataAt(pg) {
  const one = async (sql, params = []) => Number((await pg.query(sql, params)).rows[0].n);
  const mb = async (table) => (await one(`SELECT pg_total_relation_size(format('%I.%I', $1::text, $2::text)::regclass) AS n`, [SCHEMA, table])) / 1048576;
  return {
    activities: await publishedActivities(pg),
    activityRows: await one('SELECT count(*) AS n FROM activities'),
    searchEntries: await one(`SELECT count(*) AS n FROM search_entries WHERE type = 'activity'`),
    schemaMb: (await one(`SELECT sum(pg_total_relation_size(c.oid)) AS n FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace WHERE s.nspname = $1 AND c.relkind = 'r'`, [SCHEMA])) / 1048576,
    activitiesMb: await mb('activities'),
    searchEntriesMb: await mb('search_entries'),
  };
}

/**
 * The index must hold one entry per public activity and locale (the copies' too), and the
 * app's indexer must write for a few copies exactly what the SQL copied.
 */
async function checkSearchIndex(pg, strapi) {
  const { rows } = await pg.query(
    `SELECT (SELECT count(*) FROM activities WHERE published_at IS NOT NULL AND archived_at IS NULL) AS public,
            (SELECT count(*) FROM search_entries WHERE type = 'activity') AS entries`
  );
  if (Number(rows[0].public) !== Number(rows[0].entries)) throw new Error(`the search index holds ${rows[0].entries} activity entries for ${rows[0].public} public activity rows`);
  const copies = (
    await pg.query(`SELECT DISTINCT document_id, md5(document_id) FROM activities WHERE external_id LIKE '${CLONE_MARK}%' AND published_at IS NOT NULL ORDER BY md5(document_id) LIMIT 10`)
  ).rows.map((r) => r.document_id);
  if (!copies.length) return { entries: Number(rows[0].entries), reindexed: 0 };
  const check = await strapi.call('reindexCheck', { documentIds: copies });
  if (check.differences || !check.entriesBefore) throw new Error(`the SQL-copied search entries differ from the indexer's: ${JSON.stringify(check)}`);
  return { entries: Number(rows[0].entries), reindexed: copies.length };
}

/** GET on one kept-alive connection: status, body and milliseconds to the body's end. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function get(port, urlPath) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    http
      .get({ host: '127.0.0.1', port, path: urlPath, agent }, (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

/** Every sample answers 200 and finds something; returns the mean total it finds. */
async function verify(port, urls, size) {
  let total = 0;
  for (const url of urls) {
    const { status, body } = await get(port, url);
    const json = status === 200 ? JSON.parse(body) : null;
    if (!json?.data?.length) throw new Error(`at ${size} activities ${url} answered ${status} with ${json ? 'nothing found' : body.toString().slice(0, 200)}`);
    total += json.meta.pagination.total;
  }
  return total / urls.length;
}

/** `warmup` requests, then `requests` timed one at a time, cycling through the URLs. */
async function measure(port, urls, { warmup, requests }) {
  for (let i = 0; i < warmup; i++) await get(port, urls[i % urls.length]);
  const times = [];
  let failed = 0;
  for (let i = 0; i < requests; i++) {
    const { status, ms } = await get(port, urls[i % urls.length]);
    if (status !== 200) failed += 1;
    times.push(ms);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), mean: times.reduce((s, t) => s + t, 0) / times.length, failed };
}

async function main() {
  const opts = c.options(SPEC, HELP);
  if (!opts) return;
  const sizes = [...new Set(opts.sizes)].sort((a, b) => a - b);
  require('../scripts/setup-env').writeEnvIfMissing();
  await c.ensureSchema(SCHEMA);
  const loadBefore = c.loadAverage();
  const env = c.strapiEnv(SCHEMA, {
    BENCH_TASKS: path.join(__dirname, 'lib/growth-tasks.js'),
    CACHE_ENABLED: 'false', // every request reaches the database
    REDIS_URL: '',
    RATE_LIMIT_MAX_PER_IP: '100000000',
    STATS_ENABLED: 'false',
  });
  const strapi = c.startChild('strapi', path.join(__dirname, 'lib/strapi-child.js'), { env, log });
  try {
    await strapi.ready;
    log(`seeding the demo town x${opts.scale} into schema "${SCHEMA}" (once)`);
    const seed = await strapi.call('setup', { scale: opts.scale });
    log(seed.created ? `seeded in ${seed.seconds.toFixed(0)} s` : `the demo town is there (checked in ${seed.seconds.toFixed(1)} s)`);
    const steps = [];
    const prepared = await c.withPg(SCHEMA, async (pg) => {
      const originals = Number((await pg.query(`SELECT count(DISTINCT a.document_id) AS n FROM activities a WHERE ${ORIGINAL}`)).rows[0].n);
      if (sizes[0] < originals) throw new Error(`the smallest size must be at least the demo town's ${originals} published activities`);
      const have = await publishedActivities(pg);
      let trimSeconds = null;
      if (have > sizes[0]) {
        log(`an earlier run left ${have} published activities: deleting the copies beyond ${sizes[0]} and compacting the tables (SQL)`);
        const started = Date.now();
        await trimCopies(pg, sizes[0]);
        trimSeconds = (Date.now() - started) / 1000;
        log(`  done in ${trimSeconds.toFixed(1)} s`);
      }
      return { originals, trimSeconds, requests: await sampleRequests(pg, opts.samples) };
    });
    const { requests } = prepared;
    const port = await strapi.call('listen');

    for (const size of sizes) {
      const step = await c.withPg(SCHEMA, async (pg) => {
        let started = Date.now();
        await topUpActivities(pg, size, log, { schema: SCHEMA, searchIndex: true });
        const copySeconds = (Date.now() - started) / 1000;
        started = Date.now();
        await vacuumAnalyze(pg, SCHEMA);
        const vacuumSeconds = (Date.now() - started) / 1000;
        const index = await checkSearchIndex(pg, strapi);
        return { size, copySeconds, vacuumSeconds, index, data: await dataAt(pg) };
      });
      if (step.data.activities !== size) throw new Error(`wanted ${size} published activities, found ${step.data.activities}`);
      log(
        `${size} activities (copied in ${step.copySeconds.toFixed(1)} s, VACUUM (ANALYZE) ${step.vacuumSeconds.toFixed(1)} s; schema ${step.data.schemaMb.toFixed(0)} MB; ` +
          `search index ${step.index.entries} activity entries, ${step.index.reindexed} copies re-indexed identically)`
      );
      step.listMatches = await verify(port, requests.list, size);
      step.searchMatches = await verify(port, requests.search, size);
      for (const scenario of ['list', 'search']) {
        log(`  measuring ${scenario}: ${opts.warmup} warm-up, ${opts.requests} requests one at a time (load ${c.loadAverage()})`);
        step[scenario] = await measure(port, requests[scenario], opts);
        log(`  ${scenario}: p50 ${step[scenario].p50.toFixed(1)} ms, p99 ${step[scenario].p99.toFixed(1)} ms`);
      }
      // Where a request's database time goes at this size: its statements, run again under EXPLAIN ANALYZE.
      step.explain = {};
      for (const scenario of ['list', 'search']) {
        await strapi.call('startCapture');
        await get(port, requests[scenario][0]);
        step.explain[scenario] = await strapi.call('explain');
      }
      steps.push(step);
    }
    const failed = steps.reduce((sum, s) => sum + s.list.failed + s.search.failed, 0);
    report({ opts, sizes, seed, prepared, steps, loadBefore });
    if (failed) {
      console.error(`[bench:${NAME}] ${failed} measured requests did not answer 200: these numbers are not comparable`);
      process.exitCode = 1;
    }
  } finally {
    agent.destroy();
    await strapi.stop();
  }
}

function report({ opts, sizes, seed, prepared, steps, loadBefore }) {
  const ms = (x) => x.toFixed(1);
  const n = (x) => Math.round(x).toLocaleString('en');
  const at = (size) => steps.find((s) => s.size === size);
  const largest = sizes.at(-1);
  const listBase = sizes[0];
  const searchBase = sizes.length > 1 ? sizes.at(-2) : sizes[0];
  const named = c.figures({
    listP50Growth: at(largest).list.p50 / at(listBase).list.p50,
    searchP50Growth: at(largest).search.p50 / at(searchBase).search.p50,
  });
  const table = c.markdownTable(
    ['activities', 'list p50 ms', 'list p99 ms', 'list matches', 'search p50 ms', 'search p99 ms', 'search matches', 'schema MB', 'copy s'],
    steps.map((s) => [n(s.size), ms(s.list.p50), ms(s.list.p99), n(s.listMatches), ms(s.search.p50), ms(s.search.p99), n(s.searchMatches), n(s.data.schemaMb), s.copySeconds.toFixed(1)])
  );
  const sql = (plans) => `${plans.length} / ${ms(plans.reduce((sum, p) => sum + p.ms, 0))} / ${ms(Math.max(...plans.map((p) => p.ms)))}`;
  const explained = c.markdownTable(
    ['activities', 'list: statements / SQL ms / slowest ms', 'search: statements / SQL ms / slowest ms'],
    steps.map((s) => [n(s.size), sql(s.explain.list), sql(s.explain.search)])
  );
  const x = (v) => (v === undefined ? 'n/a' : `${v.toFixed(2)}x`);
  const defaults = String(sizes) === SPEC.sizes.default ? '' : ` (the goal's sizes are ${SPEC.sizes.default}: not comparable)`;
  const goals = [
    'Goals:',
    c.goalLine(`filtered list p50 at ${n(largest)} activities at most 1.5x the p50 at ${n(listBase)} (#21)${defaults}`, x(named.listP50Growth), named.listP50Growth <= 1.5),
    c.goalLine(`search p50 at ${n(largest)} activities at most 2x the p50 at ${n(searchBase)} (#21)${defaults}`, x(named.searchP50Growth), named.searchP50Growth <= 2),
  ];
  const seeded = seed.created ? `seeded in ${seed.seconds.toFixed(0)} s this run` : 'seeded by an earlier run';
  console.log(`\n${table}\n\n${explained}\n\n${goals.join('\n')}\n`);
  const machine = c.machine();
  const loadAverage = { before: loadBefore, after: c.loadAverage() };
  const written = c.writeResults(NAME, { options: { ...opts, sizes }, machine, loadAverage, seed, trimSeconds: prepared.trimSeconds, originals: prepared.originals, requests: prepared.requests, steps, figures: named }, [
    `# Cost growth, ${new Date().toISOString()}`,
    '',
    `Uncached (CACHE_ENABLED=false), one request at a time: ${opts.warmup} warm-up then ${opts.requests} requests per scenario and size over ${opts.samples} URLs each; ` +
      `PostgreSQL schema ${SCHEMA}, demo town x${opts.scale} (${prepared.originals} published activities, ${seeded}), grown by SQL copies; ${machine.cpus} CPUs, Node ${machine.node}; ` +
      `load average before ${loadAverage.before}, after ${loadAverage.after}. "matches" is the mean total a request finds.`,
    '',
    table,
    '',
    "The first sample URL of each scenario, its statements run again under EXPLAIN (ANALYZE, BUFFERS) (the plans are in the JSON's steps[].explain):",
    '',
    explained,
    '',
    ...goals,
  ]);
  log(`wrote ${written}.json and .md`);
}

c.main(NAME, main);
