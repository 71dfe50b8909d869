import type { Core } from '@strapi/strapi';
import { claimRow, sqlNames, type OutboxFailure, type RoundCounts } from '@buurtplein/plugin-kit';

export const MESSAGE_UID = 'plugin::outbox.message';

export interface MessageRow {
  id: number;
  dedupeKey: string;
  kind: string;
  ref: string;
  round: string | null;
  recipient: string;
  language: string | null;
  payload: unknown;
  messageId: string;
  status: 'sending' | 'sent' | 'failed';
  attempts: number;
}

export type NewMessage = Omit<MessageRow, 'id' | 'status' | 'attempts'>;

/**
 * The send log: a mail goes out only after its row is claimed, by inserting
 * it (the unique dedupe key lets one insert in) or by taking over a failed
 * row or one whose claim is older than the lease (a process that died).
 * Every change of state is one conditional UPDATE, so two processes never
 * both hold a row.
 */
export function createMessagesRepository(strapi: Core.Strapi) {
  const { column, table } = sqlNames(strapi);
  const c = (attribute: string) => column(MESSAGE_UID, attribute);
  const messages = () => strapi.db.query(MESSAGE_UID as any);
  const knex = () => strapi.db.connection;
  const leaseEnd = (leaseMinutes: number) => new Date(Date.now() - leaseMinutes * 60_000);
  const oneMoreAttempt = () => ({ [c('attempts')]: knex().raw('coalesce(??, 0) + 1', [c('attempts')]) });
  /** A row this process now holds, its first try counted. */
  const held = (now: Date) => ({ [c('status')]: 'sending', [c('claimedAt')]: now, ...oneMoreAttempt(), [c('updatedAt')]: now });
  /** Rows another process may take: failed ones, and ones whose claim outlived the lease. */
  const takeable = (query: any, leaseMinutes: number) =>
    query.where((b: any) => b.where(c('status'), 'failed').orWhere((s: any) => s.where(c('status'), 'sending').where(c('claimedAt'), '<', leaseEnd(leaseMinutes))));

  return {
    /** The row's id when this process now holds it, else null (sent, or held by a living process). Holding it counts the first try. */
    async claim(message: NewMessage, leaseMinutes: number): Promise<number | null> {
      const now = new Date();
      const inserted = await claimRow(strapi, MESSAGE_UID, { ...message, status: 'sending', attempts: 1, claimedAt: now }, ['dedupeKey']);
      if (inserted !== null) return inserted;
      // Taken over with the current address and payload: the person may have changed theirs since.
      const taken = await takeable(table(knex(), MESSAGE_UID).where(c('dedupeKey'), message.dedupeKey), leaseMinutes)
        .update({ ...held(now), [c('recipient')]: message.recipient, [c('language')]: message.language, [c('payload')]: JSON.stringify(message.payload ?? null) });
      if (Number(taken) !== 1) return null;
      const row = await messages().findOne({ where: { dedupeKey: message.dedupeKey }, select: ['id'] });
      return row ? Number(row.id) : null;
    },

    /** A failed row, taken for a retry staff asked for; null when it is not failed (any more). */
    async claimFailed(id: number): Promise<boolean> {
      const now = new Date();
      const taken = await table(knex(), MESSAGE_UID).where('id', id).where(c('status'), 'failed').update(held(now));
      return Number(taken) === 1;
    },

    async attempted(id: number) {
      await table(knex(), MESSAGE_UID).where('id', id).update(oneMoreAttempt());
    },

    // One UPDATE each: the Query Engine's update would read the row before and after.
    async markSent(id: number) {
      const now = new Date();
      await table(knex(), MESSAGE_UID).where('id', id).update({ [c('status')]: 'sent', [c('sentAt')]: now, [c('lastError')]: null, [c('updatedAt')]: now });
    },

    async markFailed(id: number, error: string) {
      await table(knex(), MESSAGE_UID).where('id', id).update({ [c('status')]: 'failed', [c('lastError')]: error.slice(0, 2000), [c('updatedAt')]: new Date() });
    },

    find: (id: number): Promise<MessageRow | null> => messages().findOne({ where: { id } }),

    /** Of these dedupe keys, those sent or held within the lease. */
    async handled(dedupeKeys: string[], leaseMinutes: number): Promise<Set<string>> {
      if (!dedupeKeys.length) return new Set();
      const rows = await messages().findMany({
        where: { dedupeKey: { $in: dedupeKeys }, $or: [{ status: 'sent' }, { status: 'sending', claimedAt: { $gte: leaseEnd(leaseMinutes) } }] },
        select: ['dedupeKey'],
      });
      return new Set(rows.map((r: { dedupeKey: string }) => r.dedupeKey));
    },

    /** How many mails are sent, failed and being sent, per kind or (of one kind) per round. */
    async counts(by: 'kind' | 'round', where: { kind?: string; rounds?: string[] } = {}): Promise<Record<string, RoundCounts>> {
      let query = table(knex(), MESSAGE_UID).select({ key: c(by), status: c('status') }).count({ count: '*' }).groupBy(c(by), c('status'));
      if (where.kind) query = query.where(c('kind'), where.kind);
      if (where.rounds) query = query.whereIn(c('round'), where.rounds);
      const counts: Record<string, RoundCounts> = {};
      for (const r of (await query) as any[]) (counts[r.key] ??= { sent: 0, failed: 0, sending: 0 })[r.status as keyof RoundCounts] = Number(r.count);
      return counts;
    },

    failed: (limit: number, where: { kind?: string; round?: string } = {}): Promise<OutboxFailure[]> =>
      messages().findMany({
        where: { status: 'failed', ...where },
        select: ['id', 'kind', 'ref', 'round', 'recipient', 'attempts', 'lastError', 'updatedAt'],
        orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
        limit,
      }),
  };
}
