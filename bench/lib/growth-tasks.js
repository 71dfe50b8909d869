'use strict';
// Runs inside the Strapi child of bench/growth.js (see bench/lib/strapi-child.js): the demo
// town at a scale, the HTTP server, and a check that the search entries the bench copies by
// SQL are what the app's own indexer writes for those documents.
const path = require('node:path');
const supportsTasks = require('./supports-tasks');

const ACTIVITY = 'api::activity.activity';

module.exports = ({ strapi, app }) => {
  const { listen } = supportsTasks({ strapi });
  const knex = strapi.db.connection;

  /** The search entries of these activity documents with their tags, without what a re-index renews (id, indexed_at). */
  async function entriesOf(documentIds) {
    const result = await knex.raw(
      `SELECT e.type, e.document_id, e.locale, e.slug, e.title, e.body, e.latitude, e.longitude, e.starts_at, e.ends_at, e.last_at,
         e.free, e.stage, e.published_at, e.audience, e.document::text AS document,
         (SELECT string_agg(t.kind || ':' || t.document_id, ' ' ORDER BY t.kind, t.document_id) FROM search_entry_tags t WHERE t.entry_id = e.id) AS tags
       FROM search_entries e WHERE e.type = 'activity' AND e.document_id IN (${documentIds.map(() => '?').join(', ')})
       ORDER BY e.document_id, e.locale`,
      documentIds
    );
    return result.rows.map((row) => JSON.stringify(row));
  }

  // The statements of the requests between startCapture and explain, for EXPLAIN ANALYZE.
  let captured = null;
  knex.on('query', ({ sql, bindings }) => captured?.push({ sql, bindings }));

  return {
    listen,

    startCapture() {
      captured = [];
    },

    /** EXPLAIN (ANALYZE, BUFFERS) of every read captured since startCapture: its SQL, plan and execution time. */
    async explain() {
      const queries = captured ?? [];
      captured = null;
      const plans = [];
      // The statements as sent ($1 placeholders, bindings prepared), on a connection of Strapi's pool (its search_path).
      const connection = await knex.client.acquireConnection();
      try {
        for (const { sql, bindings } of queries) {
          if (!/^\s*(select|with)\b/i.test(sql)) continue;
          const result = await connection.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, bindings ?? []);
          const plan = result.rows.map((r) => r['QUERY PLAN']).join('\n');
          plans.push({ sql, ms: Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1]), plan });
        }
      } finally {
        await knex.client.releaseConnection(connection);
      }
      return plans;
    },

    /** The demo town at `scale` (seeded once: a re-run only checks it); the seconds it took and what it created. */
    async setup({ scale }) {
      const { seedDemo } = require(path.join(app.distDir, 'src/seed'));
      const started = Date.now();
      const summary = await seedDemo(strapi, { scale, log: (line) => process.send({ log: line }) });
      const created = Object.values(summary).reduce((sum, s) => sum + s.created, 0);
      return { seconds: (Date.now() - started) / 1000, created };
    },

    /**
     * Re-indexes these documents with the app's indexer (as after a Document Service write)
     * and compares their entries before and after: the SQL copies must be what it writes.
     */
    async reindexCheck({ documentIds }) {
      const before = await entriesOf(documentIds);
      await strapi.service('api::search.search').indexNew(ACTIVITY, documentIds);
      const after = await entriesOf(documentIds);
      const differences = before.filter((row, i) => row !== after[i]).length + Math.abs(before.length - after.length);
      return { entriesBefore: before.length, entriesAfter: after.length, differences, example: differences ? { before: before[0], after: after[0] } : null };
    },
  };
};
