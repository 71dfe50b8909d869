import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { createStatsRepository, perWeek, startOfWeek } from '../repositories/stats';
import { documentIdParam } from '@buurtplein/plugin-kit';
import { pluginConfig } from '../utils/plugin-config';

const DAY = 24 * 3600 * 1000;
const WEEKS = 8;

/** Support statistics of one initiative for staff in the admin panel (draft or published, archived or not). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async stats(ctx: any) {
    const documentId = documentIdParam(ctx.params);
    const { initiativeUid, threshold } = pluginConfig(strapi);
    const repository = createStatsRepository(strapi, initiativeUid);

    const counters = await repository.initiativeCounters(documentId);
    if (!counters) throw new errors.NotFoundError('No initiative with this documentId');

    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * DAY);
    const firstWeek = new Date(startOfWeek(now).getTime() - (WEEKS - 1) * 7 * DAY);
    const [ledgerCount, last7Days, last30Days, times] = await Promise.all([
      repository.countSince(documentId, null),
      repository.countSince(documentId, daysAgo(7)),
      repository.countSince(documentId, daysAgo(30)),
      repository.supportTimesSince(documentId, firstWeek),
    ]);

    ctx.body = {
      data: {
        supportCount: counters.supportCount,
        ledgerCount,
        last7Days,
        last30Days,
        perWeek: perWeek(times, now, WEEKS),
        threshold,
        thresholdReachedAt: counters.thresholdReachedAt?.toISOString() ?? null,
      },
    };
  },
});
