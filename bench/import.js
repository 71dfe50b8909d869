#!/usr/bin/env node
'use strict';
// node bench/import.js [options]: the bulk import on PostgreSQL, next to a raw
// multi-row INSERT of the same rows in the same run.
const path = require('node:path');
const c = require('./lib/common');
const { organisationRows, activityRows, toCsv, ORG_COLUMNS, ACTIVITY_COLUMNS } = require('../scripts/lib/import-samples');

const NAME = 'import';
const SCHEMA = 'bench_import';
const log = c.logger(NAME);

const HELP = `Usage: node bench/import.js [options]

Recreates PostgreSQL schema "${SCHEMA}", boots Strapi on it (in this process), adds the
demo town's categories and neighbourhoods, then measures:
  launch      the launch scenario: 200 organisations + 350 activities (npm run import)
  import      N organisations, then M activities, through runImport (new items: multi-row INSERTs)
  update      U of those organisations changed (updates go through the Document Service)
  raw INSERT  the same N + M rows as multi-row INSERTs of 1,000 rows into two plain
              tables with the same columns (no relations, no drafts, no i18n)
with wall time and peak RSS / heap (sampled every 50 ms), and prints the ratio.
Results go to the console and bench/results/<date>-${NAME}.{json,md}.

Options:
  --organisations N   (default 20000)
  --activities M      (default 35000)
  --updates U         (default 1000)
  -h, --help          show this help

Environment: DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test).`;

const SPEC = { organisations: { default: 20000, min: 1 }, activities: { default: 35000, min: 1 }, updates: { default: 1000, min: 0 } };

async function bootStrapi() {
  Object.assign(process.env, c.strapiEnv(SCHEMA));
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const app = await compileStrapi({ appDir: path.resolve(__dirname, '..') });
  const strapi = await createStrapi({ ...app, autoReload: false, serveAdminPanel: false }).load();
  return { strapi, distDir: app.distDir };
}

async function addVocabulary(strapi, distDir) {
  const { CATEGORIES, NEIGHBOURHOODS } = require(path.join(distDir, 'src/seed/vocabulary'));
  const { slugify } = require(path.join(distDir, 'src/lib/slugify'));
  const terms = [
    ...CATEGORIES.map((cat) => ['api::category.category', cat.slug, cat.name.nl, cat.name.en]),
    ...NEIGHBOURHOODS.map((n) => ['api::neighbourhood.neighbourhood', slugify(n.name), n.name, n.name]),
  ];
  for (const [uid, slug, nl, en] of terms) {
    const doc = await strapi.documents(uid).create({ data: { name: nl, slug }, locale: 'nl', status: 'published' });
    await strapi.documents(uid).update({ documentId: doc.documentId, locale: 'en', data: { name: en, slug }, status: 'published' });
  }
}

/** The least SQL that stores the same rows: one plain table per type, multi-row INSERTs. */
async function rawInsert(knex, table, columns, rows) {
  await knex.schema.withSchema(SCHEMA).dropTableIfExists(table);
  await knex.schema.withSchema(SCHEMA).createTable(table, (t) => {
    t.increments('id');
    for (const column of columns) t.text(column);
  });
  for (let i = 0; i < rows.length; i += 1000) {
    await knex(table).withSchema(SCHEMA).insert(rows.slice(i, i + 1000).map((row) => Object.fromEntries(columns.map((col) => [col, row[col] === '' ? null : row[col]]))));
  }
}

const secs = (ms) => (ms / 1000).toFixed(1);

/** The import's own time per phase (report.phasesMs), summed over the files of one step. */
const PHASES = ['parse', 'check', 'lookups', 'plan', 'insert', 'links', 'search', 'update', 'cache'];
const phaseSums = {};
const addPhases = (step, report) => {
  const sums = (phaseSums[step] ??= {});
  for (const [phase, ms] of Object.entries(report.phasesMs)) sums[phase] = (sums[phase] ?? 0) + ms;
};
function phaseTable(steps) {
  const total = (step) => PHASES.reduce((sum, p) => sum + (phaseSums[step][p] ?? 0), 0);
  return c.markdownTable(
    ['phase', ...steps.map(([, label]) => `${label} (s)`)],
    [...PHASES, 'sum'].map((p) => [p, ...steps.map(([step]) => secs(p === 'sum' ? total(step) : (phaseSums[step][p] ?? 0)))])
  );
}

