import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { getPluginService } from '../utils/get-plugin-service';

const DOCUMENT_ID = /^[a-z0-9]{24}$/;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async status(ctx: any) {
    const { documentId } = ctx.params;
    if (!DOCUMENT_ID.test(documentId)) {
      throw new errors.ValidationError('documentId is not a valid document id');
    }
    const status = await getPluginService(strapi, 'support').getStatus(documentId);
    if (!status) throw new errors.NotFoundError('No public initiative with this documentId');
    ctx.body = { data: status, meta: {} };
  },
});
