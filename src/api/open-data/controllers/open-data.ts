import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { EXPORT_TYPES, exportCsv, exportHsds, type ExportType } from '../../../export';
import { onlyParams } from '@buurtplein/plugin-kit';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async hsds(ctx: any) {
    onlyParams(ctx.query, []);
    ctx.set('Content-Disposition', 'inline; filename="buurtplein-hsds.json"');
    ctx.body = await exportHsds(strapi);
  },

  async csv(ctx: any) {
    const type = ctx.params.type as ExportType;
    if (!EXPORT_TYPES.includes(type)) throw new errors.NotFoundError(`No export "${type}.csv": use organisations.csv or activities.csv`);
    onlyParams(ctx.query, []);
    ctx.set('Content-Type', 'text/csv; charset=utf-8');
    ctx.set('Content-Disposition', `attachment; filename="${type}.csv"`);
    ctx.body = await exportCsv(strapi, type);
  },
});
