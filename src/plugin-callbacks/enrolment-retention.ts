import type { Housekeeping } from '@buurtplein/plugin-kit';

/** content-expiry's nightly run also deletes enrolees' data past ENROLMENT_RETENTION_DAYS (src/api/enrolment/services/retention.ts). */
export const enrolmentRetention: Housekeeping = {
  name: 'enrolments',
  run: ({ strapi, now, dryRun }) => (strapi.service('api::enrolment.retention') as unknown as { purge(o: { now: Date; dryRun: boolean }): Promise<number> }).purge({ now, dryRun }),
};
