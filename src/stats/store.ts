import type { Knex } from 'knex';
import type { Day } from './days';

/**
 * The statistics live in tables of our own (not content types, which Strapi's
 * schema sync would give ids, documentIds and timestamps): one row per day and
 * thing counted, holding counts only. Nothing in them names a visitor.
 */
export const DAILY = 'stats_daily';
export const SEARCHES = 'stats_searches';

/** What one row of stats_daily counts: an item (activity, organisation, initiative), a feed, an embed, or the whole site. */
export interface DailyCount {
  day: Day;
  kind: string;
  item: string;
  views: number;
  visitors: number;
}

export interface SearchCount {
  day: Day;
  query: string;
  searches: number;
  zeroResults: number;
}

/** The longest query text kept; longer searches are cut here. */
export const MAX_QUERY = 100;

const TABLES = [
  `CREATE TABLE IF NOT EXISTS ${DAILY} (day varchar(10) NOT NULL, kind varchar(20) NOT NULL, item varchar(255) NOT NULL,
    views bigint NOT NULL DEFAULT 0, visitors bigint NOT NULL DEFAULT 0, PRIMARY KEY (day, kind, item))`,
  `CREATE INDEX IF NOT EXISTS ${DAILY}_by_item ON ${DAILY} (kind, item, day)`,
  `CREATE TABLE IF NOT EXISTS ${SEARCHES} (day varchar(10) NOT NULL, query varchar(${MAX_QUERY}) NOT NULL,
    searches bigint NOT NULL DEFAULT 0, zero_results bigint NOT NULL DEFAULT 0, PRIMARY KEY (day, query))`,
];

const isPostgres = (knex: Knex) => /^(pg|postgres)/.test(String(knex.client.config.client));

/** Creates the tables when missing; safe on every start and from several instances at once. */
export async function ensureStatsTables(knex: Knex) {
  await knex.transaction(async (trx) => {
    // CREATE … IF NOT EXISTS is not safe against itself on PostgreSQL.
    if (isPostgres(knex)) await trx.raw(`SELECT pg_advisory_xact_lock(hashtext('buurtplein-stats-schema'))`);
    for (const sql of TABLES) await trx.raw(sql);
  });
}

// 5 values a row: 1,000 rows stay far below SQLite's and PostgreSQL's limits on bound values.
const ROWS_PER_STATEMENT = 1000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) out.push(rows.slice(i, i + ROWS_PER_STATEMENT));
  return out;
}

/**
 * Adds counts to what the rows hold, in multi-row INSERT … ON CONFLICT DO
 * UPDATE statements (the same SQL on PostgreSQL and SQLite): each instance
 * adds its own, so counts from several instances and flushes sum exactly.
 */
export async function addCounts(trx: Knex.Transaction, daily: DailyCount[], searches: SearchCount[]) {
  for (const rows of chunks(daily)) {
    await trx.raw(
      `INSERT INTO ${DAILY} (day, kind, item, views, visitors) VALUES ${rows.map(() => '(?, ?, ?, ?, ?)').join(', ')}
       ON CONFLICT (day, kind, item) DO UPDATE SET views = ${DAILY}.views + excluded.views, visitors = ${DAILY}.visitors + excluded.visitors`,
      rows.flatMap((r) => [r.day, r.kind, r.item, r.views, r.visitors])
    );
  }
  for (const rows of chunks(searches)) {
    await trx.raw(
      `INSERT INTO ${SEARCHES} (day, query, searches, zero_results) VALUES ${rows.map(() => '(?, ?, ?, ?)').join(', ')}
       ON CONFLICT (day, query) DO UPDATE SET searches = ${SEARCHES}.searches + excluded.searches, zero_results = ${SEARCHES}.zero_results + excluded.zero_results`,
      rows.flatMap((r) => [r.day, r.query, r.searches, r.zeroResults])
    );
  }
}

/** Deletes the days before `firstKept`; answers how many rows went. */
export async function deleteBefore(knex: Knex, firstKept: Day): Promise<number> {
  const daily = await knex(DAILY).where('day', '<', firstKept).del();
  const searches = await knex(SEARCHES).where('day', '<', firstKept).del();
  return Number(daily) + Number(searches);
}
