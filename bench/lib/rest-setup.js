'use strict';
// The REST benchmark's data and servers, reusable by other REST benches (e.g. search):
// PostgreSQL schema "bench" with the demo town x10 (2,000 organisations) topped up to the
// wanted number of activities, and servers in child processes that report their port.
const path = require('node:path');
const { execFileSync, fork } = require('node:child_process');
const common = require('./common');

const SCHEMA = 'bench';
const BENCH_DIR = path.join(__dirname, '..');

// The bench seeds its own scale; warn-level logs, as a line per request would be measured too.
const env = common.strapiEnv(SCHEMA, { REDIS_URL: '' }); // the in-memory cache: one instance, nothing shared

const withPg = (run) => common.withPg(SCHEMA, run);

/**
 * A server in a process of its own (so it never shares an event loop with the load
 * generator), started from bench/<script> with the bench env plus `extraEnv`.
 */
function startServer(name, script, extraEnv = {}) {
  const child = fork(path.join(BENCH_DIR, script), [], { env: { ...env, ...extraEnv }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const port = new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message.port));
    exited.then((code) => reject(new Error(`${name} server exited (code ${code}) before it listened`)));
  });
  return {
    name,
    port,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.disconnect(); // the child's cue to close its server and database pool
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

const CLONE_MARK = 'bench-clone-';

/**
 * Copies published activity documents (every row: draft and published, each locale, with
 * their organisation, category and neighbourhood links) under new documentIds until there
 * are `target` published ones. Seeding 16,500 more through the Document Service would take
 * most of an hour; SQL takes seconds, and the copies are real Strapi rows. Idempotent.
 * `pg` works in `schema` (its search_path). Copy k is marked `external_id = 'bench-clone-<k>'`
 * and is the k-th published document. With `searchIndex`, each copy's search entries
 * (src/discovery/search: one per published locale, with its tags) are copied from its
 * original's too, as the indexer would write them, so search finds the copies without a
 * rebuild (the search vocabulary, search_words, holds the same words already).
 */
async function topUpActivities(pg, target, log, { schema = SCHEMA, searchIndex = false } = {}) {
  const published = async () =>
    Number((await pg.query('SELECT count(DISTINCT document_id) AS n FROM activities WHERE published_at IS NOT NULL')).rows[0].n);
  const have = await published();
  if (have >= target) return;
  log(`adding ${target - have} activities by copying the demo town's (SQL)`);
  const columnsOf = async (table) =>
    (await pg.query('SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position', [schema, table])).rows.map(
      (r) => r.column_name
    );
  const replaced = { id: 'm.new_id', document_id: 'm.document_id', slug: `a.slug || '-' || m.k`, external_id: `'${CLONE_MARK}' || m.k` };
  const activityColumns = await columnsOf('activities');
  const linkTables = await linkTablesOf(pg, schema);

  await pg.query('BEGIN');
  try {
    // Copy k (have+1 .. target) copies source document number (k-1) mod originals, with all its rows.
    await pg.query(
      `CREATE TEMP TABLE bench_clone ON COMMIT DROP AS
       WITH originals AS (
         SELECT document_id, row_number() OVER (ORDER BY document_id) AS rn
         FROM (SELECT DISTINCT document_id FROM activities
               WHERE published_at IS NOT NULL AND archived_at IS NULL AND (external_id IS NULL OR external_id NOT LIKE '${CLONE_MARK}%')) o),
       wanted AS (SELECT k, ((k - 1) % (SELECT count(*) FROM originals)) + 1 AS rn FROM generate_series($1::int + 1, $2::int) k)
       SELECT a.id AS old_id, nextval(pg_get_serial_sequence('activities', 'id')) AS new_id,
              substr(md5(o.document_id || '/' || w.k), 1, 24) AS document_id, w.k
       FROM wanted w JOIN originals o USING (rn) JOIN activities a ON a.document_id = o.document_id`,
      [have, target]
    );
    await pg.query(
      `INSERT INTO activities (${activityColumns.join(', ')})
       SELECT ${activityColumns.map((c) => replaced[c] ?? `a.${c}`).join(', ')}
       FROM bench_clone m JOIN activities a ON a.id = m.old_id`
    );
    for (const table of linkTables) {
      const cols = (await columnsOf(table)).filter((c) => c !== 'id');
      await pg.query(
        `INSERT INTO ${table} (${cols.join(', ')})
         SELECT ${cols.map((c) => (c === 'activity_id' ? 'm.new_id' : `l.${c}`)).join(', ')}
         FROM bench_clone m JOIN ${table} l ON l.activity_id = m.old_id`
      );
    }
    if (searchIndex) await copySearchEntries(pg, await columnsOf('search_entries'));
    await pg.query('COMMIT');
  } catch (error) {
    await pg.query('ROLLBACK');
    throw error;
  }
  log(`now ${await published()} published activities`);
}

/** Inside topUpActivities' transaction: the search entries (and their tags) of the copies in bench_clone. */
async function copySearchEntries(pg, entryColumns) {
  await pg.query(
    `CREATE TEMP TABLE bench_clone_entries ON COMMIT DROP AS
     SELECT e.id AS old_id, nextval(pg_get_serial_sequence('search_entries', 'id')) AS new_id, m.document_id, m.k
     FROM bench_clone m JOIN activities a ON a.id = m.old_id
     JOIN search_entries e ON e.type = 'activity' AND e.document_id = a.document_id AND e.locale = a.locale
     WHERE a.published_at IS NOT NULL AND a.archived_at IS NULL`
  );
  // The entry's slug is the row's: the copy's slug is the original's plus '-<k>'.
  const replaced = { id: 'c.new_id', document_id: 'c.document_id', slug: `e.slug || '-' || c.k` };
  await pg.query(
    `INSERT INTO search_entries (${entryColumns.join(', ')})
     SELECT ${entryColumns.map((col) => replaced[col] ?? `e.${col}`).join(', ')}
     FROM bench_clone_entries c JOIN search_entries e ON e.id = c.old_id`
  );
  await pg.query(
    `INSERT INTO search_entry_tags (entry_id, kind, document_id)
     SELECT c.new_id, t.kind, t.document_id FROM bench_clone_entries c JOIN search_entry_tags t ON t.entry_id = c.old_id`
  );
}

/** The link tables of activities (their categories, neighbourhood, organisation …) in `schema`. */
async function linkTablesOf(pg, schema) {
  const { rows } = await pg.query(
    `SELECT table_name FROM information_schema.columns WHERE table_schema = $1 AND column_name = 'activity_id' AND table_name LIKE '%_lnk'`,
    [schema]
  );
  return rows.map((r) => r.table_name);
}

/**
 * Fresh rows have no planner statistics until autovacuum gets to them (and it may be
 * off, as on the CI database): measure with the plans a live database would use.
 */
async function vacuumAnalyze(pg, schema = SCHEMA) {
  const { rows } = await pg.query('SELECT tablename FROM pg_tables WHERE schemaname = $1', [schema]);
  await common.vacuumAnalyze(pg, schema, rows.map((r) => r.tablename));
}

async function datasetSize(pg) {
  const count = async (table) =>
    Number((await pg.query(`SELECT count(DISTINCT document_id) AS n FROM ${table} WHERE published_at IS NOT NULL`)).rows[0].n);
  return { organisations: await count('organisations'), activities: await count('activities'), initiatives: await count('initiatives') };
}

/**
 * Boots Strapi (bench/strapi-server.js seeds the demo town x10 into the schema once;
 * later runs only check it), tops the activities up to `activities` and analyses the
 * tables. Returns the running Strapi server (started with `strapiEnv`) and the data size.
 */
async function prepareRestData({ activities, log, strapiEnv = {} }) {
  await common.ensureSchema(SCHEMA);
  log(`booting Strapi on PostgreSQL schema "${SCHEMA}" and seeding the demo town x10 (the first run takes minutes)`);
  const strapi = startServer('strapi', 'strapi-server.js', strapiEnv);
  try {
    await strapi.port;
    const dataset = await withPg(async (pg) => {
      await topUpActivities(pg, activities, log);
      await vacuumAnalyze(pg);
      return datasetSize(pg);
    });
    return { strapi, dataset };
  } catch (error) {
    await strapi.stop();
    throw error;
  }
}

/** The activities copied in by SQL are not in the search index yet: index everything once (later runs skip it). */
async function ensureSearchIndex(dataset, log) {
  const indexed = await withPg(async (pg) => {
    const { rows } = await pg.query(`SELECT count(DISTINCT document_id) AS n FROM search_entries WHERE type = 'activity'`);
    return Number(rows[0].n);
  });
  if (indexed >= dataset.activities) return;
  log(`indexing ${dataset.activities} activities for search (npm run search:rebuild)`);
  // The servers already compiled the app: the rebuild uses that build (STRAPI_PRECOMPILED).
  execFileSync(process.execPath, [path.join(BENCH_DIR, '..', 'scripts', 'search-rebuild.js')], { env: { ...env, STRAPI_PRECOMPILED: 'true' }, stdio: 'inherit' });
}

module.exports = {
  SCHEMA,
  CLONE_MARK,
  env,
  withPg,
  startServer,
  linkTablesOf,
  topUpActivities,
  vacuumAnalyze,
  datasetSize,
  prepareRestData,
  ensureSearchIndex,
};
