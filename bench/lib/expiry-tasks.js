'use strict';
// Runs inside the Strapi child of bench/expiry.js (see bench/lib/strapi-child.js), so that
// the plugin's run and the raw SQL are timed and memory-sampled in the same process.
const { measured } = require('./common');

module.exports = ({ strapi }) => {
  const knex = strapi.db.connection;
  const schema = strapi.db.getSchemaName();

  // What the plugin's own condition selects here: every bench activity has endsAt and no recurrence.
  const EXPIRED = `ends_at < now() - interval '1 day' AND archived_at IS NULL`;

  /** Forwards the plugin's progress lines, at most one every 2 s (the parent prints them). */
  function progress() {
    let last = 0;
    return (line) => {
      const now = Date.now();
      if (now - last < 2000) return;
      last = now;
      process.send({ log: `  ${line}` });
    };
  }

  return {
    /** The real thing: the content-expiry run, as `npm run expiry` starts it. */
    async run() {
      const { result, ms, cpuMs, memory } = await measured(() =>
        strapi.plugin('content-expiry').service('expiry').run({ trigger: 'cli', log: progress() })
      );
      return { ms, cpuMs, memory, report: result };
    },

    /** One statement: archivedAt on every row (draft and published) of the expired activities. */
    async rawUpdate() {
      const { result, ms, cpuMs, memory } = await measured(() => knex.raw(`UPDATE ${schema}.activities SET archived_at = now() WHERE ${EXPIRED}`));
      return { ms, cpuMs, memory, rows: result.rowCount };
    },

    /**
     * What the run does to the activities table, by hand: the UPDATE, then the published
     * rows of what it just archived deleted (unpublished; link rows cascade), in one
     * transaction. now() is the transaction's start time, so it marks this UPDATE's rows.
     */
    async rawUpdateDelete() {
      const { result, ms, cpuMs, memory } = await measured(() =>
        knex.transaction(async (trx) => {
          const updated = await trx.raw(`UPDATE ${schema}.activities SET archived_at = now() WHERE ${EXPIRED}`);
          const deleted = await trx.raw(`DELETE FROM ${schema}.activities WHERE published_at IS NOT NULL AND archived_at = now()`);
          return { updated: updated.rowCount, deleted: deleted.rowCount };
        })
      );
      return { ms, cpuMs, memory, rows: result };
    },
  };
};
