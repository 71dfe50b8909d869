import type { Core } from '@strapi/strapi';
import { claimRow, sqlNames, type ModerationStatus, type ReportOutcome } from '@buurtplein/plugin-kit';

export const REPORT_UID = 'plugin::moderation.report';

export interface ModeratedRow {
  id: number;
  documentId: string;
  status: ModerationStatus;
  authorId: number | null;
}

/**
 * The report ledger and the moderated item's status, for any registered
 * content type. The report rows are the truth; an item's reportCount changes
 * in the same transaction as its report row, by one SQL increment, and only
 * when the unique (type, item, person) index let the row in.
 */
export function createReportsRepository(strapi: Core.Strapi) {
  const { column, table } = sqlNames(strapi);

  return {
    async find(uid: string, id: number, authorField: string): Promise<ModeratedRow | null> {
      const row = await strapi.db.query(uid as any).findOne({ where: { id }, select: ['id', 'documentId', 'status', authorField] });
      return row ? { id: row.id, documentId: row.documentId, status: row.status, authorId: row[authorField] ?? null } : null;
    },

    /**
     * Records one person's report. Only a `visible` item at or over
     * `reportsToHide` is hidden, by a conditional UPDATE in the same
     * transaction, so an approved one stays as staff left it.
     */
    async report(type: string, uid: string, id: number, userId: number, reportsToHide: number): Promise<ReportOutcome> {
      return strapi.db.transaction(async ({ trx }) => {
        const status = column(uid, 'status');
        const reportCount = column(uid, 'reportCount');
        const counted = (await claimRow(strapi, REPORT_UID, { subjectType: type, subjectId: id, userId }, ['subjectType', 'subjectId', 'userId'], trx)) !== null;
        if (!counted) return { counted, hidden: false };
        await table(trx, uid)
          .where('id', id)
          .update({ [reportCount]: trx.raw('coalesce(??, 0) + 1', [reportCount]) });
        const hidden = await table(trx, uid)
          .where('id', id)
          .where(status, 'visible')
          .where(reportCount, '>=', reportsToHide)
          .update({ [status]: 'hidden', [column(uid, 'updatedAt')]: new Date() });
        return { counted, hidden: Number(hidden) > 0 };
      });
    },

    /** Report rows only (the counts already include them); returns how many were new. */
    async insert(type: string, reports: { subjectId: number; userId: number }[]) {
      let inserted = 0;
      for (const { subjectId, userId } of reports) {
        if ((await claimRow(strapi, REPORT_UID, { subjectType: type, subjectId, userId }, ['subjectType', 'subjectId', 'userId'])) !== null) inserted += 1;
      }
      return inserted;
    },

    /** Reported items of one type: hidden ones first, then the most reported. */
    reported: (uid: string, limit: number) =>
      strapi.db.query(uid as any).findMany({
        where: { $or: [{ status: 'hidden' }, { status: 'visible', reportCount: { $gt: 0 } }] },
        orderBy: [{ status: 'asc' }, { reportCount: 'desc' }, { id: 'desc' }],
        limit,
      }),

    /** Staff's decision; false when there is no such item. */
    async decide(uid: string, id: number, status: 'approved' | 'removed'): Promise<boolean> {
      const changed = await table(strapi.db.connection, uid)
        .where('id', id)
        .update({ [column(uid, 'status')]: status, [column(uid, 'updatedAt')]: new Date() });
      return Number(changed) === 1;
    },
  };
}
