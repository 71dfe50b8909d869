'use strict';
// The baseline of bench/knowledge.js: the least a Node server could do for
//   GET /api/articles?filters[categories][slug][$eq]=…&populate[group]=true&populate[categories]=true&pagination[…]
// for an anonymous reader and a signed-in one, with the knowledge base's visibility
// (src/visibility/rules.ts) in hand-written SQL on Strapi's own tables, answering with
// Strapi's JSON. Plain node:http + pg, pool 10 as Strapi's. A bearer token is looked up in
// a Map the bench hands over (command `tokens`); the reader's groups are read in the same
// statement as the page (a subquery on group_memberships).
// Not done (Strapi does): verifying the token's signature and session, loading the user and
// their role's permissions, koa middleware, security headers.
const http = require('node:http');
const { serveParent } = require('./common');
const { publicFields, columns, BadRequest, pagination, pageMeta, send, fail, pool: newPool } = require('./strapi-json');

const ARTICLE = publicFields('article');
const GROUP = publicFields('group');
const CATEGORY = publicFields('category');

const pool = newPool();
let users = new Map();
// Every SQL statement sent, for the SQL/request column.
let statements = 0;
const query = (text, values) => {
  statements += 1;
  return pool.query(text, values);
};

// The reader's active groups; the user id is the statement's last parameter, $n.
const mine = (n) => `(SELECT m."group" FROM group_memberships m WHERE m.user_id = $${n} AND m.status = 'active')`;
// rules.ts: the public see public articles outside secret groups; signed-in readers also
// members-only ones, and their own groups' (also secret) articles.
const VISIBLE = {
  anonymous: `a.visibility = 'public' AND (g.id IS NULL OR g.visibility <> 'secret')`,
  member: `(a.visibility IN ('public', 'members') AND (g.id IS NULL OR g.visibility <> 'secret' OR g.document_id IN ${mine(4)}))
           OR (a.visibility = 'group' AND g.document_id IN ${mine(4)})`,
};
const GROUP_VISIBLE = { anonymous: `g.visibility IN ('open', 'closed')`, member: `(g.visibility IN ('open', 'closed') OR g.document_id IN ${mine(2)})` };

const SQL = Object.fromEntries(
  Object.keys(VISIBLE).map((reader) => [
    reader,
    {
      // The window count gives the total in the same round trip; id order is Strapi's default.
      // Written from articles: from the category's links PostgreSQL chose a parallel plan 7x as
      // slow (EXISTS subqueries instead of the joins took 3x as long).
      page: `SELECT ${columns('a', ARTICLE)}, page.total AS "total"
        FROM (
          SELECT id, count(*) OVER () AS total FROM (
            SELECT DISTINCT a.id FROM articles a
            JOIN articles_categories_lnk ac ON ac.article_id = a.id JOIN categories c ON c.id = ac.category_id
            LEFT JOIN articles_group_lnk ag ON ag.article_id = a.id LEFT JOIN groups g ON g.id = ag.group_id
            WHERE c.slug = $1 AND a.published_at IS NOT NULL AND a.locale = 'nl' AND (${VISIBLE[reader]})
          ) matched ORDER BY id LIMIT $2 OFFSET $3
        ) page JOIN articles a ON a.id = page.id
        ORDER BY a.id`,
      groups: `SELECT l.article_id AS "articleId", ${columns('g', GROUP)}
        FROM articles_group_lnk l JOIN groups g ON g.id = l.group_id
        WHERE l.article_id = ANY($1) AND ${GROUP_VISIBLE[reader]}`,
    },
  ])
);
// Strapi keeps the order in which relations were connected (the _ord column); published categories only.
const CATEGORIES = `SELECT l.article_id AS "articleId", ${columns('c', CATEGORY)}
  FROM articles_categories_lnk l JOIN categories c ON c.id = l.category_id
  WHERE l.article_id = ANY($1) AND c.published_at IS NOT NULL ORDER BY l.category_ord, l.id`;

async function articles(params, userId) {
  const category = params.get('filters[categories][slug][$eq]');
  if (category === null) throw new BadRequest('the category filter is required');
  const page = pagination(params);
  const reader = userId === null ? 'anonymous' : 'member';
  const user = userId === null ? [] : [userId];
  const { rows } = await query(SQL[reader].page, [category, page.pageSize, (page.page - 1) * page.pageSize, ...user]);
  if (!rows.length && page.page > 1) throw new BadRequest('the baseline serves pages that have rows');
  const total = rows.length ? Number(rows[0].total) : 0;
  const ids = rows.map((r) => r.id);
  const [groups, categories] = await Promise.all([query(SQL[reader].groups, [ids, ...user]), query(CATEGORIES, [ids])]);
  const data = rows.map(({ total: _total, ...article }) => ({ ...article, group: null, categories: [] }));
  const byId = new Map(data.map((a) => [a.id, a]));
  for (const { articleId, ...g } of groups.rows) byId.get(articleId).group = g;
  for (const { articleId, ...c } of categories.rows) byId.get(articleId).categories.push(c);
  return { data, meta: pageMeta(page, total) };
}

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  try {
    if (req.method !== 'GET' || url.pathname !== '/api/articles') return fail(res, 404, 'NotFoundError', 'Not Found');
    const authorization = req.headers.authorization;
    const userId = authorization ? users.get(authorization.replace(/^Bearer /, '')) : null;
    if (userId === undefined) return fail(res, 401, 'UnauthorizedError', 'Missing or invalid credentials');
    send(res, 200, await articles(url.searchParams, userId));
  } catch (error) {
    if (error instanceof BadRequest) return fail(res, 400, 'ValidationError', error.message);
    console.error(`[baseline] ${error.stack}`);
    fail(res, 500, 'InternalServerError', 'Internal Server Error');
  }
});

serveParent(
  {
    async tokens({ tokens }) {
      users = new Map(Object.entries(tokens));
      return users.size;
    },
    usage: async () => ({ cpu: process.cpuUsage(), statements }),
    listen: () => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port))),
  },
  async () => {
    server.closeAllConnections();
    server.close();
    await pool.end();
  }
);
