'use strict';
// The baseline: what the two activity endpoints cost without a framework. Plain node:http
// and pg, hand-written SQL on Strapi's own tables, answering with Strapi's JSON.
// Runs as a child of bench/run.js (reports its port over IPC); env as for Strapi.
const http = require('node:http');
const { publicFields, columns, BadRequest, positiveInt, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, send, fail, pool: newPool } = require('./lib/strapi-json');

const LOCALE = 'nl'; // the default locale, which Strapi serves when none is asked for

const ACTIVITY = publicFields('activity');
const ORGANISATION = publicFields('organisation');
const CATEGORY = publicFields('category');

// What the public may see: src/public-reads/public-query.ts (published, not archived) in the default locale.
const VISIBLE = `a.published_at IS NOT NULL AND a.locale = '${LOCALE}' AND a.archived_at IS NULL`;

const SQL = {
  // Joining from the link tables lets PostgreSQL start from the few matching links rather
  // than scan every activity (EXISTS subqueries ran twice as slow); DISTINCT, as one activity
  // must not show twice; the window count gives the total in the same round trip; id order
  // is what Strapi adds to any paginated query without a sort.
  list: `SELECT ${columns('a', ACTIVITY)}, page.total AS "total"
    FROM (
      SELECT id, count(*) OVER () AS total FROM (
        SELECT DISTINCT a.id FROM activities a
        JOIN activities_categories_lnk ac ON ac.activity_id = a.id JOIN categories c ON c.id = ac.category_id
        JOIN activities_neighbourhood_lnk an ON an.activity_id = a.id JOIN neighbourhoods n ON n.id = an.neighbourhood_id
        WHERE ${VISIBLE} AND c.slug = $1 AND n.slug = $2
      ) matched ORDER BY id LIMIT $3
    ) page JOIN activities a ON a.id = page.id
    ORDER BY a.id`,
  // Populated relations: published targets only, as Strapi does for a published read.
  organisations: `SELECT l.activity_id AS "activityId", ${columns('o', ORGANISATION)}
    FROM activities_organisation_lnk l JOIN organisations o ON o.id = l.organisation_id
    WHERE l.activity_id = ANY($1) AND o.published_at IS NOT NULL`,
  // Strapi keeps the order in which relations were connected (the _ord column).
  categories: `SELECT l.activity_id AS "activityId", ${columns('c', CATEGORY)}
    FROM activities_categories_lnk l JOIN categories c ON c.id = l.category_id
    WHERE l.activity_id = ANY($1) AND c.published_at IS NOT NULL ORDER BY l.category_ord, l.id`,
  findOne: `SELECT ${columns('a', ACTIVITY)} FROM activities a WHERE a.document_id = $1 AND ${VISIBLE}`,
  enrolmentSettings: 'SELECT id FROM enrolment_settings WHERE activity = $1',
  // The raw queries behind /api/search: the words stemmed by PostgreSQL's dutch configuration
  // as prefixes, matched against the same index (search_entries), ranked, with the total;
  // then the facet counts over all matches. No typo correction, snippets or names.
  search: `WITH q AS (
      SELECT to_tsquery('dutch', (SELECT string_agg(quote_literal(w.lexeme) || ':*', ' & ') FROM unnest(to_tsvector('dutch', $1)) w)) AS query
    ), hits AS (
      SELECT e.id, e.type, e.document_id AS "documentId", e.slug, e.title, ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', e.document, q.query) AS score
      FROM search_entries e, q WHERE e.locale = 'nl' AND e.document @@ q.query
    )
    SELECT hits.*, count(*) OVER () AS total FROM hits ORDER BY score DESC, id LIMIT $2`,
  facets: `WITH q AS (
      SELECT to_tsquery('dutch', (SELECT string_agg(quote_literal(w.lexeme) || ':*', ' & ') FROM unnest(to_tsvector('dutch', $1)) w)) AS query
    )
    SELECT t.kind, t.document_id AS "documentId", count(*)::int AS count
    FROM search_entries e JOIN q ON e.document @@ q.query JOIN search_entry_tags t ON t.entry_id = e.id
    WHERE e.locale = 'nl' GROUP BY t.kind, t.document_id`,
};

