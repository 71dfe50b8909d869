'use strict';
// The sample requests of the REST benches (bench/run.js, bench/growth.js, bench/memory.js): what residents
// type into search and the activity list the town's site asks for, built from the data.

/**
 * `count` category and neighbourhood pairs that have activities matching `where` (SQL on
 * activities `a`), in md5 order: spread over the town, the same on every run.
 */
async function categoryNeighbourhoodPairs(pg, where, count) {
  const { rows } = await pg.query(
    `SELECT c.slug AS category, n.slug AS neighbourhood
     FROM activities a
     JOIN activities_categories_lnk ac ON ac.activity_id = a.id JOIN categories c ON c.id = ac.category_id
     JOIN activities_neighbourhood_lnk an ON an.activity_id = a.id JOIN neighbourhoods n ON n.id = an.neighbourhood_id
     WHERE ${where}
     GROUP BY c.slug, n.slug ORDER BY md5(c.slug || '/' || n.slug) LIMIT $1`,
    [count]
  );
  return rows;
}

/** What residents type: words from titles, some with a typo (the last letter doubled), some two words of one title. */
function searchQueriesFrom(titles, count) {
  const queries = new Set();
  for (const [i, title] of titles.entries()) {
    const words = title.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length >= 5);
    const query = i % 5 === 3 ? words[0] && `${words[0]}${words[0].at(-1)}` : i % 5 === 4 ? words[1] && `${words[0]} ${words[1]}` : words[0];
    if (query) queries.add(query);
    if (queries.size === count) break;
  }
  return [...queries];
}

const searchUrl = (q) => `/api/search?${new URLSearchParams({ q, pageSize: '25' })}`;

/** Activities of one category in one neighbourhood, with their organisation and categories: the site's common list. */
function listUrl({ category, neighbourhood }) {
  const query = new URLSearchParams({
    'filters[categories][slug][$eq]': category,
    'filters[neighbourhood][slug][$eq]': neighbourhood,
    'populate[organisation]': 'true',
    'populate[categories]': 'true',
    'pagination[pageSize]': '25',
  });
  return `/api/activities?${query}`;
}

// Visible to the public: src/public-reads/public-query.ts, in the default locale.
const VISIBLE = `a.published_at IS NOT NULL AND a.locale = 'nl' AND a.archived_at IS NULL`;

/** `count` sample searches, lists and findOnes of the public activities; md5 order spreads them over the town, the same on every run. */
async function restRequests(pg, count) {
  const pairs = await categoryNeighbourhoodPairs(pg, VISIBLE, count);
  const documents = await pg.query(`SELECT a.document_id FROM activities a WHERE ${VISIBLE} ORDER BY md5(a.document_id) LIMIT $1`, [count]);
  if (pairs.length < count || documents.rows.length < count) throw new Error('too few published activities to sample');
  const titles = (await pg.query(`SELECT a.title FROM activities a WHERE ${VISIBLE} ORDER BY md5(a.document_id) LIMIT 200`)).rows.map((r) => r.title);
  const queries = searchQueriesFrom(titles, count);
  if (queries.length < count) throw new Error('too few words in activity titles to sample searches');
  return {
    search: queries.map(searchUrl),
    list: pairs.map(listUrl),
    findOne: documents.rows.map((r) => `/api/activities/${r.document_id}`),
  };
}

module.exports = { categoryNeighbourhoodPairs, searchQueriesFrom, searchUrl, listUrl, restRequests };
