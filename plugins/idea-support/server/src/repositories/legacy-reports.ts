import type { Core } from '@strapi/strapi';

/** The report ledger from before the moderation plugin; kept for one release so an upgrade loses no report. */
export const LEGACY_REPORT_UID = 'plugin::idea-support.comment-report';
const BATCH = 500;

/**
 * Hands the old ledger's rows to the moderation plugin, a batch at a time,
 * and deletes them once handed over: a start after an interrupted one picks
 * up where it stopped, and a person still counts once (the new ledger is
 * unique per person). Returns how many rows were moved.
 */
export async function carryOverReports(strapi: Core.Strapi, handOver: (reports: { subjectId: number; userId: number }[]) => Promise<number>) {
  const legacy = strapi.db.query(LEGACY_REPORT_UID as any);
  let moved = 0;
  for (;;) {
    const rows = (await legacy.findMany({ select: ['id', 'comment', 'userId'], orderBy: { id: 'asc' }, limit: BATCH })) as { id: number; comment: number; userId: number }[];
    if (!rows.length) return moved;
    await handOver(rows.map((r) => ({ subjectId: r.comment, userId: r.userId })));
    await legacy.deleteMany({ where: { id: { $in: rows.map((r) => r.id) } } });
    moved += rows.length;
  }
}