async function list(params) {
  const category = params.get('filters[categories][slug][$eq]');
  const neighbourhood = params.get('filters[neighbourhood][slug][$eq]');
  if (category === null || neighbourhood === null) throw new BadRequest('category and neighbourhood filters are required');
  // Only the first page: past the last page the window count would be lost with the rows.
  if (positiveInt(params.get('pagination[page]'), 1) !== 1) throw new BadRequest('the baseline serves the first page only');
  const pageSize = Math.min(positiveInt(params.get('pagination[pageSize]'), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);

  const { rows } = await pool.query(SQL.list, [category, neighbourhood, pageSize]);
  const total = rows.length ? Number(rows[0].total) : 0;
  const ids = rows.map((r) => r.id);
  const [organisations, categories] = await Promise.all([
    pool.query(SQL.organisations, [ids]),
    pool.query(SQL.categories, [ids]),
  ]);
  const data = rows.map(({ total: _total, ...activity }) => ({ ...activity, organisation: null, categories: [] }));
  const byId = new Map(data.map((a) => [a.id, a]));
  for (const { activityId, ...o } of organisations.rows) byId.get(activityId).organisation = o;
  for (const { activityId, ...c } of categories.rows) byId.get(activityId).categories.push(c);
  return { data, meta: { pagination: { page: 1, pageSize, pageCount: Math.ceil(total / pageSize), total } } };
}

/** What the app answers for an activity that takes no enrolments (src/api/enrolment: its CLOSED summary). */
const NO_ENROLMENT = { open: false, capacity: null, confirmed: 0, placesLeft: null, waitlist: 0, waitlistKept: false, deadline: null, perOccurrence: false, questions: [], occurrence: null };

/** One activity, and (as the app does since #17) whether it takes enrolments: the bench data has none that does. */
async function findOne(documentId) {
  const { rows } = await pool.query(SQL.findOne, [documentId]);
  if (!rows.length) return null;
  const settings = await pool.query(SQL.enrolmentSettings, [documentId]);
  if (settings.rows.length) throw new Error(`activity ${documentId} takes enrolments: the baseline only answers for activities that do not`);
  return { data: { ...rows[0], enrolment: NO_ENROLMENT }, meta: {} };
}

async function search(params) {
  const q = params.get('q');
  if (!q) throw new BadRequest('q is required');
  const pageSize = Math.min(positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
  const [hits, facets] = await Promise.all([pool.query(SQL.search, [q, pageSize]), pool.query(SQL.facets, [q])]);
  const total = hits.rows.length ? Number(hits.rows[0].total) : 0;
  const data = hits.rows.map(({ total: _total, id: _id, ...hit }) => hit);
  return { data, meta: { pagination: { page: 1, pageSize, pageCount: Math.ceil(total / pageSize), total }, facets: facets.rows } };
}

const pool = newPool();

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const match = /^\/api\/activities(?:\/([A-Za-z0-9]+))?$/.exec(url.pathname);
  try {
    let body = null;
    if (req.method === 'GET' && url.pathname === '/api/search') body = await search(url.searchParams);
    else if (req.method === 'GET' && match) body = match[1] ? await findOne(match[1]) : await list(url.searchParams);
    if (!body) return fail(res, 404, 'NotFoundError', 'Not Found');
    send(res, 200, body);
  } catch (error) {
    if (error instanceof BadRequest) return fail(res, 400, 'ValidationError', error.message);
    console.error(`[baseline] ${error.stack}`);
    fail(res, 500, 'InternalServerError', 'Internal Server Error');
  }
});

server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('disconnect', () => {
  server.closeAllConnections();
  server.close();
  pool.end().finally(() => process.exit(0));
});
