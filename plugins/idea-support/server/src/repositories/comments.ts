import type { Core } from '@strapi/strapi';
import { claimRow, sqlNames } from '@buurtplein/plugin-kit';

export const COMMENT_UID = 'plugin::idea-support.comment';
export const COMMENT_REPORT_UID = 'plugin::idea-support.comment-report';

export type CommentStatus = 'visible' | 'hidden' | 'approved' | 'removed';

/** What anyone may see of a comment: never who wrote it (userId) or how often it was reported. */
export interface PublicComment {
  id: number;
  authorName: string | null;
  body: string;
  createdAt: string;
}

export interface CommentForModeration {
  id: number;
  userId: number | null;
  status: CommentStatus;
}

export interface ReportOutcome {
  /** True when this call added a report (false: this person had reported it already). */
  counted: boolean;
  /** True only for the one call that hid the comment. */
  hidden: boolean;
}

const PUBLIC_FIELDS = ['id', 'authorName', 'body', 'createdAt'];

const toPublic = (row: any): PublicComment => ({
  id: row.id,
  authorName: row.authorName ?? null,
  body: row.body,
  createdAt: row.createdAt instanceof Date ? row.createdAt.toISOString() : new Date(row.createdAt).toISOString(),
});

/**
 * Comments and their reports. The report rows are the truth; a comment's
 * reportCount changes in the same transaction as the report row, by one SQL
 * increment, and only when the unique (comment, user) index let the row in.
 */
export function createCommentsRepository(strapi: Core.Strapi) {
  const { column, tableNamed: table } = sqlNames(strapi);
  const names = () => ({
    comments: strapi.db.metadata.get(COMMENT_UID as any).tableName,
    reports: strapi.db.metadata.get(COMMENT_REPORT_UID as any).tableName,
    status: column(COMMENT_UID, 'status'),
    reportCount: column(COMMENT_UID, 'reportCount'),
    updatedAt: column(COMMENT_UID, 'updatedAt'),
    comment: column(COMMENT_REPORT_UID, 'comment'),
    userId: column(COMMENT_REPORT_UID, 'userId'),
    createdAt: column(COMMENT_REPORT_UID, 'createdAt'),
  });

  return {
    /** Through the Document Service, so the row gets a documentId and staff can open it in the Content Manager. */
    async create(data: { initiative: string; userId: number; authorName: string; body: string }): Promise<PublicComment> {
      const created = await strapi.documents(COMMENT_UID as any).create({ data: { ...data, status: 'visible' } } as any);
      return toPublic(created);
    },

    async renameAuthor(userId: number, authorName: string) {
      await strapi.db.query(COMMENT_UID as any).updateMany({ where: { userId }, data: { authorName } });
    },

    /** One page of an initiative's comments in the given statuses, newest first (id breaks ties within one millisecond). */
    async listOf(initiative: string, statuses: CommentStatus[], page: number, pageSize: number) {
      const where = { initiative, status: { $in: statuses } };
      const [rows, total] = await Promise.all([
        strapi.db.query(COMMENT_UID as any).findMany({
          where,
          select: PUBLIC_FIELDS,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }),
        strapi.db.query(COMMENT_UID as any).count({ where }),
      ]);
      return { comments: rows.map(toPublic), total: Number(total) };
    },

    async findForModeration(id: number): Promise<CommentForModeration | null> {
      const row = await strapi.db.query(COMMENT_UID as any).findOne({ where: { id }, select: ['id', 'userId', 'status'] });
      return (row as CommentForModeration | null) ?? null;
    },

    /**
     * Records one person's report. Only the insert that the unique index lets
     * through raises the count, and the comment is hidden by a conditional
     * UPDATE in the same transaction: only a `visible` comment at or over
     * `reportsToHide` changes, so an approved one stays as staff left it.
     */
    async report(commentId: number, userId: number, reportsToHide: number): Promise<ReportOutcome> {
      return strapi.db.transaction(async ({ trx }) => {
        const n = names();
        const now = new Date();
        const counted = (await claimRow(strapi, COMMENT_REPORT_UID, { comment: commentId, userId }, ['comment', 'userId'], trx)) !== null;
        if (!counted) return { counted, hidden: false };
        await table(trx, n.comments)
          .where('id', commentId)
          .update({ [n.reportCount]: trx.raw('coalesce(??, 0) + 1', [n.reportCount]) });
        const hidden = await table(trx, n.comments)
          .where('id', commentId)
          .where(n.status, 'visible')
          .where(n.reportCount, '>=', reportsToHide)
          .update({ [n.status]: 'hidden', [n.updatedAt]: now });
        return { counted, hidden: Number(hidden) > 0 };
      });
    },
  };
}

export type CommentsRepository = ReturnType<typeof createCommentsRepository>;
