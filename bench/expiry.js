#!/usr/bin/env node
'use strict';
// node bench/expiry.js [options]: the content-expiry run on a large activities table,
// against the least SQL that marks the same rows.
const path = require('node:path');
const c = require('./lib/common');

const NAME = 'expiry';
const SCHEMA = 'bench_expiry';
const log = c.logger(NAME);

const HELP = `Usage: node bench/expiry.js [options]

Fills PostgreSQL schema "${SCHEMA}" (created when missing) with N activities, each a
draft and a published row in locale nl with a neighbourhood link per row, of which E
ended more than a day ago (the rest end 30-400 days ahead: no owner warnings). Then,
each time on the same fresh data (emptied and refilled by SQL before every measurement),
in the Strapi process:
  run          strapi.plugin('content-expiry').service('expiry').run({ trigger: 'cli' })
  raw UPDATE   UPDATE activities SET archived_at = now()
                 WHERE ends_at < now() - interval '1 day' AND archived_at IS NULL
  raw UPDATE+DELETE  that UPDATE and, in the same transaction, DELETE of the published
               rows it marked (the run unpublishes too)
with wall time and peak memory (process.memoryUsage() every 50 ms, after a GC), and
checks that each archived exactly the E expired activities.
Results go to the console and bench/results/<date>-${NAME}.{json,md}.

Options:
  --activities N   activities (documents; twice as many rows) (default 100000)
  --expired E      of which expired (default 30000)
  --repeat R       measurements of each kind; the table shows the median time and the highest memory (default 3)
  -h, --help       show this help

Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).`;

const SPEC = {
  activities: { default: 100000, min: 1 },
  expired: { default: 30000, min: 1 },
  repeat: { default: 3, min: 1 },
};

const NEIGHBOURHOODS = 10;

/**
 * The data, fresh: every activity a draft row and then its published row (as Strapi
 * writes them), expired ones spread evenly over the ids. Link rows go draft to draft,
 * published to published. Earlier runs' archive records, notices and runs are emptied.
 */
async function refill(pg, { activities, expired }) {
  await pg.query(`TRUNCATE activities, activities_neighbourhood_lnk, expiry_archive_records, expiry_notices, expiry_runs RESTART IDENTITY CASCADE`);
  const { rows } = await pg.query('SELECT count(*)::int AS n FROM neighbourhoods');
  if (rows[0].n !== 2 * NEIGHBOURHOODS) {
    await pg.query('TRUNCATE neighbourhoods RESTART IDENTITY CASCADE');
    await pg.query(`INSERT INTO neighbourhoods (document_id, name, slug, locale, published_at, created_at, updated_at)
      SELECT left(md5('bench-neighbourhood-' || n), 24), 'Wijk ' || n, 'wijk-' || n, 'nl',
             CASE WHEN p THEN localtimestamp END, localtimestamp, localtimestamp
      FROM generate_series(1, ${NEIGHBOURHOODS}) n CROSS JOIN (VALUES (false), (true)) v(p) ORDER BY n, p`);
  }
  // Document i is expired when floor(i * E / N) steps up at i: exactly E of them, spread evenly.
  await pg.query(
    `INSERT INTO activities (document_id, title, slug, description, address, city, starts_at, ends_at, locale,
                             published_at, created_at, updated_at, last_confirmed_at)
     SELECT left(md5('bench-activity-' || i), 24), 'Activiteit ' || i, 'activiteit-' || i,
            repeat('Een beschrijving van de activiteit. ', 8), 'Dorpsstraat ' || (i % 200), 'Buurtstad',
            ends - interval '2 hours', ends, 'nl',
            CASE WHEN p THEN localtimestamp END, localtimestamp, localtimestamp, localtimestamp
     FROM generate_series(1, $1::int) i
     CROSS JOIN LATERAL (SELECT (i::bigint * $2 / $1) > ((i - 1)::bigint * $2 / $1) AS expired) e
     CROSS JOIN LATERAL (SELECT date_trunc('minute', localtimestamp) + CASE WHEN e.expired
                                  THEN -interval '1 day' * (2 + i % 400)
                                  ELSE interval '1 day' * (30 + i % 370) END AS ends) d
     CROSS JOIN (VALUES (false), (true)) v(p)
     ORDER BY i, p`,
    [activities, expired]
  );
  await pg.query(`INSERT INTO activities_neighbourhood_lnk (activity_id, neighbourhood_id)
    SELECT a.id, n.id FROM activities a
    JOIN neighbourhoods n ON n.slug = 'wijk-' || (1 + (a.id / 2) % ${NEIGHBOURHOODS}) AND (n.published_at IS NULL) = (a.published_at IS NULL)`);
  await c.vacuumAnalyze(pg, SCHEMA, ['activities', 'activities_neighbourhood_lnk', 'neighbourhoods', 'expiry_archive_records', 'expiry_notices', 'expiry_runs']);
}

