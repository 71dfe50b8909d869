import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { sqlNames } from '@buurtplein/plugin-kit';
import { SUPPORT_UID } from './supports';

const DAY = 24 * 3600 * 1000;

export interface InitiativeCounters {
  /** The counter stored on the initiative (the same on every row of the document). */
  supportCount: number;
  thresholdReachedAt: Date | null;
}

export interface WeekOfSupports {
  /** Monday of the week, UTC, as YYYY-MM-DD. */
  weekStart: string;
  supports: number;
}

/** Monday 00:00 UTC of the week `date` falls in. */
export function startOfWeek(date: Date): Date {
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  const daysSinceMonday = (new Date(midnight).getUTCDay() + 6) % 7;
  return new Date(midnight - daysSinceMonday * DAY);
}

/**
 * Buckets support times into the last `weeks` weeks (the current one
 * included), oldest first; weeks without supports are there with 0, so a
 * chart never has holes. Weeks are UTC so the answer does not depend on the
 * server's time zone.
 */
export function perWeek(times: Date[], now: Date, weeks: number): WeekOfSupports[] {
  const first = startOfWeek(now).getTime() - (weeks - 1) * 7 * DAY;
  const buckets = Array.from({ length: weeks }, () => 0);
  for (const time of times) {
    const index = Math.floor((time.getTime() - first) / (7 * DAY));
    if (index >= 0 && index < weeks) buckets[index] += 1;
  }
  return buckets.map((supports, i) => ({ weekStart: new Date(first + i * 7 * DAY).toISOString().slice(0, 10), supports }));
}

/** SQLite returns created_at as epoch milliseconds (number or digit string), PostgreSQL as a Date. */
function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return new Date(Number(value));
  return new Date(value as string | number);
}

/** Read-only statements behind the staff statistics of one initiative. */
export function createStatsRepository(strapi: Core.Strapi, initiativeUid: string) {
  const { column, tableNamed: schemaTable } = sqlNames(strapi);
  const names = () => ({
    initiatives: strapi.db.metadata.get(initiativeUid as any).tableName,
    supports: strapi.db.metadata.get(SUPPORT_UID as any).tableName,
    documentId: column(initiativeUid, 'documentId'),
    count: column(initiativeUid, 'supportCount'),
    thresholdAt: column(initiativeUid, 'thresholdReachedAt'),
    initiative: column(SUPPORT_UID, 'initiative'),
    createdAt: column(SUPPORT_UID, 'createdAt'),
  });
  const table = (name: string): Knex.QueryBuilder => schemaTable(strapi.db.connection, name);

  return {
    /** The stored counter and threshold time, or null when no row (draft, published, any locale) has this documentId. */
    async initiativeCounters(documentId: string): Promise<InitiativeCounters | null> {
      const n = names();
      // knex's types keep only the last aggregate's aliases; the row has all three.
      const row = (await table(n.initiatives)
        .where(n.documentId, documentId)
        .count({ rowCount: '*' })
        .max({ count: n.count, thresholdAt: n.thresholdAt })
        .first()) as { rowCount: number | string; count: unknown; thresholdAt: unknown } | undefined;
      if (!row || Number(row.rowCount) === 0) return null;
      return {
        supportCount: Number(row.count ?? 0),
        thresholdReachedAt: row.thresholdAt === null || row.thresholdAt === undefined ? null : toDate(row.thresholdAt),
      };
    },

    /** Supports in the ledger given at or after `since` (all of them when null). */
    async countSince(documentId: string, since: Date | null): Promise<number> {
      const n = names();
      const query = table(n.supports).where(n.initiative, documentId);
      if (since) query.where(n.createdAt, '>=', since);
      const row = await query.count({ count: '*' }).first();
      return Number(row?.count ?? 0);
    },

    /** When each support still in the ledger was given, for those given at or after `since`. */
    async supportTimesSince(documentId: string, since: Date): Promise<Date[]> {
      const n = names();
      const rows = await table(n.supports).where(n.initiative, documentId).where(n.createdAt, '>=', since).select({ createdAt: n.createdAt });
      return rows.map((r: { createdAt: unknown }) => toDate(r.createdAt));
    },
  };
}

export type StatsRepository = ReturnType<typeof createStatsRepository>;