async function main() {
  const opts = c.options(SPEC, HELP);
  if (!opts) return;
  await c.withPg(null, (pg) => pg.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`));
  await c.ensureSchema(SCHEMA);
  log(`booting Strapi on schema ${SCHEMA}`);
  const { strapi, distDir } = await bootStrapi();
  try {
    const { runImport } = require(path.join(distDir, 'src/import'));
    await addVocabulary(strapi, distDir);
    let step = 'launch';
    // Files are written before the clock starts: the raw INSERT is not charged for making them either.
    const files = new Map();
    const fileOf = (rows, columns) => files.get(rows) ?? files.set(rows, toCsv(rows, columns)).get(rows);
    const importCsv = async (rows, columns) => {
      const report = await runImport(strapi, fileOf(rows, columns), { log });
      addPhases(step, report);
      return report;
    };

    const launchOrgs = organisationRows(200, { prefix: 'launch' });
    const launch = await c.measured(async () => {
      await importCsv(launchOrgs, ORG_COLUMNS);
      return importCsv(activityRows(350, launchOrgs, { prefix: 'launch' }), ACTIVITY_COLUMNS);
    });
    log(`launch scenario (200 + 350): ${secs(launch.ms)} s`);

    const orgs = organisationRows(opts.organisations, { prefix: 'bench' });
    const acts = activityRows(opts.activities, orgs, { prefix: 'bench' });
    [[orgs, ORG_COLUMNS], [acts, ACTIVITY_COLUMNS]].forEach(([rows, columns]) => fileOf(rows, columns));
    step = 'import';
    const imported = await c.measured(async () => {
      const a = await importCsv(orgs, ORG_COLUMNS);
      const b = await importCsv(acts, ACTIVITY_COLUMNS);
      return { organisations: a.totals, activities: b.totals };
    });
    log(`import: ${secs(imported.ms)} s ${JSON.stringify(imported.result)}`);

    step = 'rerun';
    const rerun = await c.measured(async () => {
      await importCsv(orgs, ORG_COLUMNS);
      return (await importCsv(acts, ACTIVITY_COLUMNS)).totals;
    });
    log(`second run (all unchanged): ${secs(rerun.ms)} s`);

    const changed = orgs.map((row, i) => (i < opts.updates ? { ...row, phone: `033-${String(9000000 + i)}` } : row));
    step = 'update';
    fileOf(changed, ORG_COLUMNS);
    const update = await c.measured(async () => (await importCsv(changed, ORG_COLUMNS)).totals);
    log(`update of ${opts.updates} organisations: ${secs(update.ms)} s ${JSON.stringify(update.result)}`);

    const knex = strapi.db.connection;
    const raw = await c.measured(async () => {
      await rawInsert(knex, 'bench_raw_organisations', ORG_COLUMNS, orgs);
      await rawInsert(knex, 'bench_raw_activities', ACTIVITY_COLUMNS, acts);
    });
    log(`raw INSERT: ${secs(raw.ms)} s`);

    const ratio = imported.ms / raw.ms;
    const row = (label, m) => [label, secs(m.ms), c.mb(m.memory.peakRss), c.mb(m.memory.peakHeapUsed)];
    const table = c.markdownTable(
      ['step', 'time (s)', 'peak RSS (MB)', 'peak heap (MB)'],
      [
        row(`import ${opts.organisations} organisations + ${opts.activities} activities`, imported),
        row('raw multi-row INSERT of the same rows', raw),
        row('second run of the same files (all unchanged)', rerun),
        row(`${opts.updates} organisations changed (Document Service)`, update),
        row('launch scenario: 200 + 350', launch),
      ]
    );
    // update1000Seconds is per 1,000 changed organisations, whatever --updates was.
    const named = c.figures({ importVsRawInsert: ratio, importPeakRssMb: imported.memory.peakRss / 1048576, update1000Seconds: (update.ms / 1000) * (1000 / opts.updates) });
    const summary = [
      'Goals (#21):',
      c.goalLine('import at most 8x the raw INSERT', `${named.importVsRawInsert.toFixed(1)}x`, named.importVsRawInsert <= 8),
      c.goalLine('peak RSS of the import at most 400 MB', `${named.importPeakRssMb.toFixed(0)} MB`, named.importPeakRssMb <= 400),
      c.goalLine('1,000 changed organisations in at most 10 s', `${named.update1000Seconds.toFixed(1)} s`, named.update1000Seconds <= 10),
    ].join('\n');
    const phases = phaseTable([['import', 'import'], ['rerun', 'second run'], ['update', 'changed']]);
    console.log(`\n${table}\n\n${summary}\n\n${phases}`);
    const file = c.writeResults(NAME, { options: opts, machine: c.machine(), launch, imported, rerun, update, raw, ratio, phases: phaseSums, figures: named }, [
      `# Bulk import on PostgreSQL`,
      '',
      table,
      '',
      summary,
      '',
      "Time per phase of the import's own work (report.phasesMs, both files summed; `update` = changed rows through the Document Service, their search indexing included):",
      '',
      phases,
      '',
      `Machine: ${JSON.stringify(c.machine())}`,
    ]);
    log(`results in ${file}.{json,md}`);
  } finally {
    await strapi.destroy();
  }
}

main().catch((error) => {
  console.error(`[bench:${NAME}] failed: ${error.stack}`);
  process.exit(1);
});
