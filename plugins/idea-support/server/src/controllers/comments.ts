import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { documentIdParam, idParam } from '@buurtplein/plugin-kit';
import { commentBody, commentListQuery } from '../routes/validation/comments';
import { getPluginService } from '../utils/get-plugin-service';
import { pluginConfig } from '../utils/plugin-config';
import { ANONYMOUS, type Commenter } from '../services/comments';

/** Like supporting: a comment speaks for one real person, so the email address must be confirmed. */
function commenterOf(ctx: any, nameField: string): Commenter {
  const user = ctx.state.user;
  if (!user) throw new errors.UnauthorizedError('Log in to comment');
  if (!user.confirmed) throw new errors.PolicyError('Confirm your email address before commenting', { reason: 'unconfirmed', code: 'account.unconfirmed' });
  const name = typeof user[nameField] === 'string' ? user[nameField].trim() : '';
  return { id: user.id, name: name || ANONYMOUS };
}

/** Reporting only needs a login: the unique (comment, user) index makes one person count once. */
function reporterOf(ctx: any): number {
  const user = ctx.state.user;
  if (!user) throw new errors.UnauthorizedError('Log in to report a comment');
  return user.id;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getPluginService(strapi, 'comments');

  return {
    async list(ctx: any) {
      const documentId = documentIdParam(ctx.params);
      const { page, pageSize } = commentListQuery(ctx.query);
      const result = await service().listPublic(documentId, page, pageSize);
      ctx.body = { data: result.comments, meta: { pagination: { page: result.page, pageSize: result.pageSize, total: result.total } } };
    },
    async create(ctx: any) {
      const documentId = documentIdParam(ctx.params);
      const author = commenterOf(ctx, pluginConfig(strapi).authorNameField);
      const body = commentBody(ctx.request.body);
      ctx.status = 201;
      ctx.body = { data: await service().comment(documentId, author, body) };
    },
    async report(ctx: any) {
      const id = idParam(ctx.params);
      await service().report(id, reporterOf(ctx));
      ctx.body = { data: { reported: true } };
    },
  };
};
