import type { Core } from '@strapi/strapi';
import { notFound } from '../../../lib/errors';
import { documentIdParam } from '../../../lib/validation';
import { beaconOf, intervalOf, itemType, limitOf, rangeOf } from '../validation';

/** Reach statistics: the beacon static sites send, and the figures staff read (full-access API token or admin panel). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const figures = () => strapi.service('api::stats.figures');
  const counting = () => strapi.service('api::stats.counting');

  return {
    /** POST /api/stats/beacon: a view of a public item that the site served from its own copy. */
    async beacon(ctx: any) {
      const { type, documentId } = await beaconOf(ctx.request.body);
      if (!(await figures().isPublic(type, documentId))) throw notFound(`No public ${type} has this documentId`);
      const counted = counting().isCounting();
      if (counted) counting().view(ctx, { kind: type, item: documentId });
      ctx.status = 202;
      ctx.body = { data: { counted } };
    },

    async item(ctx: any) {
      const type = itemType(ctx.params.type);
      const documentId = documentIdParam(ctx.params);
      const range = rangeOf(ctx.query);
      if (!(await figures().exists(type, documentId))) throw notFound(`No ${type} has this documentId`);
      ctx.body = { data: { type, documentId, ...range, ...(await figures().item(type, documentId, range)) }, meta: {} };
    },

    async overview(ctx: any) {
      const range = rangeOf(ctx.query, ['interval']);
      ctx.body = { data: await figures().overview(range, intervalOf(ctx.query.interval)), meta: {} };
    },

    /** GET /api/stats/daily.csv: every day's figures of the range, for a spreadsheet. */
    async dailyCsv(ctx: any) {
      const range = rangeOf(ctx.query);
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set('Content-Disposition', `attachment; filename="buurtplein-stats-${range.from}-${range.to}.csv"`);
      ctx.body = await figures().dailyCsv(range);
    },

    async searches(ctx: any) {
      const range = rangeOf(ctx.query, ['limit']);
      ctx.body = { data: await figures().searches(range, limitOf(ctx.query.limit)), meta: {} };
    },
  };
};
