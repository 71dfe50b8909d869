'use strict';
// Runs inside the Strapi child of bench/digests.js (see bench/lib/strapi-child.js).
const { measured } = require('./common');

module.exports = ({ strapi }) => {
  const delivery = () => strapi.service('api::follow.delivery');
  let statements = 0;
  strapi.db.connection.on('query', () => {
    statements += 1;
  });

  return {
    async settings() {
      const email = strapi.config.get('plugin::email');
      return { provider: email.provider, providerOptions: { ...email.providerOptions, auth: email.providerOptions.auth ? '(set)' : undefined } };
    },

    /** One follower's digest exactly as the run composes it (through the outbox's registered kind), for the raw loop to send. */
    async sampleMail({ period, follower, frequency }) {
      const email = strapi.config.get('plugin::email');
      const mail = await delivery().mailKinds.digest.compose({ follower, frequency, period }, { email: follower.slice(2), language: 'nl' });
      return { from: email.settings.defaultFrom, replyTo: email.settings.defaultReplyTo, ...mail };
    },

    /** The real thing: the weekly digests of one week, as `npm run digests -- --frequency weekly --period …` runs them. */
    async run({ period: name }) {
      let last = 0;
      const log = (line) => {
        if (Date.now() - last < 2000) return;
        last = Date.now();
        process.send({ log: `  ${line}` });
      };
      const period = delivery().digestPeriod('weekly', name);
      const before = statements;
      const { result, ms, cpuMs, memory } = await measured(() => delivery().runDigests({ period, log }));
      return { ms, cpuMs, memory, statements: statements - before, result: { ...result, wouldSend: undefined } };
    },
  };
};