/** What is archived now: drafts marked, published rows left, archive records. */
async function state(pg) {
  const { rows } = await pg.query(`SELECT
    (SELECT count(*)::int FROM activities WHERE published_at IS NULL AND archived_at IS NOT NULL) AS "archivedDocuments",
    (SELECT count(*)::int FROM activities WHERE published_at IS NOT NULL) AS "publishedRows",
    (SELECT count(*)::int FROM activities WHERE published_at IS NOT NULL AND archived_at IS NOT NULL) AS "archivedPublishedRows",
    (SELECT count(*)::int FROM activities_neighbourhood_lnk) AS "linkRows",
    (SELECT count(*)::int FROM expiry_archive_records) AS "archiveRecords"`);
  return rows[0];
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main() {
  const opts = c.options(SPEC, HELP);
  if (!opts) return;
  if (opts.expired > opts.activities) throw new Error('--expired cannot exceed --activities');
  require('../scripts/setup-env').writeEnvIfMissing();
  await c.ensureSchema(SCHEMA);
  const loadStart = c.loadAverage();
  log(`load average before: ${loadStart}`);

  log(`booting Strapi on schema "${SCHEMA}" (schema sync creates the tables)`);
  const strapi = c.startChild('strapi', path.join(__dirname, 'lib/strapi-child.js'), {
    env: c.strapiEnv(SCHEMA, { BENCH_TASKS: path.join(__dirname, 'lib/expiry-tasks.js') }),
    execArgv: ['--expose-gc'], // a GC before each measurement, so the memory peaks start from the same floor
    log,
  });
  const { activities: N, expired: E } = opts;
  const expect = {
    run: { archivedDocuments: E, publishedRows: N - E, archivedPublishedRows: 0, linkRows: 2 * N - E, archiveRecords: E },
    rawUpdate: { archivedDocuments: E, publishedRows: N, archivedPublishedRows: E, linkRows: 2 * N, archiveRecords: 0 },
    rawUpdateDelete: { archivedDocuments: E, publishedRows: N - E, archivedPublishedRows: 0, linkRows: 2 * N - E, archiveRecords: 0 },
  };
  const labels = { run: 'run (plugin)', rawUpdate: 'raw UPDATE', rawUpdateDelete: 'raw UPDATE+DELETE' };
  try {
    await strapi.ready;
    const samples = { run: [], rawUpdate: [], rawUpdateDelete: [] };
    for (let round = 1; round <= opts.repeat; round++) {
      for (const kind of Object.keys(samples)) {
        const started = Date.now();
        log(`${labels[kind]}${opts.repeat > 1 ? ` (${round}/${opts.repeat})` : ''}: refilling ${N} activities (${2 * N} rows), ${E} expired`);
        await c.withPg(SCHEMA, (pg) => refill(pg, opts));
        log(`  data ready in ${((Date.now() - started) / 1000).toFixed(1)} s; measuring (load average ${c.loadAverage()})`);
        const loadAverage = c.loadAverage();
        const measured = await strapi.call(kind);
        const after = await c.withPg(SCHEMA, state);
        const wrong = Object.entries(expect[kind]).filter(([key, value]) => after[key] !== value);
        if (kind === 'run' && measured.report.types['api::activity.activity'].archived !== E) wrong.push(['report.archived', E]);
        if (kind === 'run' && measured.report.status !== 'succeeded') wrong.push(['report.status', 'succeeded']);
        log(`  ${(measured.ms / 1000).toFixed(2)} s, peak RSS ${c.mb(measured.memory.peakRss)} MB; after: ${JSON.stringify(after)}`);
        if (wrong.length) {
          throw new Error(`${labels[kind]} did not do what was expected: ${wrong.map(([k, v]) => `${k} = ${after[k] ?? '?'} (expected ${v})`).join(', ')}`);
        }
        samples[kind].push({ ms: measured.ms, cpuMs: measured.cpuMs, memory: measured.memory, loadAverage, after, rows: measured.rows, report: measured.report });
      }
    }
    report({ opts, samples, labels, loadStart });
  } finally {
    await strapi.stop();
  }
}

function report({ opts, samples, labels, loadStart }) {
  const summary = Object.fromEntries(
    Object.entries(samples).map(([kind, list]) => [
      kind,
      {
        ms: median(list.map((s) => s.ms)),
        cpuMs: median(list.map((s) => s.cpuMs)),
        peakRss: Math.max(...list.map((s) => s.memory.peakRss)),
        rssGrowth: Math.max(...list.map((s) => s.memory.peakRss - s.memory.rssBefore)),
        peakHeapUsed: Math.max(...list.map((s) => s.memory.peakHeapUsed)),
        heapGrowth: Math.max(...list.map((s) => s.memory.peakHeapUsed - s.memory.heapUsedBefore)),
        heapRetained: Math.max(...list.map((s) => s.memory.heapUsedAfterGc - s.memory.heapUsedBefore)),
      },
    ])
  );
  const ratios = { runVsRawUpdate: summary.run.ms / summary.rawUpdate.ms, runVsRawUpdateDelete: summary.run.ms / summary.rawUpdateDelete.ms };
  const measuredTable = c.markdownTable(
    ['operation', 'time s', 'archived', 'Node CPU s', 'peak RSS MB', 'RSS growth MB', 'peak heap MB', 'heap growth MB', 'heap kept MB'],
    Object.entries(summary).map(([kind, s]) => [
      labels[kind],
      (s.ms / 1000).toFixed(2),
      opts.expired,
      (s.cpuMs / 1000).toFixed(2),
      c.mb(s.peakRss),
      c.mb(s.rssGrowth),
      c.mb(s.peakHeapUsed),
      c.mb(s.heapGrowth),
      c.mb(s.heapRetained),
    ])
  );
  const ratioTable = c.markdownTable(
    ['run / raw UPDATE', 'run / raw UPDATE+DELETE', 'aim'],
    [[`${ratios.runVsRawUpdate.toFixed(2)}x`, `${ratios.runVsRawUpdateDelete.toFixed(2)}x`, '<= 3x']]
  );
  const table = `${measuredTable}\n\n${ratioTable}`;
  const named = c.figures({ expiryVsRawUpdateDelete: ratios.runVsRawUpdateDelete });
  const goals = ['Goals:', c.goalLine('the clean-up at most 3x the raw UPDATE+DELETE (#21)', `${named.expiryVsRawUpdateDelete.toFixed(2)}x`, named.expiryVsRawUpdateDelete <= 3)];
  console.log(`\n${table}\n\n${goals.join('\n')}\n`);
  const machine = c.machine();
  const loadEnd = c.loadAverage();
  const during = Object.entries(samples).map(([kind, list]) => `${list.map((s) => s.loadAverage).join(' / ')} at ${labels[kind]}`);
  console.log(`load average: ${loadStart} before, ${during.join(', ')}, ${loadEnd} after`);
  const written = c.writeResults(NAME, { options: opts, machine, loadAverage: { before: loadStart, after: loadEnd }, summary, ratios, samples, figures: named }, [
    `# Expiry benchmark, ${new Date().toISOString()}`,
    '',
    `${opts.activities} activities (draft + published rows, one neighbourhood link each), ${opts.expired} expired; median of ${opts.repeat} measurement(s) each, on fresh data; ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}.`,
    `Load average ${loadStart} before, ${loadEnd} after. Memory: the Strapi process (all three run there), sampled every 50 ms after a GC; growth = peak - value at start; kept = heap after a GC at the end - at start. Node CPU: that process's CPU time (PostgreSQL's not included). Time and CPU: medians; memory: the highest of the measurements.`,
    '',
    table,
    '',
    ...goals,
  ]);
  log(`wrote ${written}.json and .md`);
}

if (require.main === module) c.main(NAME, main);
module.exports = { refill, SCHEMA };
