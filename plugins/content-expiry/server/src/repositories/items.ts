import type { Core } from '@strapi/strapi';
import { newDocumentId, sqlNames } from '@buurtplein/plugin-kit';
import type { Knex } from 'knex';
import type { ExpiryCondition, ExpiryType } from '../config';

export const RECORD_UID = 'plugin::content-expiry.archive-record';
const DAY = 24 * 3600 * 1000;

export interface Candidate {
  documentId: string;
  reason: string;
}

export interface Batch<T> {
  items: T[];
  /** Where the next batch starts; null when there is none. */
  next: number | null;
}

/** A document has a draft row per language; one is enough to judge it. */
const onePerDocument = <T extends { documentId: string }>(rows: T[]) => {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.documentId) && seen.add(r.documentId));
};

const monthsBefore = (now: Date, months: number) => {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
};

const describe = (c: ExpiryCondition) =>
  c.recurrenceField
    ? `last ${c.recurrenceField} occurrence passed`
    : c.in
      ? `${c.field} is ${c.in.join('/')}`
      : c.olderThanMonths
        ? `${c.field} older than ${c.olderThanMonths} months`
        : `${c.field} passed`;

/**
 * The SQL of expiry: finding expired items a batch at a time, and archiving,
 * restoring and deleting them in set-based statements. Archiving removes the
 * published rows directly (join tables cascade), which is what lets 30,000
 * items go in seconds instead of one Document Service call each.
 */
