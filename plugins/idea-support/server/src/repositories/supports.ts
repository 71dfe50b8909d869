import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { claimRow, publicRule, sqlNames } from '@buurtplein/plugin-kit';

export const SUPPORT_UID = 'plugin::idea-support.support';

export interface SupportChange {
  /** True when this call changed the ledger (false: it was already so). */
  changed: boolean;
  supportCount: number;
  /** True only for the one call that took the count over the threshold. */
  thresholdReached: boolean;
}

export interface Drift {
  initiative: string;
  ledger: number;
  stored: number[];
}

/**
 * Every statement that touches the ledger or the counter. The ledger is the
 * truth; the initiative's counter changes in the same transaction as the
 * ledger row, by one SQL increment, never read-modify-write in JavaScript.
 */
export function createSupportsRepository(strapi: Core.Strapi, initiativeUid: string) {
  const isPostgres = () => strapi.db.dialect.client === 'postgres';
  const { column, tableNamed: table } = sqlNames(strapi);
  const names = () => {
    const initiatives = strapi.db.metadata.get(initiativeUid as any).tableName;
    const supports = strapi.db.metadata.get(SUPPORT_UID as any).tableName;
    return {
      initiatives,
      supports,
      documentId: column(initiativeUid, 'documentId'),
      count: column(initiativeUid, 'supportCount'),
      thresholdAt: column(initiativeUid, 'thresholdReachedAt'),
      locale: column(initiativeUid, 'locale'),
      initiative: column(SUPPORT_UID, 'initiative'),
      userId: column(SUPPORT_UID, 'userId'),
      createdAt: column(SUPPORT_UID, 'createdAt'),
    };
  };

  async function storedCount(trx: Knex, documentId: string) {
    const n = names();
    const row = await table(trx, n.initiatives).where(n.documentId, documentId).max({ count: n.count }).first();
    return Number(row?.count ?? 0);
  }

  /**
   * Adds or removes `delta` on every row (draft, published, each locale) of the initiative; returns
   * the new count and whether a row still has no threshold time, from the same statement.
   */
  async function bump(trx: Knex, documentId: string, delta: 1 | -1) {
    const n = names();
    const rows: Array<Record<string, unknown>> = await table(trx, n.initiatives)
      .where(n.documentId, documentId)
      .update({ [n.count]: trx.raw(`coalesce(??, 0) + ?`, [n.count, delta]) })
      .returning([n.count, n.thresholdAt]);
    return {
      count: Math.max(0, ...rows.map((row) => Number(row[n.count] ?? 0))),
      thresholdOpen: rows.some((row) => row[n.thresholdAt] === null),
    };
  }

  /** Sets the threshold time once: only the transaction that finds it empty and the count high enough writes it. */
  async function markThreshold(trx: Knex, documentId: string, threshold: number) {
    const n = names();
    const updated = await table(trx, n.initiatives)
      .where(n.documentId, documentId)
      .whereNull(n.thresholdAt)
      .where(n.count, '>=', threshold)
      .update({ [n.thresholdAt]: new Date() });
    return Number(updated) > 0;
  }

  /** Locks the initiative's rows (PostgreSQL) so a recount cannot interleave with an increment. */
  async function lockInitiative(trx: Knex, documentId: string) {
    const n = names();
    const query = table(trx, n.initiatives).where(n.documentId, documentId).select('id');
    await (isPostgres() ? query.forUpdate() : query);
  }

  async function ledgerCount(trx: Knex, documentId: string) {
    const n = names();
    const row = await table(trx, n.supports).where(n.initiative, documentId).count({ count: '*' }).first();
    return Number(row?.count ?? 0);
  }

  return {
    async add(documentId: string, userId: number, threshold: number): Promise<SupportChange> {
      return strapi.db.transaction(async ({ trx }) => {
        const changed = (await claimRow(strapi, SUPPORT_UID, { initiative: documentId, userId }, ['initiative', 'userId'], trx)) !== null;
        if (!changed) return { changed, supportCount: await storedCount(trx, documentId), thresholdReached: false };
        const { count, thresholdOpen } = await bump(trx, documentId, 1);
        const thresholdReached = thresholdOpen && count >= threshold && (await markThreshold(trx, documentId, threshold));
        return { changed, supportCount: count, thresholdReached };
      });
    },

    async remove(documentId: string, userId: number): Promise<SupportChange> {
      return strapi.db.transaction(async ({ trx }) => {
        const n = names();
        const deleted = await table(trx, n.supports).where({ [n.initiative]: documentId, [n.userId]: userId }).delete();
        const changed = Number(deleted) === 1;
        const supportCount = changed ? (await bump(trx, documentId, -1)).count : await storedCount(trx, documentId);
        return { changed, supportCount, thresholdReached: false };
      });
    },

    async hasSupported(documentId: string, userId: number) {
      const n = names();
      const row = await table(strapi.db.connection, n.supports).where({ [n.initiative]: documentId, [n.userId]: userId }).first('id');
      return Boolean(row);
    },

    /** Withdraws everything a user supported (the user is being deleted). */
    async removeAllOf(userId: number) {
      const n = names();
      const rows = await table(strapi.db.connection, n.supports).where(n.userId, userId).select(n.initiative);
      for (const row of rows) await this.remove(row[n.initiative], userId);
      return rows.length;
    },

    /** Sets the counter to the ledger's count, under the same lock an increment takes. */
    async recount(documentId: string) {
      return strapi.db.transaction(async ({ trx }) => {
        const n = names();
        await lockInitiative(trx, documentId);
        const count = await ledgerCount(trx, documentId);
        await table(trx, n.initiatives).where(n.documentId, documentId).update({ [n.count]: count });
        return count;
      });
    },

    /** Every initiative whose stored counter differs from the ledger, on any of its rows. */
    async findDrift(): Promise<Drift[]> {
      const n = names();
      const knex = strapi.db.connection;
      const ledger = new Map<string, number>();
      const counted = await table(knex, n.supports).select(n.initiative).count({ count: '*' }).groupBy(n.initiative);
      for (const row of counted as Record<string, unknown>[]) ledger.set(String(row[n.initiative]), Number(row.count));
      const stored = new Map<string, number[]>();
      const rows = await table(knex, n.initiatives).select(n.documentId, n.count);
      for (const row of rows) stored.set(row[n.documentId], [...(stored.get(row[n.documentId]) ?? []), Number(row[n.count] ?? 0)]);
      const ids = new Set([...ledger.keys(), ...stored.keys()]);
      return [...ids]
        .map((initiative) => ({ initiative, ledger: ledger.get(initiative) ?? 0, stored: [...new Set(stored.get(initiative) ?? [])] }))
        .filter((d) => d.stored.length !== 1 || d.stored[0] !== d.ledger);
    },

    /** Public initiatives by supports given since `since` (all time when null), most first. */
    async ranking(since: Date | null, limit: number, locale: string): Promise<{ documentId: string; supports: number }[]> {
      const n = names();
      const knex = strapi.db.connection;
      const schema = strapi.db.getSchemaName();
      const qualified = (name: string) => (schema ? `${schema}.${name}` : name);
      const publicRows = (query: Knex.QueryBuilder, alias: string) => publicRule(strapi, initiativeUid).narrow(query, alias).where(`${alias}.${n.locale}`, locale);

      if (!since) {
        const rows = await publicRows(knex.from({ i: qualified(n.initiatives) }).select({ documentId: `i.${n.documentId}`, count: `i.${n.count}` }), 'i')
          .orderBy([{ column: 'count', order: 'desc' }, { column: 'documentId', order: 'asc' }])
          .limit(limit);
        return rows.map((r: any) => ({ documentId: r.documentId, supports: Number(r.count ?? 0) }));
      }
      const rows = await publicRows(
        knex
          .from({ s: qualified(n.supports) })
          .join({ i: qualified(n.initiatives) }, `i.${n.documentId}`, `s.${n.initiative}`)
          .where(`s.${n.createdAt}`, '>=', since)
          .groupBy(`s.${n.initiative}`)
          .select({ documentId: `s.${n.initiative}` })
          .count({ count: '*' }),
        'i'
      )
        .orderBy([{ column: 'count', order: 'desc' }, { column: 'documentId', order: 'asc' }])
        .limit(limit);
      return rows.map((r: any) => ({ documentId: r.documentId, supports: Number(r.count) }));
    },
  };
}

export type SupportsRepository = ReturnType<typeof createSupportsRepository>;
