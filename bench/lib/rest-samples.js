'use strict';
// The sample requests of the REST benches (bench/run.js, bench/growth.js): what residents
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

module.exports = { categoryNeighbourhoodPairs, searchQueriesFrom, searchUrl, listUrl };
