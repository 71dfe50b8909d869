'use strict';
// Runs inside the Strapi children of bench/reach.js (see bench/lib/strapi-child.js): makes the
// activities whose pages are read, and measures a flush of buffered views next to raw SQL.
const path = require('node:path');
const supportsTasks = require('./supports-tasks');

const ACTIVITY = 'api::activity.activity';
const PREFIX = 'bench-bereik';
// The app as compiled for this child (strapi-child.js compiles it to dist/ first).
const dist = (module) => require(path.resolve(__dirname, '../../dist/src/stats', module));

module.exports = ({ strapi }) => {
  const knex = strapi.db.connection;
  const { listen, usage } = supportsTasks({ strapi });

  return {
    listen,
    usage,

    /** `activities` published activities (Document Service; kept between runs); answers their documentIds. */
    async setup({ activities }) {
      const have = () => strapi.db.query(ACTIVITY).findMany({ select: ['documentId'], where: { slug: { $startsWith: PREFIX }, publishedAt: { $notNull: true } } });
      let found = await have();
      for (let i = found.length; i < activities; i++) {
        await strapi.documents(ACTIVITY).create({ data: { title: `Wandeling ${i}`, slug: `${PREFIX}-${i}`, summary: 'Een rondje door de wijk.' }, status: 'published', locale: 'nl' });
      }
      found = await have();
      return [...new Set(found.map((row) => row.documentId))].slice(0, activities);
    },

    /**
     * `views` views of `items` items by `visitors` visitors each (one day), recorded in a
     * counter of their own, then flushed: its time next to a raw multi-row INSERT … ON
     * CONFLICT of the same aggregates (5 values a row, 1,000 rows a statement, one
     * transaction) into a copy of the table. Both tables start empty each round.
     */
    async flush({ items, visitors }) {
      const { createViewCounter } = dist('counter');
      const { memorySalts } = dist('visitors');
      const { memorySeen } = dist('seen');
      const { DAILY } = dist('store');
      const RAW = `${DAILY}_bench_raw`;
      await knex.raw(`DROP TABLE IF EXISTS ${RAW}`);
      await knex.raw(`CREATE TABLE ${RAW} (LIKE ${DAILY} INCLUDING ALL)`);
      const day = '2000-01-03';
      await knex(DAILY).where({ day }).del();
      const now = () => new Date(`${day}T12:00:00Z`);
      const counter = createViewCounter({ knex: () => knex, salts: memorySalts(), seen: memorySeen(), optedOut: memorySeen(), log: strapi.log, now });
      const started = process.hrtime.bigint();
      for (let v = 0; v < visitors; v++) {
        const visitor = { ip: `10.0.${v >> 8}.${v & 255}`, userAgent: 'Mozilla/5.0 (bench)', optOut: false };
        for (let i = 0; i < items; i++) counter.view(visitor, { kind: 'activity', item: `bench${String(i).padStart(19, '0')}` });
        if (v % 10 === 9) await counter.settle();
      }
      await counter.settle();
      const recordMs = Number(process.hrtime.bigint() - started) / 1e6;

      const t0 = process.hrtime.bigint();
      const flushed = await counter.flush();
      const flushMs = Number(process.hrtime.bigint() - t0) / 1e6;

      const rows = await knex(DAILY).select().where({ day });
      const t1 = process.hrtime.bigint();
      await knex.transaction(async (trx) => {
        for (let i = 0; i < rows.length; i += 1000) {
          const chunk = rows.slice(i, i + 1000);
          await trx.raw(
            `INSERT INTO ${RAW} (day, kind, item, views, visitors) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}
             ON CONFLICT (day, kind, item) DO UPDATE SET views = ${RAW}.views + excluded.views, visitors = ${RAW}.visitors + excluded.visitors`,
            chunk.flatMap((r) => [r.day, r.kind, r.item, r.views, r.visitors])
          );
        }
      });
      const rawMs = Number(process.hrtime.bigint() - t1) / 1e6;
      const same = Number((await knex.raw(`SELECT count(*) AS n FROM ${DAILY} d JOIN ${RAW} r USING (day, kind, item) WHERE d.views = r.views AND d.visitors = r.visitors`)).rows[0].n);
      await knex.raw(`DROP TABLE ${RAW}`);
      await knex(DAILY).where({ day }).del();
      return { views: flushed.views, rows: rows.length, sameRows: same, recordMs, flushMs, rawMs };
    },
  };
};
