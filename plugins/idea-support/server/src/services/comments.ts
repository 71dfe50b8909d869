import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { announceMilestone, MILESTONES, moderationOf, PUBLIC_MODERATION_STATUSES, publicRule, type ModeratedType } from '@buurtplein/plugin-kit';
import { COMMENT_UID, createCommentsRepository, type PublicComment } from '../repositories/comments';
import { PLUGIN_ID } from '../plugin-id';
import { pluginConfig } from '../utils/plugin-config';

/** Reactions as the moderation plugin knows them: reports, hiding and the staff queue are its. */
export const COMMENT_TYPE = 'idea-support.comment';
export const commentModeration: ModeratedType = {
  uid: COMMENT_UID,
  label: { nl: 'Reactie op een initiatief', en: 'Reaction to an initiative' },
  preview: (row) => ({ text: String(row.body ?? ''), author: (row.authorName as string | null) ?? null, context: (row.initiative as string | null) ?? null }),
};

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

/** Who may comment where and what the public sees; reports go to the moderation plugin. SQL lives in the repository. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => pluginConfig(strapi);
  const repository = () => createCommentsRepository(strapi);

  /** The same 404 as supporting: a draft or archived initiative has no public comments, nor does anyone learn it exists. */
  async function assertPublicInitiative(documentId: string) {
    const initiative = await strapi.documents(config().initiativeUid as any).findFirst({
      filters: { documentId, ...publicRule(strapi, config().initiativeUid).documentFilters },
      status: 'published',
      fields: ['documentId'],
    } as any);
    if (!initiative) throw new errors.NotFoundError('No public initiative with this documentId');
  }

  return {
    async listPublic(documentId: string, page: number, pageSize: number): Promise<CommentPage> {
      await assertPublicInitiative(documentId);
      const { comments, total } = await repository().listOf(documentId, PUBLIC_MODERATION_STATUSES, page, pageSize);
      return { comments, page, pageSize, total };
    },

    async comment(documentId: string, author: Commenter, body: string): Promise<PublicComment> {
      await assertPublicInitiative(documentId);
      return repository().create({ initiative: documentId, userId: author.id, authorName: author.name, body });
    },

    /**
     * Staff's reply for the town on a public initiative (admin panel). The
     * app hears of it (followers and the initiator are told) through the
     * milestone; the reply is there whether or not that succeeds.
     */
    async officialReply(documentId: string, body: string): Promise<PublicComment> {
      await assertPublicInitiative(documentId);
      const reply = await repository().createOfficial({ initiative: documentId, authorName: config().officialName, body });
      await announceMilestone(strapi, PLUGIN_ID, MILESTONES.officialReply, { uid: config().initiativeUid, documentId, detail: String(reply.id) });
      return reply;
    },

    officialReplies: (documentId: string) => repository().officialOf(documentId),

    /** A person's earlier comments show the name they use now. */
    async renameAuthor(userId: number, name: string) {
      await repository().renameAuthor(userId, name);
    },

    /** Idempotent per person: a second report by the same user changes nothing and is not an error. */
    report: (commentId: number, reporterId: number) => moderationOf(strapi, PLUGIN_ID).report(COMMENT_TYPE, commentId, reporterId),
  };
};
