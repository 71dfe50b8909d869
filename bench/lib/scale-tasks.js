'use strict';
// Runs inside each Strapi instance of bench/scale.js (see bench/lib/strapi-child.js): the
// supports bench's users, tokens and ledger check, plus what the scale bench needs of one
// instance — the demo town, listening on a given port, the reminder run, and an edit.
const path = require('node:path');
const supportsTasks = require('./supports-tasks');

const ACTIVITY = 'api::activity.activity';

module.exports = ({ strapi, app }) => {
  const knex = strapi.db.connection;
  const t = (name) => `${strapi.db.getSchemaName()}.${name}`;

  return {
    ...supportsTasks({ strapi }),

    /** The demo town at `scale` (idempotent: a re-run only checks). Run on one instance only. */
    async seed({ scale }) {
      const { seedDemo } = require(path.join(app.distDir, 'src/seed'));
      await seedDemo(strapi, { scale, log: (line) => process.send({ log: `  ${line}` }) });
      const organisations = await knex(t('organisations')).whereNotNull('published_at').whereNotNull('reminder_email').countDistinct({ n: 'document_id' }).first();
      return { organisations: Number(organisations.n) };
    },

    async listen({ port }) {
      strapi.server.mount();
      await new Promise((resolve, reject) => {
        strapi.server.httpServer.once('error', reject);
        strapi.server.httpServer.listen(port, '127.0.0.1', resolve);
      });
      return port;
    },

    /** An empty ledger and zero counters: the run's supports are the only ones. */
    async resetSupports() {
      await knex.raw(`TRUNCATE ${t('idea_supports')} RESTART IDENTITY`);
      await knex(t('initiatives')).update({ support_count: 0, threshold_reached_at: null });
    },

    /** Forget the last run's mails, so the quarter's reminders go out again. */
    async resetMail() {
      await knex.raw(`TRUNCATE ${t('reminder_send_log')}, ${t('reminder_runs')}, ${t('outbox_messages')} RESTART IDENTITY`);
    },

    /** The quarterly run, as the cron job or `npm run reminders` starts it. */
    async reminders({ period }) {
      return strapi.plugin('listing-reminders').service('reminders').run({ period, trigger: 'cli' });
    },

    /** How the outbox's send log ended: rows per status. */
    async outboxStatus() {
      const rows = await knex(t('outbox_messages')).select('status').count({ n: '*' }).groupBy('status');
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },

    async someActivities({ count }) {
      const rows = await knex(t('activities'))
        .whereNotNull('published_at')
        .whereNull('archived_at')
        .where('locale', 'nl')
        .orderByRaw('md5(document_id)')
        .limit(count)
        .select('document_id');
      return rows.map((r) => r.document_id);
    },

    /** Staff renaming and publishing an activity, as the admin panel does it. */
    async rename({ documentId, title }) {
      const documents = strapi.documents(ACTIVITY);
      await documents.update({ documentId, locale: 'nl', data: { title } });
      await documents.publish({ documentId, locale: 'nl' });
    },
  };
};
