'use strict';
// Runs inside the Strapi child of bench/cache-trace.js (see bench/lib/strapi-child.js): the demo
// town as data, the HTTP server, staff's edits (as the admin panel makes them) and the
// cache's invalidation mode.
const path = require('node:path');
const supportsTasks = require('./supports-tasks');

const TYPES = {
  activity: 'api::activity.activity',
  organisation: 'api::organisation.organisation',
  initiative: 'api::initiative.initiative',
};

module.exports = ({ strapi, app }) => {
  const { listen } = supportsTasks({ strapi });

  return {
    listen,

    /** The demo town (kept between runs), and what the trace reads: documentIds per type, slugs of categories and neighbourhoods. */
    async setup() {
      const { seedDemo } = require(path.join(app.distDir, 'src/seed'));
      await seedDemo(strapi, { log: () => undefined });
      const published = async (uid) =>
        [...new Set((await strapi.db.query(uid).findMany({ select: ['documentId'], where: { publishedAt: { $notNull: true }, locale: 'nl' }, orderBy: { id: 'asc' } })).map((r) => r.documentId))];
      const slugs = async (uid) => (await strapi.db.query(uid).findMany({ select: ['slug'], where: { publishedAt: { $notNull: true }, locale: 'nl' } })).map((r) => r.slug);
      return {
        activity: await published(TYPES.activity),
        organisation: await published(TYPES.organisation),
        initiative: await published(TYPES.initiative),
        categories: await slugs('api::category.category'),
        neighbourhoods: await slugs('api::neighbourhood.neighbourhood'),
      };
    },

    /** What staff do in the admin panel: save the draft, then publish it. */
    async edit({ type, documentId, n }) {
      const documents = strapi.documents(TYPES[type]);
      const field = type === 'organisation' ? 'phone' : 'summary';
      const value = type === 'organisation' ? `010-${String(1000000 + n)}` : `Bijgewerkt (${n}).`;
      await documents.update({ documentId, locale: 'nl', data: { [field]: value } });
      await documents.publish({ documentId, locale: 'nl' });
    },

    /** CACHE_INVALIDATION for what follows, with an empty cache. */
    async invalidation({ mode }) {
      strapi.config.set('buurtplein.cache.invalidation', mode);
      await strapi.get('buurtplein.cache').restart();
    },
  };
};
