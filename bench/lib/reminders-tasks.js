'use strict';
// Runs inside the Strapi child of bench/reminders.js (see bench/lib/strapi-child.js).
const { measured } = require('./common');

module.exports = ({ strapi }) => {
  const service = () => strapi.plugin('listing-reminders').service('reminders');
  // Every SQL statement this process sends (knex emits 'query' for each), for the statements-per-mail column.
  let statements = 0;
  strapi.db.connection.on('query', () => {
    statements += 1;
  });

  return {
    /** The settings the run works with, and the SMTP options the app's email provider got. */
    async settings() {
      const config = strapi.config.get('plugin::listing-reminders');
      const email = strapi.config.get('plugin::email');
      return {
        concurrency: config.concurrency,
        batchSize: config.batchSize,
        attempts: config.attempts,
        provider: email.provider,
        providerOptions: { ...email.providerOptions, auth: email.providerOptions.auth ? '(set)' : undefined },
        defaultFrom: email.settings.defaultFrom,
        defaultReplyTo: email.settings.defaultReplyTo,
      };
    },

    /** One organisation's mail exactly as the run composes it, for the raw loop to send. */
    async sampleMail({ period }) {
      const [first] = (await service().recipients().next()).value ?? [];
      if (!first) throw new Error('no recipients');
      const email = strapi.config.get('plugin::email');
      // compose() takes the language's template as a third argument (older versions fetched it themselves).
      const template = await strapi.plugin('listing-reminders').service('templates').get(first.language);
      const mail = await service().compose(first, period, template);
      return { from: email.settings.defaultFrom, replyTo: email.settings.defaultReplyTo, ...mail };
    },

    /** The real thing: the quarterly run, as `npm run reminders` starts it. */
    async run({ period }) {
      let last = 0;
      const log = (line) => {
        if (Date.now() - last < 2000) return;
        last = Date.now();
        process.send({ log: `  ${line}` });
      };
      const before = statements;
      const { result, ms, cpuMs, memory } = await measured(() => service().run({ period, trigger: 'cli', log }));
      return { ms, cpuMs, memory, statements: statements - before, result };
    },
  };
};
