import type { Core } from '@strapi/strapi';
import type { ModerationStatus } from '@buurtplein/plugin-kit';

export const COMMENT_UID = 'plugin::idea-support.comment';

/** What anyone may see of a comment: never who wrote it (userId) or how often it was reported. */
export interface PublicComment {
  id: number;
  authorName: string | null;
  body: string;
  /** Posted by staff for the town (an official reply): shown first. */
  official: boolean;
  createdAt: string;
}

const PUBLIC_FIELDS = ['id', 'authorName', 'body', 'official', 'createdAt'];

const toPublic = (row: any): PublicComment => ({
  id: row.id,
  authorName: row.authorName ?? null,
  body: row.body,
  official: Boolean(row.official),
  createdAt: row.createdAt instanceof Date ? row.createdAt.toISOString() : new Date(row.createdAt).toISOString(),
});

/** Comments; their reports and status changes are the moderation plugin's. */
export function createCommentsRepository(strapi: Core.Strapi) {
  return {
    /** Through the Document Service, so the row gets a documentId and staff can open it in the Content Manager. */
    async create(data: { initiative: string; userId: number; authorName: string; body: string }): Promise<PublicComment> {
      const created = await strapi.documents(COMMENT_UID as any).create({ data: { ...data, status: 'visible', official: false } } as any);
      return toPublic(created);
    },

    /** Staff's reply for the town: approved from the start (reports do not hide it), and shown first. */
    async createOfficial(data: { initiative: string; authorName: string; body: string }): Promise<PublicComment> {
      const created = await strapi.documents(COMMENT_UID as any).create({ data: { ...data, status: 'approved', official: true } } as any);
      return toPublic(created);
    },

    /** An initiative's official replies, newest first, for staff. */
    async officialOf(initiative: string): Promise<PublicComment[]> {
      const rows = await strapi.db.query(COMMENT_UID as any).findMany({ where: { initiative, official: true }, select: PUBLIC_FIELDS, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
      return rows.map(toPublic);
    },

    async renameAuthor(userId: number, authorName: string) {
      await strapi.db.query(COMMENT_UID as any).updateMany({ where: { userId }, data: { authorName } });
    },

    /** One page of an initiative's comments in the given statuses: official replies first, then newest first (id breaks ties within one millisecond). */
    async listOf(initiative: string, statuses: readonly ModerationStatus[], page: number, pageSize: number) {
      const where = { initiative, status: { $in: statuses } };
      const [rows, total] = await Promise.all([
        strapi.db.query(COMMENT_UID as any).findMany({
          where,
          select: PUBLIC_FIELDS,
          orderBy: [{ official: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
          offset: (page - 1) * pageSize,
          limit: pageSize,
        }),
        strapi.db.query(COMMENT_UID as any).count({ where }),
      ]);
      return { comments: rows.map(toPublic), total: Number(total) };
    },
  };
}

export type CommentsRepository = ReturnType<typeof createCommentsRepository>;
