import type { Core } from '@strapi/strapi';
import { documentIdParam, onlyParams } from '@buurtplein/plugin-kit';
import { notFound } from '../../../lib/errors';
import { stageHistory } from '../../follow/lib/stage-history';
import { ANONYMOUS, visibleDocuments } from '../../follow/lib/visible-documents';

const INITIATIVE = 'api::initiative.initiative';

/** GET /api/initiatives/:documentId/history: the stage now and the date each stage was reached; 404 for what the public may not read. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async stages(ctx: any) {
    onlyParams(ctx.query, []);
    const documentId = documentIdParam(ctx.params);
    const [initiative] = await visibleDocuments(strapi, INITIATIVE, [documentId], ANONYMOUS, { fields: ['documentId', 'stage', 'createdAt'] });
    if (!initiative) throw notFound('No public initiative with this documentId');
    const steps = (await stageHistory(strapi, [initiative as { documentId: string; createdAt: string }])).get(documentId)!;
    ctx.body = { data: { documentId, stage: initiative.stage, steps } };
  },
});
