import type { Core } from '@strapi/strapi';
import { FOLLOW_EVENT } from './events';

export interface StageStep {
  stage: string;
  /** When the initiative first reached it. */
  at: string;
}

/**
 * How an initiative went from stage to stage: it starts as an idea when it is
 * made, and each later stage is dated by the news followers got of it (the
 * first time it was reached; follow_events keeps each once).
 */
export async function stageHistory(strapi: Core.Strapi, initiatives: { documentId: string; createdAt: string | Date }[]): Promise<Map<string, StageStep[]>> {
  const rows: { item: string; detail: string; createdAt: string | Date }[] = initiatives.length
    ? await strapi.db.query(FOLLOW_EVENT as any).findMany({
        where: { kind: 'initiative.stage', item: { $in: initiatives.map((i) => i.documentId) } },
        select: ['item', 'detail', 'createdAt'],
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      })
    : [];
  const iso = (value: string | Date) => new Date(value).toISOString();
  return new Map(
    initiatives.map((initiative) => [
      initiative.documentId,
      [{ stage: 'idea', at: iso(initiative.createdAt) }, ...rows.filter((row) => row.item === initiative.documentId && row.detail !== 'idea').map((row) => ({ stage: row.detail, at: iso(row.createdAt) }))],
    ])
  );
}
