'use strict';
// The baseline of bench/supports.js: the least a Node server could do for
// POST /api/idea-support/initiatives/:documentId/support. Plain node:http + pg (pool 10,
// as Strapi's), on tables of its own in the same schema:
//   baseline_counts(initiative PK, n)  and  baseline_ledger(initiative FK, user_id, UNIQUE both).
// Per request it does comparable auth work to Strapi's: verifies an HS256 JWT of the same
// shape as users-permissions' access tokens ({ userId, sessionId, type: 'access' }) and
// reads the user row (exists, confirmed, not blocked). Then, in one transaction:
//   INSERT INTO baseline_ledger … ON CONFLICT DO NOTHING RETURNING id;
//   if inserted: UPDATE baseline_counts SET n = n + 1 … RETURNING n; else SELECT n.
// An unknown initiative fails the foreign key and answers 404.
// Not done (Strapi does): role permission lookup, the initiative's published/archived/
// supportUntil check, the threshold mark, koa middleware, input/output sanitising.
const http = require('node:http');
const jwt = require('jsonwebtoken');
const pg = require('pg');

const SECRET = process.env.BENCH_JWT_SECRET;
const ROUTE = /^\/api\/idea-support\/initiatives\/([a-z0-9]{24})\/support$/;

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_MAX || 10),
  options: `-c search_path=${process.env.DATABASE_SCHEMA}`,
});
// Every SQL statement sent, for the statements-per-support column.
let statements = 0;
const query = (client, text, values) => {
  statements += 1;
  return client.query(text, values);
};

function send(res, status, body) {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}
const fail = (res, status, name, message) => send(res, status, { data: null, error: { status, name, message } });

function userIdOf(req) {
  const [scheme, token, extra] = (req.headers.authorization || '').split(/\s+/);
  if (!token || extra !== undefined || scheme.toLowerCase() !== 'bearer') return null;
  try {
    const payload = jwt.verify(token, SECRET, { algorithms: ['HS256'] });
    return payload.type === 'access' ? Number(payload.userId) : null;
  } catch {
    return null;
  }
}

async function support(initiative, userId) {
  const client = await pool.connect();
  try {
    await query(client, 'BEGIN');
    const inserted = await query(
      client,
      'INSERT INTO baseline_ledger (initiative, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id',
      [initiative, userId]
    );
    const counted = inserted.rowCount
      ? await query(client, 'UPDATE baseline_counts SET n = n + 1 WHERE initiative = $1 RETURNING n', [initiative])
      : await query(client, 'SELECT n FROM baseline_counts WHERE initiative = $1', [initiative]);
    await query(client, 'COMMIT');
    return counted.rows[0].n;
  } catch (error) {
    await query(client, 'ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', async () => {
    try {
      const match = ROUTE.exec(req.url);
      if (req.method !== 'POST' || !match) return fail(res, 404, 'NotFoundError', 'Not Found');
      const userId = userIdOf(req);
      if (!userId) return fail(res, 401, 'UnauthorizedError', 'Log in to support an initiative');
      const user = await query(pool, 'SELECT confirmed, blocked FROM up_users WHERE id = $1', [userId]);
      if (!user.rows.length || user.rows[0].blocked) return fail(res, 401, 'UnauthorizedError', 'Invalid credentials');
      if (!user.rows[0].confirmed) return fail(res, 403, 'PolicyError', 'Confirm your email address before supporting');
      const supportCount = await support(match[1], userId);
      send(res, 200, { data: { supportCount, supported: true }, meta: {} });
    } catch (error) {
      if (error.code === '23503') return fail(res, 404, 'NotFoundError', 'No public initiative with this documentId');
      console.error(`[baseline] ${error.stack}`);
      fail(res, 500, 'InternalServerError', 'Internal Server Error');
    }
  });
});

server.listen(0, '127.0.0.1', () => process.send({ ready: true, port: server.address().port }));
process.on('message', ({ id, cmd }) => {
  if (cmd === 'port') process.send({ id, result: server.address().port });
  if (cmd === 'usage') process.send({ id, result: { cpu: process.cpuUsage(), statements } });
});
process.on('disconnect', () => {
  server.closeAllConnections();
  server.close();
  pool.end().finally(() => process.exit(0));
});
