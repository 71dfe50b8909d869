'use strict';
// The baseline of bench/enrolment.js: the least a Node server could do for
// POST /api/activities/:documentId/enrolments by a signed-in resident. Plain node:http + pg
// (pool 10, as Strapi's) on tables of its own in a schema of its own:
//   activities(id PK, capacity, waitlist)  and  enrolments(activity FK, user_id, name, status, place, UNIQUE (activity, user_id)).
// Auth is a lookup of the bearer token in a Map the bench hands over (command `tokens`).
// Per request it reads the name from the JSON body; then, in one transaction: lock the
// activity's row (SELECT … FOR UPDATE, which also reads its settings), count the confirmed
// and waitlisted rows and the last place, INSERT the row as confirmed or waitlisted with the
// next place; it answers 201 with the status (and the waitlist position) as the app does.
// Not done (Strapi does): the session and user lookup, role permissions, the published /
// archived / date checks of the activity, a pending row first, the mail, koa middleware.
const http = require('node:http');
const pg = require('pg');
const { serveParent } = require('./common');

const ROUTE = /^\/api\/activities\/([a-z0-9]{24})\/enrolments$/;

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_MAX || 10),
  options: `-c search_path=${process.env.DATABASE_SCHEMA}`,
});
let users = new Map();
// Every SQL statement sent, for the SQL/enrolment column.
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
const fail = (res, status, message) => send(res, status, { data: null, error: { status, message } });

/** `data.name` of a JSON body, trimmed; null for anything else. */
function nameIn(text) {
  try {
    const name = JSON.parse(text).data?.name;
    return typeof name === 'string' && name.trim() ? name.trim() : null;
  } catch {
    return null;
  }
}

/** The placement, or null when the activity is unknown; 'already' and 'full' as the app refuses them. */
async function enrol(activity, userId, name) {
  const client = await pool.connect();
  try {
    await query(client, 'BEGIN');
    const settings = await query(client, 'SELECT capacity, waitlist FROM activities WHERE id = $1 FOR UPDATE', [activity]);
    if (!settings.rows.length) {
      await query(client, 'ROLLBACK');
      return null;
    }
    const { capacity, waitlist } = settings.rows[0];
    const counts = await query(
      client,
      `SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed, count(*) FILTER (WHERE status = 'waitlisted')::int AS waiting,
              coalesce(max(place), 0)::int AS last
       FROM enrolments WHERE activity = $1`,
      [activity]
    );
    const { confirmed, waiting, last } = counts.rows[0];
    const status = confirmed < capacity ? 'confirmed' : waitlist ? 'waitlisted' : 'full';
    const inserted =
      status === 'full'
        ? { rowCount: 0 }
        : await query(client, 'INSERT INTO enrolments (activity, user_id, name, status, place) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [activity, userId, name, status, last + 1]);
    await query(client, 'COMMIT');
    if (status === 'full') return { status };
    if (!inserted.rowCount) return { status: 'already' };
    return status === 'confirmed' ? { status } : { status, position: waiting + 1 };
  } catch (error) {
    await query(client, 'ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      const match = ROUTE.exec(req.url);
      if (req.method !== 'POST' || !match) return fail(res, 404, 'Not Found');
      const userId = users.get((req.headers.authorization || '').replace(/^Bearer /, ''));
      if (!userId) return fail(res, 401, 'Invalid credentials');
      const name = nameIn(Buffer.concat(chunks).toString('utf8'));
      if (!name) return fail(res, 400, 'name is a required field');
      const placed = await enrol(match[1], userId, name);
      if (!placed) return fail(res, 404, 'No public activity with this documentId');
      if (placed.status === 'already' || placed.status === 'full') return fail(res, 409, `enrolment.${placed.status}`);
      send(res, 201, { data: placed, meta: {} });
    } catch (error) {
      console.error(`[baseline] ${error.stack}`);
      fail(res, 500, 'Internal Server Error');
    }
  });
});

server.listen(0, '127.0.0.1', () => {
  serveParent(
    {
      port: async () => server.address().port,
      usage: async () => ({ cpu: process.cpuUsage(), statements }),
      tokens: async ({ tokens }) => {
        users = new Map(Object.entries(tokens));
      },
    },
    async () => {
      server.closeAllConnections();
      server.close();
      await pool.end();
    }
  );
});
