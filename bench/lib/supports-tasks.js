'use strict';
// Runs inside the Strapi child of bench/supports.js (see bench/lib/strapi-child.js).
const crypto = require('node:crypto');

const INITIATIVE = 'api::initiative.initiative';
const USER_PREFIX = 'bench-user-';
const INITIATIVE_PREFIX = 'bench-initiative-';

const documentId = () => {
  // Strapi's own shape: 24 lower-case letters and digits.
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(crypto.randomBytes(24), (b) => alphabet[b % alphabet.length]).join('');
};

/** At most `limit` calls of `fn` at a time over `items`, results in order. */
async function pooled(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

module.exports = ({ strapi }) => {
  const knex = strapi.db.connection;
  const schema = strapi.db.getSchemaName();
  const t = (name) => `${schema}.${name}`;
  // Every SQL statement this process sends (knex emits 'query' for each), for the statements-per-support column.
  let statements = 0;
  knex.on('query', () => {
    statements += 1;
  });

  return {
    /** CPU time used by this process so far, and SQL statements sent. */
    async usage() {
      return { cpu: process.cpuUsage(), statements };
    },

    /**
     * `users` confirmed users of the authenticated role (SQL: the Document Service is
     * needlessly slow for this) and `initiatives` published initiatives (Document
     * Service). Both kept between runs; only what is missing is added.
     */
    async setup({ users, initiatives }) {
      const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
      if (!role) throw new Error('no authenticated role');
      const have = await knex(t('up_users')).where('username', 'like', `${USER_PREFIX}%`).count({ n: '*' }).first();
      const missing = users - Number(have.n);
      if (missing > 0) {
        const now = new Date();
        const rows = Array.from({ length: missing }, (_, k) => {
          const name = `${USER_PREFIX}${Number(have.n) + k + 1}`;
          return {
            document_id: documentId(),
            username: name,
            email: `${name}@bench.invalid`,
            provider: 'local',
            confirmed: true,
            blocked: false,
            language: 'nl',
            totp_enabled: false,
            created_at: now,
            updated_at: now,
            published_at: now,
          };
        });
        for (let i = 0; i < rows.length; i += 500) {
          const ids = await knex(t('up_users')).insert(rows.slice(i, i + 500)).returning('id');
          await knex(t('up_users_role_lnk')).insert(ids.map(({ id }) => ({ user_id: id, role_id: role.id, user_ord: 1 })));
        }
      }
      const userRows = await knex(t('up_users')).where('username', 'like', `${USER_PREFIX}%`).orderBy('id').limit(users).select('id');

      const documents = strapi.documents(INITIATIVE);
      const existing = await knex(t('initiatives')).where('slug', 'like', `${INITIATIVE_PREFIX}%`).whereNotNull('published_at').count({ n: '*' }).first();
      for (let i = Number(existing.n) + 1; i <= initiatives; i++) {
        await documents.create({
          data: { title: `Bench initiative ${i}`, slug: `${INITIATIVE_PREFIX}${i}`, summary: 'An initiative for the supports benchmark.', stage: 'idea' },
          locale: 'nl',
          status: 'published',
        });
      }
      const initiativeRows = await knex(t('initiatives'))
        .where('slug', 'like', `${INITIATIVE_PREFIX}%`)
        .whereNotNull('published_at')
        .where('locale', 'nl')
        .whereNull('archived_at')
        .orderBy('id')
        .limit(initiatives)
        .select('document_id');
      return { userIds: userRows.map((r) => r.id), initiatives: initiativeRows.map((r) => r.document_id) };
    },

    /** An access token per user, as the app's login does it (jwtManagement 'refresh'). */
    async tokens({ userIds }) {
      await knex(t('strapi_sessions')).where('origin', 'users-permissions').delete(); // earlier runs' sessions
      const sessions = strapi.sessionManager('users-permissions');
      return pooled(userIds, 10, async (id) => {
        const refresh = await sessions.generateRefreshToken(String(id), undefined, { type: 'refresh' });
        const access = await sessions.generateAccessToken(refresh.token);
        if ('error' in access) throw new Error(`no access token for user ${id}: ${access.error}`);
        return access.token;
      });
    },

    async listen() {
      strapi.server.mount();
      await new Promise((resolve) => strapi.server.httpServer.listen(0, '127.0.0.1', resolve));
      return strapi.server.httpServer.address().port;
    },

    /** The plugin's own consistency check, and the ledger's size and the counters' sum. */
    async verify() {
      const { drift } = await strapi.plugin('idea-support').service('support').verify();
      const ledger = await knex(t('idea_supports')).count({ n: '*' }).first();
      const counters = await knex
        .from(knex(t('initiatives')).select('document_id').max({ n: 'support_count' }).groupBy('document_id').as('per_document'))
        .sum({ total: 'n' })
        .first();
      return {
        driftingInitiatives: drift.length,
        drift: drift.reduce((sum, d) => sum + Math.max(...d.stored.map((s) => Math.abs(s - d.ledger)), 0), 0),
        ledgerRows: Number(ledger.n),
        counterSum: Number(counters.total ?? 0),
        sample: drift.slice(0, 5),
      };
    },
  };
};
