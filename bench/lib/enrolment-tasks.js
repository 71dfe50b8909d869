'use strict';
// Runs inside the Strapi child of bench/enrolment.js (see bench/lib/strapi-child.js).
const supportsTasks = require('./supports-tasks');

const ORGANISATION_SLUG = 'bench-enrolment-organisation';
const DAY_MS = 24 * 3600_000;

module.exports = ({ strapi }) => {
  // The residents, their sessions, listening and the CPU/SQL counters are the supports bench's:
  // confirmed accounts inserted by SQL (no password hashing), access tokens minted as login does.
  const { setup: users, tokens, listen, usage } = supportsTasks({ strapi });
  let organisation = null;

  return {
    tokens,
    listen,
    usage,

    /** `people` residents and the organisation every round's activity belongs to (both kept between runs). */
    async setup({ people }) {
      const { userIds } = await users({ users: people, initiatives: 0 });
      const organisations = strapi.documents('api::organisation.organisation');
      organisation =
        (await organisations.findFirst({ filters: { slug: ORGANISATION_SLUG }, locale: 'nl', status: 'published' })) ??
        (await organisations.create({ data: { name: 'Bench enrolment organisation', slug: ORGANISATION_SLUG }, locale: 'nl', status: 'published' }));
      return { userIds };
    },

    /**
     * A fresh published one-off activity a week ahead, taking enrolments: the settings row
     * is what the editor's PUT /api/my/activities/:documentId stores for { open, capacity, waitlist }.
     */
    async activity({ round, capacity }) {
      const startsAt = new Date(Date.now() + 7 * DAY_MS);
      const slug = `bench-enrolment-${Date.now().toString(36)}-${round}`;
      const activity = await strapi.documents('api::activity.activity').create({
        data: { title: `Bench enrolment ${round}`, slug, organisation: organisation.documentId, startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3600_000) },
        locale: 'nl',
        status: 'published',
      });
      await strapi.db.query('api::enrolment.enrolment-settings').create({
        data: { activity: activity.documentId, open: true, capacity, waitlist: true, perOccurrence: false, questions: [] },
      });
      return activity.documentId;
    },
  };
};
