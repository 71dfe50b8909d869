import type { Core } from '@strapi/strapi';
import type { ExpiryType } from '../config';
import { createItemsRepository, type Candidate } from '../repositories/items';
import { createRunsRepository, type Trigger } from '../repositories/runs';
import { lastOccurrence } from '../utils/recurrence';
import { pluginConfig } from '../utils/plugin-config';
import { announceChange, CONTENT_EVENTS, serviceOf } from '@buurtplein/plugin-kit';
import { PLUGIN_ID } from '../plugin-id';
import type notices from './notices';

const DAY = 24 * 3600 * 1000;
/** A dry run lists this many items per type by name; the counts are always complete. */
const LISTED = 200;

import type { ListedItem as Listed, RunReport, TypeReport } from '../../../shared/report';

export type { RunReport, TypeReport };

export interface RunOptions {
  trigger: Trigger;
  dryRun?: boolean;
  /** A scheduled run's time slot: one run per slot across all instances. */
  slot?: string | null;
  now?: Date;
  log?: (line: string) => void;
}

const monthsBefore = (now: Date, months: number) => {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
};

/**
 * One clean-up run: warn owners of what expires soon, archive what has
 * expired (and what depends on it), delete what has been archived longer
 * than the retention period. Every batch is its own transaction and every
 * step skips what is already done, so a run killed halfway is finished by
 * the next one and nothing happens twice.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const items = () => createItemsRepository(strapi);
  const runs = () => createRunsRepository(strapi);

  /**
   * Expired candidates of one type, a batch at a time (SQL conditions, then
   * recurrence rules). The cursor is a draft row id, which archiving leaves
   * alone, so each row is read once. A document whose language versions fall
   * into two batches comes twice: archiving is idempotent, and `seen` keeps a
   * dry run's count honest.
   */
  async function* expiredBatches(type: ExpiryType, now: Date, seen: Set<string> | null): AsyncGenerator<Candidate[]> {
    const { batchSize, restoreGraceDays } = pluginConfig(strapi);
    const fresh = (batch: Candidate[]) => (seen ? batch.filter((c) => !seen.has(c.documentId) && seen.add(c.documentId)) : batch);
    for (let cursor = 0; ; ) {
      const { items: batch, next } = await items().expiredBatch(type, now, cursor, batchSize, restoreGraceDays);
      if (next === null) break;
      cursor = next;
      const unseen = fresh(batch);
      if (unseen.length) yield unseen;
    }
    for (const c of type.expiredWhen) {
      if (!c.recurrenceField || !c.startField) continue;
      const rule = { recurrenceField: c.recurrenceField, startField: c.startField };
      const cutoff = new Date(now.getTime() - (c.graceDays ?? 0) * DAY);
      for (let cursor = 0; ; ) {
        const { items: rows, next } = await items().recurringBatch(type.uid, rule, now, cursor, batchSize, restoreGraceDays);
        if (next === null) break;
        cursor = next;
        const ended = rows.filter((r) => {
          const last = lastOccurrence(r.rule, r.start);
          return last !== null && last < cutoff;
        });
        const batch = fresh(ended.map((r) => ({ documentId: r.documentId, reason: `last ${c.recurrenceField} occurrence passed` })));
        if (batch.length) yield batch;
      }
    }
  }

  async function titled(uid: string, documentIds: string[]): Promise<Listed[]> {
    if (!documentIds.length) return [];
    const rows = await strapi.db.query(uid as any).findMany({ where: { documentId: { $in: documentIds }, publishedAt: null } });
    const titles = new Map((rows as any[]).map((r) => [r.documentId, String(r.title ?? r.name ?? r.documentId)]));
    return documentIds.map((documentId) => ({ documentId, title: titles.get(documentId) ?? documentId }));
  }

  async function archiveType(type: ExpiryType, report: TypeReport, runId: number | null, now: Date, dryRun: boolean, log: (l: string) => void) {
    for await (const batch of expiredBatches(type, now, dryRun ? new Set() : null)) {
      const archived = dryRun ? batch.map((b) => b.documentId) : await items().archive(type.uid, batch, runId, now);
      if (!dryRun) await announceChange(strapi, PLUGIN_ID, CONTENT_EVENTS.archived, { uid: type.uid, documentIds: archived });
      report.archived += archived.length;
      if (dryRun) report.wouldArchive!.push(...(await titled(type.uid, archived.slice(0, LISTED - report.wouldArchive!.length))));
      for (const dependant of type.cascade ?? []) {
        const children = await items().dependants(dependant.uid, dependant.relation, type.uid, archived);
        const done = dryRun
          ? children.map((c) => c.documentId)
          : await items().archive(
              dependant.uid,
              children.map((c) => ({ documentId: c.documentId, reason: `${type.uid.split('.').pop()} archived`, cascadeUid: type.uid, cascadeItemId: c.parent })),
              runId,
              now
            );
        if (!dryRun) await announceChange(strapi, PLUGIN_ID, CONTENT_EVENTS.archived, { uid: dependant.uid, documentIds: done });
        report.cascaded[dependant.uid] = (report.cascaded[dependant.uid] ?? 0) + done.length;
      }
      log(`[content-expiry] ${type.uid}: ${dryRun ? 'would archive' : 'archived'} ${report.archived} so far`);
    }
  }

  async function deleteExpiredArchives(type: ExpiryType, report: TypeReport, now: Date, dryRun: boolean) {
    const { retentionMonths, batchSize } = pluginConfig(strapi);
    const before = monthsBefore(now, retentionMonths);
    if (dryRun) {
      const ids = await items().archivedBefore(type.uid, before, 100_000);
      report.deleted = ids.length;
      report.wouldDelete = await titled(type.uid, ids.slice(0, LISTED));
      return;
    }
    for (;;) {
      const ids = await items().archivedBefore(type.uid, before, batchSize);
      if (!ids.length) break;
      report.deleted += await items().deleteForGood(type.uid, ids);
      await announceChange(strapi, PLUGIN_ID, CONTENT_EVENTS.deleted, { uid: type.uid, documentIds: ids });
    }
  }

  return {
    async run({ trigger, dryRun = false, slot = null, now = new Date(), log = () => undefined }: RunOptions): Promise<RunReport> {
      const started = Date.now();
      await runs().markInterrupted(new Date(now.getTime() - 6 * 3600 * 1000));
      const runId = await runs().start(trigger, dryRun, slot, now);
      if (runId === null) {
        log(`[content-expiry] slot ${slot} already ran on another instance; skipping`);
        return { runId: null, status: 'skipped', dryRun, types: {}, errors: [], durationMs: Date.now() - started };
      }
      const report: Record<string, TypeReport> = {};
      const errors: { uid: string; message: string }[] = [];
      for (const type of pluginConfig(strapi).types) {
        const typeReport: TypeReport = { archived: 0, cascaded: {}, deleted: 0, warned: 0, ...(dryRun ? { wouldArchive: [], wouldDelete: [] } : {}) };
        report[type.uid] = typeReport;
        try {
          if (type.warnOwnersDaysBefore && !dryRun) typeReport.warned = await serviceOf<typeof notices>(strapi, PLUGIN_ID, 'notices').warnOwners(type, now);
          await archiveType(type, typeReport, runId, now, dryRun, log);
          await deleteExpiredArchives(type, typeReport, now, dryRun);
        } catch (error) {
          errors.push({ uid: type.uid, message: (error as Error).message });
          strapi.log.error(`[content-expiry] ${type.uid}: ${(error as Error).message}`);
        }
      }
      const housekeeping: Record<string, number> = {};
      for (const task of pluginConfig(strapi).housekeeping ?? []) {
        try {
          housekeeping[task.name] = await task.run({ strapi, now, dryRun });
          log(`[content-expiry] ${task.name}: ${dryRun ? 'would remove' : 'removed'} ${housekeeping[task.name]}`);
        } catch (error) {
          errors.push({ uid: task.name, message: (error as Error).message });
          strapi.log.error(`[content-expiry] ${task.name}: ${(error as Error).message}`);
        }
      }
      const status = errors.length ? 'failed' : 'succeeded';
      await runs().finish(runId, status, report, errors, new Date(started));
      return { runId, status, dryRun, types: report, housekeeping, errors, durationMs: Date.now() - started };
    },

    latestRuns: (limit?: number) => runs().latest(limit),
  };
};
