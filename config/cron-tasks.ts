import type { Core } from '@strapi/strapi';

/**
 * Jobs that are safe on every instance at once (idempotent deletes, mails the outbox sends once); jobs
 * that must run once per schedule guard themselves (see each plugin).
 */
export default {
  deleteExpiredLoginLinks: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await strapi.service('api::account.one-time-token').deleteExpired();
    },
    options: { rule: '17 3 * * *', tz: 'Europe/Amsterdam' },
  },
  // Every instance may run these: the outbox sends each follower's mail once.
  followNewsAtOnce: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await strapi.service('api::follow.delivery').runImmediate();
    },
    options: { rule: '* * * * *', tz: 'Europe/Amsterdam' },
  },
  followDigests: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await strapi.service('api::follow.delivery').runScheduledDigests();
    },
    options: { rule: '0 7 * * *', tz: 'Europe/Amsterdam' },
  },
  // Every instance may run it: the outbox sends each reminder once.
  enrolmentReminders: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      await strapi.service('api::enrolment.reminders').run();
    },
    options: { rule: '7 * * * *', tz: 'Europe/Amsterdam' },
  },
};
