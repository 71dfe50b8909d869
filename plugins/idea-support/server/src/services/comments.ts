import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { createCommentsRepository, type CommentStatus, type PublicComment } from '../repositories/comments';
import { pluginConfig } from '../utils/plugin-config';

/** `approved` means staff looked and it stays; `hidden` waits for staff, `removed` is taken down. */
const PUBLIC_STATUSES: CommentStatus[] = ['visible', 'approved'];

export interface Commenter {
  id: number;
  /** As shown with the comment. */
  name: string;
}

/** For an account without a name of its own. */
export const ANONYMOUS = 'Bewoner';

export interface CommentPage {
  comments: PublicComment[];
  page: number;
  pageSize: number;
  total: number;
}

/** Who may comment where, what the public sees, and when reports hide a comment. SQL lives in the repository. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => pluginConfig(strapi);
  const repository = () => createCommentsRepository(strapi);

  /** The same 404 as supporting: a draft or archived initiative has no public comments, nor does anyone learn it exists. */
  async function assertPublicInitiative(documentId: string) {
    const initiative = await strapi.documents(config().initiativeUid as any).findFirst({
      filters: { documentId, archivedAt: { $null: true } },
      status: 'published',
      fields: ['documentId'],
    } as any);
    if (!initiative) throw new errors.NotFoundError('No public initiative with this documentId');
  }

  return {
    async listPublic(documentId: string, page: number, pageSize: number): Promise<CommentPage> {
      await assertPublicInitiative(documentId);
      const { comments, total } = await repository().listOf(documentId, PUBLIC_STATUSES, page, pageSize);
      return { comments, page, pageSize, total };
    },

    async comment(documentId: string, author: Commenter, body: string): Promise<PublicComment> {
      await assertPublicInitiative(documentId);
      return repository().create({ initiative: documentId, userId: author.id, authorName: author.name, body });
    },

    /** A person's earlier comments show the name they use now. */
    async renameAuthor(userId: number, name: string) {
      await repository().renameAuthor(userId, name);
    },

    /** Idempotent per person: a second report by the same user changes nothing and is not an error. */
    async report(commentId: number, reporterId: number) {
      const comment = await repository().findForModeration(commentId);
      // Hidden and removed comments answer as if they did not exist: they are already out of sight.
      if (!comment || !PUBLIC_STATUSES.includes(comment.status)) throw new errors.NotFoundError('No visible comment with this id');
      if (comment.userId === reporterId) throw new errors.ValidationError('You cannot report your own comment');
      return repository().report(commentId, reporterId, config().reportsToHide);
    },
  };
};
