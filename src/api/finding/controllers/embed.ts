import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { occurrencesInPeriod } from '../../../discovery/agenda';
import { renderEmbed } from '../../../discovery/embed';
import { FINDING_PARAMS, parseFindingFilters } from '../../../discovery/filters';
import { findNeighbourhood, findPublicActivities } from '../../../discovery/public-items';

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 50;
const EMBED_DAYS = 60;
// The embed always shows the coming EMBED_DAYS, up to `limit` entries: no period or paging of its own.
const EMBED_PARAMS = [...FINDING_PARAMS.filter((p) => !['from', 'to', 'page', 'pageSize'].includes(p)), 'limit'];

function limitOf(query: Record<string, unknown>): number {
  const raw = query.limit;
  if (raw === undefined || raw === '') return DEFAULT_LIMIT;
  const limit = Number(raw);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || limit < 1 || limit > MAX_LIMIT) {
    throw new errors.ValidationError(`limit: must be a whole number from 1 to ${MAX_LIMIT}`, { param: 'limit' });
  }
  return limit;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async activities(ctx: any) {
    const filters = parseFindingFilters(ctx.query, { params: EMBED_PARAMS });
    const limit = limitOf(ctx.query);
    const now = new Date();
    const period = { from: now, to: new Date(now.getTime() + EMBED_DAYS * 24 * 3600_000) };
    const activities = await findPublicActivities(strapi, { ...filters, ...period });
    const neighbourhood = filters.neighbourhood ? await findNeighbourhood(strapi, filters.neighbourhood) : null;
    ctx.body = renderEmbed(strapi, occurrencesInPeriod(activities, period).slice(0, limit), {
      locale: filters.locale,
      place: neighbourhood?.name ?? null,
      neighbourhood: filters.neighbourhood,
    });
    ctx.type = 'text/html; charset=utf-8';
  },
});
