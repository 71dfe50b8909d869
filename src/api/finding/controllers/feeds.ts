import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseFindingFilters, UNPAGED_PARAMS } from '../../../discovery/filters';
import { activitiesToICalendar } from '../../../discovery/ical';
import { selfUrl } from '../../../discovery/links';
import { findNewestArticles, findNewestInitiatives, findPublicActivities } from '../../../discovery/public-items';
import { activityItem, articleItem, DEFAULT_FEED_TYPES, FEED_TYPES, initiativeItem, itemsToRss, MAX_FEED_ITEMS, type FeedType } from '../../../discovery/rss';

function feedTypes(query: Record<string, unknown>): FeedType[] {
  const raw = query.types ?? DEFAULT_FEED_TYPES.join(',');
  const types = typeof raw === 'string' ? raw.split(',').map((t) => t.trim()).filter(Boolean) : [];
  const unknown = types.filter((t) => !(FEED_TYPES as readonly string[]).includes(t));
  if (!types.length || unknown.length) {
    throw new errors.ValidationError(`types: use a comma-separated list of ${FEED_TYPES.join(', ')}`, { param: 'types' });
  }
  return [...new Set(types)] as FeedType[];
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async calendar(ctx: any) {
    const filters = parseFindingFilters(ctx.query, { params: UNPAGED_PARAMS });
    ctx.body = activitiesToICalendar(strapi, await findPublicActivities(strapi, filters), filters.locale);
    ctx.type = 'text/calendar; charset=utf-8';
  },

  async latest(ctx: any) {
    const filters = parseFindingFilters(ctx.query, { params: [...UNPAGED_PARAMS, 'types'] });
    const types = feedTypes(ctx.query);
    const [activities, initiatives, articles] = await Promise.all([
      types.includes('activity') ? findPublicActivities(strapi, filters) : [],
      types.includes('initiative') ? findNewestInitiatives(strapi, filters, MAX_FEED_ITEMS) : [],
      types.includes('article') ? findNewestArticles(strapi, filters, MAX_FEED_ITEMS) : [],
    ]);
    const items = [
      ...activities.map((a) => activityItem(strapi, a, filters.locale)),
      ...initiatives.map((i) => initiativeItem(strapi, i, filters.locale)),
      ...articles.map((a) => articleItem(strapi, a, filters.locale)),
    ]
      .sort((a, b) => b.date.getTime() - a.date.getTime())
      .slice(0, MAX_FEED_ITEMS);
    ctx.body = itemsToRss(strapi, items, { locale: filters.locale, selfUrl: selfUrl(strapi, ctx) });
    ctx.type = 'application/rss+xml; charset=utf-8';
  },
});
