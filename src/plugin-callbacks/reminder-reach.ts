import type { Core } from '@strapi/strapi';
import { addDays, quarterOf, townDay } from '../stats/days';

/**
 * {{reach}} in the quarterly reminder: how often the listing was viewed in the
 * quarter that just ended (the reminder goes out in a quarter's first week,
 * when "this quarter" has hardly begun). Null while nothing is counted, so the
 * sentence is left out rather than telling everyone "0 times".
 */
export async function reminderReach({ strapi, organisation }: { strapi: Core.Strapi; organisation: string }): Promise<number | null> {
  if (!strapi.service('api::stats.counting').isCounting()) return null;
  const lastQuarter = addDays(quarterOf(townDay()).from, -1);
  const reach = await strapi.service('api::stats.figures').organisationReach([organisation], lastQuarter);
  return reach.get(organisation)?.views ?? 0;
}
