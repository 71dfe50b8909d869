import type { Core } from '@strapi/strapi';
import { assertLocalPluginsLoaded } from './plugin-check';
import { registerArchiveGuard } from './bootstrap/archive-guard';
import { hideDeveloperTools, revokeDeveloperTools } from './bootstrap/developer-tools';
import { registerOrganisationApproval } from './bootstrap/organisation-approval';
import { ensureLocales } from './bootstrap/locales';
import { grantRolePermissions } from './bootstrap/permissions';
import { configureAdminViews } from './bootstrap/admin-views';
import { refuseReadOnlyChanges } from './bootstrap/read-only-fields';
import { ensureFirstAdmin } from './bootstrap/first-admin';
import { seedDemoWhenEmpty } from './seed';
import { registerEmbedRoutes } from './discovery/embed-routes';
import { startCache, stopCache } from './cache';
import { registerCacheInvalidation } from './cache/invalidation';
import { cacheRolePermissions, readTheUserOnce, sessionSecretAsKey, shareContentApiAbilities } from './cache/public-ability';
import { registerEnrolmentMail } from './api/enrolment/mail-kinds';
import { registerEnrolmentAdminRoutes } from './api/enrolment/admin-routes';
import { registerQuestions } from './api/question/lib/register';
import { registerGroupAdminRoutes } from './api/group/admin-routes';
import { forgetMembershipsOfDeletedGroups } from './api/group/lib/forget-memberships';
import { registerFollowing } from './api/follow/lib/register';
import { memoiseDefaultLocale } from './cache/default-locale';
import { ensurePublicReadIndexes } from './bootstrap/indexes';
import { closeRateLimitStore, openRateLimitStore } from './bootstrap/rate-limit-store';
import { ensureDisplayNames, nameNewAccounts } from './bootstrap/display-names';
import { warnWithoutPublicUrl } from './bootstrap/public-url';
import { registerStatsAdminRoutes } from './api/stats/admin-routes';
import { skipBodyParsingOnReads } from './strapi-shortcuts/read-body';
import { skipUnkeptRequestLog } from './strapi-shortcuts/request-log';
import { serveBehindLoadBalancer } from './bootstrap/graceful-shutdown';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    assertLocalPluginsLoaded(strapi);
    // An activity's targetGroups: JSON underneath, checkboxes in the admin panel (src/admin/target-groups-input.tsx).
    strapi.customFields.register({ name: 'target-groups', type: 'json' });
    registerArchiveGuard(strapi);
    hideDeveloperTools(strapi);
    refuseReadOnlyChanges(strapi);
    registerOrganisationApproval(strapi);
    registerEnrolmentAdminRoutes(strapi);
    registerGroupAdminRoutes(strapi);
    registerEmbedRoutes(strapi);
    registerStatsAdminRoutes(strapi);
    skipBodyParsingOnReads(strapi);
    skipUnkeptRequestLog(strapi);
    startCache(strapi);
    openRateLimitStore(strapi);
    serveBehindLoadBalancer(strapi);
    sessionSecretAsKey(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    registerCacheInvalidation(strapi);
    cacheRolePermissions(strapi);
    shareContentApiAbilities(strapi);
    readTheUserOnce(strapi);
    registerEnrolmentMail(strapi);
    registerQuestions(strapi);
    forgetMembershipsOfDeletedGroups(strapi);
    registerFollowing(strapi);
    warnWithoutPublicUrl(strapi);
    nameNewAccounts(strapi);
    memoiseDefaultLocale(strapi);
    await ensurePublicReadIndexes(strapi);
    await strapi.service('api::stats.counting').start();
    await ensureLocales(strapi);
    await grantRolePermissions(strapi);
    await revokeDeveloperTools(strapi);
    await ensureDisplayNames(strapi);
    await configureAdminViews(strapi);
    await ensureFirstAdmin(strapi);
    await seedDemoWhenEmpty(strapi);
    // After the seed: a fresh demo town is indexed in one batched build, not document by document.
    await strapi.service('api::search.search').setUp();
  },

  async destroy({ strapi }: { strapi: Core.Strapi }) {
    await strapi.service('api::stats.counting').stop();
    await stopCache();
    await closeRateLimitStore();
  },
};