export function createItemsRepository(strapi: Core.Strapi) {
  const names = sqlNames(strapi);
  const col = names.column;
  const meta = (uid: string) => strapi.db.metadata.get(uid as any) as any;
  const knex = () => strapi.db.connection;

  /** Adds one OR-branch per SQL-expressible condition; recurrence is judged in JavaScript. */
  function whereExpired(builder: Knex.QueryBuilder, uid: string, conditions: ExpiryCondition[], now: Date) {
    builder.where((any) => {
      for (const c of conditions) {
        if (c.recurrenceField || !c.field) continue;
        const column = col(uid, c.field);
        const field = c.fallbackField ? knex().raw('coalesce(??, ??)', [column, col(uid, c.fallbackField)]) : column;
        const values = c.in;
        if (values) {
          const since = new Date(now.getTime() - (c.graceDays ?? 0) * DAY);
          any.orWhere((b) => b.whereIn(column, values).where(col(uid, 'updatedAt'), '<', since));
        } else if (c.olderThanMonths) {
          any.orWhere(field as any, '<', monthsBefore(now, c.olderThanMonths));
        } else {
          const cutoff = new Date(now.getTime() - (c.graceDays ?? 0) * DAY);
          const { unlessSet } = c;
          any.orWhere((b) => {
            b.where(field as any, '<', cutoff);
            if (unlessSet) b.whereNull(col(uid, unlessSet));
          });
        }
      }
    });
  }

  /** Draft rows stand for their document: every document has one, whatever its publication state. */
  function liveDrafts(uid: string, restoreGraceDays: number, now: Date) {
    const recentlyRestored = names.table(knex(), RECORD_UID)
      .select(col(RECORD_UID, 'itemId'))
      .where(col(RECORD_UID, 'uid'), uid)
      .where(col(RECORD_UID, 'restoredAt'), '>', new Date(now.getTime() - restoreGraceDays * DAY));
    return names.table(knex(), uid)
      .whereNull(col(uid, 'publishedAt'))
      .whereNull(col(uid, 'archivedAt'))
      .whereNotIn(col(uid, 'documentId'), recentlyRestored);
  }

  /** Rows by id, with their media links (a polymorphic table, so no foreign key cascades there). */
  async function deleteRows(trx: Knex, uid: string, rowIds: number[]) {
    const hasMedia = Object.values(meta(uid).attributes).some((a: any) => a.type === 'media');
    for (let i = 0; i < rowIds.length; i += 500) {
      const chunk = rowIds.slice(i, i + 500);
      if (hasMedia) await names.tableNamed(trx, 'files_related_mph').where('related_type', uid).whereIn('related_id', chunk).delete();
      await names.table(trx, uid).whereIn('id', chunk).delete();
    }
  }

  return {
    /**
     * The next batch of expired documents after `cursor`, walking draft rows by
     * primary key (no GROUP BY over the table per batch). `next` is null at the end.
     */
    async expiredBatch(type: ExpiryType, now: Date, cursor: number, limit: number, restoreGraceDays: number): Promise<Batch<Candidate>> {
      const sqlConditions = type.expiredWhen.filter((c) => !c.recurrenceField);
      if (!sqlConditions.length) return { items: [], next: null };
      const query = liveDrafts(type.uid, restoreGraceDays, now)
        .select({ documentId: col(type.uid, 'documentId'), id: 'id' })
        .where('id', '>', cursor)
        .orderBy('id', 'asc')
        .limit(limit);
      whereExpired(query, type.uid, sqlConditions, now);
      const rows = await query;
      const reason = sqlConditions.map(describe).join(' or ');
      return { items: onePerDocument(rows).map((r: any) => ({ documentId: r.documentId, reason })), next: rows.length ? Number(rows[rows.length - 1].id) : null };
    },

    /** The next batch of live documents with a recurrence rule that has an end (UNTIL or COUNT). */
    async recurringBatch(uid: string, c: { recurrenceField: string; startField: string }, now: Date, cursor: number, limit: number, restoreGraceDays: number) {
      const rule = col(uid, c.recurrenceField);
      const rows = await liveDrafts(uid, restoreGraceDays, now)
        .select({ documentId: col(uid, 'documentId'), rule, start: col(uid, c.startField), id: 'id' })
        .whereNotNull(rule)
        .where((b) => b.where(rule, 'like', '%UNTIL=%').orWhere(rule, 'like', '%COUNT=%'))
        .where('id', '>', cursor)
        .orderBy('id', 'asc')
        .limit(limit);
      return {
        items: onePerDocument(rows).map((r: any) => ({ documentId: r.documentId as string, rule: r.rule as string, start: r.start })),
        next: rows.length ? Number(rows[rows.length - 1].id) : null,
      };
    },

    /** Documents of `uid` whose `relation` points at one of `parentIds` and that are not archived yet. */
    async dependants(uid: string, relation: string, parentUid: string, parentIds: string[]) {
      if (!parentIds.length) return [];
      const rows = await strapi.db.query(uid as any).findMany({
        where: { [relation]: { documentId: { $in: parentIds } }, publishedAt: null, archivedAt: null },
        select: ['documentId'],
        populate: { [relation]: { select: ['documentId'] } },
      });
      const seen = new Map<string, string>();
      for (const row of rows as any[]) if (row[relation]) seen.set(row.documentId, row[relation].documentId);
      return [...seen].map(([documentId, parent]) => ({ documentId, parent, parentUid }));
    },

    /**
     * Archives a batch in one transaction: archivedAt on every row, the
     * published rows removed (unpublished), and a record of what was done.
     * Idempotent: documents archived meanwhile are left out.
     */
    async archive(uid: string, items: { documentId: string; reason: string; cascadeUid?: string; cascadeItemId?: string }[], runId: number | null, now: Date) {
      if (!items.length) return [];
      return strapi.db.transaction(async ({ trx }) => {
        const documentId = col(uid, 'documentId');
        const ids = items.map((i) => i.documentId);
        const fresh = await names.table(trx, uid).distinct(documentId).whereIn(documentId, ids).whereNull(col(uid, 'archivedAt')).whereNull(col(uid, 'publishedAt'));
        const todo = new Set(fresh.map((r: any) => r[documentId]));
        if (!todo.size) return [];
        await names.table(trx, uid).whereIn(documentId, [...todo]).update({ [col(uid, 'archivedAt')]: now });
        const published = await names.table(trx, uid).select('id', documentId).whereIn(documentId, [...todo]).whereNotNull(col(uid, 'publishedAt'));
        const publishedDocs = new Set(published.map((r: any) => r[documentId]));
        await deleteRows(trx, uid, published.map((r: any) => r.id));
        const records = items
          .filter((i) => todo.has(i.documentId))
          .map((i) => ({
            document_id: newDocumentId(),
            [col(RECORD_UID, 'uid')]: uid,
            [col(RECORD_UID, 'itemId')]: i.documentId,
            [col(RECORD_UID, 'reason')]: i.reason.slice(0, 250),
            [col(RECORD_UID, 'wasPublished')]: publishedDocs.has(i.documentId),
            [col(RECORD_UID, 'cascadeUid')]: i.cascadeUid ?? null,
            [col(RECORD_UID, 'cascadeItemId')]: i.cascadeItemId ?? null,
            [col(RECORD_UID, 'archivedAt')]: now,
            [col(RECORD_UID, 'runId')]: runId,
            created_at: now,
            updated_at: now,
          }));
        for (let i = 0; i < records.length; i += 200) await names.table(trx, RECORD_UID).insert(records.slice(i, i + 200));
        return [...todo];
      });
    },

    /** One page of archived documents (not rows: each language is a row), newest first. */
    async archivedPage(uid: string, page: number, pageSize: number) {
      const documentId = col(uid, 'documentId');
      const archivedAt = col(uid, 'archivedAt');
      const archived = () => names.table(knex(), uid).whereNotNull(archivedAt).whereNull(col(uid, 'publishedAt'));
      const [rows, [{ total }]] = await Promise.all([
        archived()
          .select({ documentId })
          .max({ archivedAt })
          .groupBy(documentId)
          .orderBy([{ column: 'archivedAt', order: 'desc' }, { column: 'documentId', order: 'asc' }])
          .offset((page - 1) * pageSize)
          .limit(pageSize),
        archived().countDistinct({ total: documentId }),
      ]);
      return { ids: rows.map((r: any) => r.documentId as string), total: Number(total) };
    },

    /** Archived longer ago than `before`: the next batch of document ids. */
    async archivedBefore(uid: string, before: Date, limit: number) {
      const documentId = col(uid, 'documentId');
      const rows = await names.table(knex(), uid).distinct(documentId).where(col(uid, 'archivedAt'), '<', before).limit(limit);
      return rows.map((r: any) => r[documentId] as string);
    },

    async deleteForGood(uid: string, documentIds: string[]) {
      if (!documentIds.length) return 0;
      return strapi.db.transaction(async ({ trx }) => {
        const rows = await names.table(trx, uid).select('id').whereIn(col(uid, 'documentId'), documentIds);
        await deleteRows(trx, uid, rows.map((r: any) => r.id));
        await names.table(trx, RECORD_UID).where(col(RECORD_UID, 'uid'), uid).whereIn(col(RECORD_UID, 'itemId'), documentIds).delete();
        return documentIds.length;
      });
    },

    /** The open (not yet restored) archive records of an item, and of the items archived because of it. */
    async openRecords(uid: string, documentId: string) {
      const records = strapi.db.query(RECORD_UID as any);
      const own = await records.findMany({ where: { uid, itemId: documentId, restoredAt: null } });
      const cascaded = await records.findMany({ where: { cascadeUid: uid, cascadeItemId: documentId, restoredAt: null } });
      return { own, cascaded };
    },

    async markRestored(recordIds: number[], now: Date) {
      if (recordIds.length) await strapi.db.query(RECORD_UID as any).updateMany({ where: { id: { $in: recordIds } }, data: { restoredAt: now } });
    },
  };
}

export type ItemsRepository = ReturnType<typeof createItemsRepository>;
