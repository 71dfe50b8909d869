import type { Core } from '@strapi/strapi';
import { agendaEntries, agendaPeriod, occurrencesInPeriod } from '../../../discovery/agenda';
import { parseFindingFilters } from '../../../discovery/filters';
import { findPublicActivities } from '../../../discovery/public-items';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: any) {
    const filters = parseFindingFilters(ctx.query, { defaultPageSize: 100 });
    const period = agendaPeriod(filters);
    const occurrences = occurrencesInPeriod(await findPublicActivities(strapi, { ...filters, ...period }), period);
    const { page, pageSize } = filters;
    ctx.body = {
      data: agendaEntries(strapi, occurrences.slice((page - 1) * pageSize, page * pageSize), filters.locale),
      meta: {
        from: period.from.toISOString(),
        to: period.to.toISOString(),
        total: occurrences.length,
        pagination: { page, pageSize, pageCount: Math.ceil(occurrences.length / pageSize), total: occurrences.length },
      },
    };
  },
});
