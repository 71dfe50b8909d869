import type { Core } from '@strapi/strapi';
import { claimRow } from '@buurtplein/plugin-kit';
import type { Trigger } from '../../../shared/report';

export type { Trigger };

export const RUN_UID = 'plugin::content-expiry.run';

/** The run log. A scheduled run claims its time slot with a unique key: on several instances, one wins. */
export function createRunsRepository(strapi: Core.Strapi) {
  const runs = () => strapi.db.query(RUN_UID as any);

  return {
    /** The new run's id, or null when another instance already claimed this slot. */
    async start(trigger: Trigger, dryRun: boolean, slot: string | null, now: Date): Promise<number | null> {
      return claimRow(strapi, RUN_UID, { trigger, dryRun, slot, status: 'running', startedAt: now }, ['slot']);
    },

    async finish(id: number, status: 'succeeded' | 'failed', report: unknown, errors: unknown[], startedAt: Date) {
      const finishedAt = new Date();
      await runs().update({ where: { id }, data: { status, report, errors, finishedAt, durationMs: finishedAt.getTime() - startedAt.getTime() } });
    },

    /** A run still "running" long after it started was killed; say so, the next run picks up its work. */
    async markInterrupted(olderThan: Date) {
      return runs().updateMany({ where: { status: 'running', startedAt: { $lt: olderThan } }, data: { status: 'interrupted' } });
    },

    async latest(limit = 20) {
      return runs().findMany({ orderBy: { id: 'desc' }, limit });
    },
  };
}
