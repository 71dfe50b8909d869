import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { announceChange, CONTENT_EVENTS, PUBLIC_MODERATION_STATUSES, type ModeratedType, type Moderation, type ReportOutcome } from '@buurtplein/plugin-kit';
import { PLUGIN_ID } from '../plugin-id';
import { createReportsRepository } from '../repositories/reports';
import { pluginConfig } from '../utils/plugin-config';
import type { Decision, DecisionResult, QueueItem } from '../../../shared/queue';

/** Checks the service against the kit's contract (what other plugins see) and keeps its staff-only methods typed. */
const implementsModeration = <T extends Moderation>(service: T) => service;
const STATUS_OF: Record<Decision, DecisionResult['status']> = { approve: 'approved', remove: 'removed' };

/**
 * One moderation flow for every kind of user text: a plugin registers its
 * type, its own report route calls `report`, and staff decide in one queue.
 * A reporter learns nothing about other reports: the answer is the same
 * whether they were the first or the fifth.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const types = new Map<string, ModeratedType>();
  const reports = () => createReportsRepository(strapi);

  function typeOf(type: string) {
    const found = types.get(type);
    if (!found) throw new errors.NotFoundError(`Nothing of type "${type}" is moderated here`);
    return found;
  }

  return implementsModeration({
    registerType(type: string, definition: ModeratedType) {
      const model = strapi.contentTypes[definition.uid as keyof typeof strapi.contentTypes] as any;
      const needs = ['status', 'reportCount', definition.authorField ?? 'userId'];
      const missing = model ? needs.filter((a) => !model.attributes[a]) : needs;
      if (missing.length) throw new Error(`[moderation] ${type}: ${definition.uid} ${model ? `lacks ${missing.join(', ')}` : 'is not a content type of this app'}`);
      types.set(type, definition);
    },

    async report(type: string, id: number, reporterId: number): Promise<ReportOutcome> {
      const { uid, authorField = 'userId' } = typeOf(type);
      const item = await reports().find(uid, id, authorField);
      // Hidden and removed items answer as if they did not exist: they are already out of sight.
      if (!item || !PUBLIC_MODERATION_STATUSES.includes(item.status)) throw new errors.NotFoundError('Nothing visible to report with this id');
      if (item.authorId === reporterId) throw new errors.ValidationError('You cannot report what you wrote yourself');
      const outcome = await reports().report(type, uid, id, reporterId, pluginConfig(strapi).reportsToHide);
      // Plain SQL: the cache, counts and search hear of it on the event hub.
      if (outcome.hidden) await announceChange(strapi, PLUGIN_ID, CONTENT_EVENTS.moderated, { uid, documentIds: [item.documentId] });
      return outcome;
    },

    async carryOver(type: string, rows: { subjectId: number; userId: number }[]) {
      typeOf(type);
      return reports().insert(type, rows);
    },

    /** What waits for staff, across every registered type: hidden first, then the most reported. */
    async queue(limit = 100): Promise<QueueItem[]> {
      const items: QueueItem[] = [];
      for (const [type, definition] of types) {
        for (const row of await reports().reported(definition.uid, limit)) {
          items.push({
            type,
            label: definition.label,
            id: row.id,
            status: row.status,
            reportCount: row.reportCount ?? 0,
            ...definition.preview(row),
            createdAt: new Date(row.createdAt).toISOString(),
          });
        }
      }
      return items.sort((a, b) => Number(b.status === 'hidden') - Number(a.status === 'hidden') || b.reportCount - a.reportCount).slice(0, limit);
    },

    async decide(type: string, id: number, decision: Decision): Promise<DecisionResult> {
      const status = STATUS_OF[decision];
      const { uid } = typeOf(type);
      const item = await reports().find(uid, id, 'id');
      if (!item || !(await reports().decide(uid, id, status))) throw new errors.NotFoundError(`No ${type} with id ${id}`);
      await announceChange(strapi, PLUGIN_ID, CONTENT_EVENTS.moderated, { uid, documentIds: [item.documentId] });
      return { type, id, status };
    },
  });
};
