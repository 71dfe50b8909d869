import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { bumpAfterCommit } from '../cache';
import { changeScopes } from '../cache/scopes';
import type { RowPlan } from '../import/plan';
import type { Stopwatch } from '../import/timing';
import { dutchData } from '../import/write';
import { UIDS, type ImportType } from '../import/types';
import type { Data } from '../import/validate';

type Write = NonNullable<RowPlan['write']>;
type Row = Record<string, unknown>;
type Status = 'draft' | 'published';

/** Documents per multi-row INSERT (and per transaction outside all-or-nothing mode). */
export const BULK_BATCH = 500;
/** Join-table rows per INSERT: three or four bound values each, far below SQLite's variable limit. */
const LINK_CHUNK = 500;
const LOCALE = 'nl';

export const chunks = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
  on?: Record<string, unknown>;
}

interface Relation {
  attribute: string;
  target: string;
  joinTable: JoinTable;
}

/** Row ids of one document's `nl` versions: relations link draft to draft and published to published. */
type Versions = Partial<Record<Status, number>>;

const statusOf = (publishedAt: unknown): Status => (publishedAt === null || publishedAt === undefined ? 'draft' : 'published');

interface Model {
  tableName: string;
  attributes: Record<string, any>;
}

/**
 * Creates new documents the way `documents.create({ status: 'published' })`
 * plus `update({ locale: 'en', status: 'published' })` would, but with
 * multi-row INSERTs: a draft and a published row per locale sharing one
 * documentId (from Strapi's own generator), non-localized fields copied to
 * the English version by i18n's own function, and join-table rows with the
 * order columns Strapi fills. Names of tables and columns come from Strapi's
 * metadata. The caller owns the transaction.
 */
export function createBulkWriter(strapi: Core.Strapi, type: ImportType, watch: Stopwatch) {
  const uid = UIDS[type];
  const metadata = strapi.db.metadata.get(uid) as unknown as Model;
  const knex = () => strapi.db.connection;
  const i18n = strapi.plugin('i18n').service('content-types');
  const newDocumentId: () => string = metadata.attributes.documentId.default;
  const relations: Relation[] = Object.entries(metadata.attributes)
    .filter(([, a]) => a.type === 'relation' && a.joinTable && !a.mappedBy)
    .map(([attribute, a]) => ({ attribute, target: a.target, joinTable: a.joinTable }));
  const relationNames = new Set(relations.map((r) => r.attribute));
  /** Column names of the attributes both sides of a link are found by; every content type here has them. */
  const columnsOf = (model: { attributes: Record<string, any> }) => {
    const column = (attribute: string) => model.attributes[attribute]?.columnName ?? attribute;
    return { id: column('id'), documentId: column('documentId'), locale: column('locale'), publishedAt: column('publishedAt') };
  };

  /** nl data without relations, as the Document Service stores it (organisations count as approved). */
  function scalarData(write: Write): Data {
    const data: Data = { ...dutchData(type, write.nl), slug: write.slug };
    for (const name of relationNames) delete data[name];
    return data;
  }

  /** The English version: its own localized cells, the rest copied from the Dutch one as i18n does. */
  function englishData(write: Write, dutch: Data): Data {
    const data: Data = { ...(write.en ?? {}), slug: write.slug };
    i18n.fillNonLocalizedAttributes(data, dutch, { model: uid });
    return data;
  }

  async function versionsOf(trx: Knex.Transaction, model: Model, documentIds: string[]): Promise<Map<string, Versions>> {
    const found = new Map<string, Versions>();
    const c = columnsOf(model);
    for (const part of chunks([...new Set(documentIds)], LINK_CHUNK)) {
      const rows: Row[] = await knex()(model.tableName).select(c.id, c.documentId, c.publishedAt).whereIn(c.documentId, part).andWhere(c.locale, LOCALE).transacting(trx);
      for (const row of rows) {
        const documentId = row[c.documentId] as string;
        const versions = found.get(documentId) ?? {};
        versions[statusOf(row[c.publishedAt])] = row[c.id] as number;
        found.set(documentId, versions);
      }
    }
    return found;
  }

  /** Highest order value each target already has on the inverse side, so new links go last (as Strapi does: max + 1). */
  async function inverseOrders(trx: Knex.Transaction, joinTable: JoinTable, targetIds: number[]) {
    const max = new Map<number, number>();
    const column = joinTable.inverseJoinColumn.name;
    for (const part of chunks([...new Set(targetIds)], LINK_CHUNK)) {
      const rows: Row[] = await knex()(joinTable.name)
        .select(column)
        .max(joinTable.inverseOrderColumnName!, { as: 'max' })
        .whereIn(column, part)
        .where(joinTable.on ?? {})
        .groupBy(column)
        .transacting(trx);
      for (const row of rows) max.set(Number(row[column]), Number(row.max) || 0);
    }
    return max;
  }

  async function insertLinks(trx: Knex.Transaction, relation: Relation, sources: { ids: Versions; targets: string[] }[]) {
    const { joinTable, target } = relation;
    const targetVersions = await versionsOf(trx, strapi.db.metadata.get(target) as unknown as Model, sources.flatMap((s) => s.targets));
    const links: Row[] = [];
    for (const source of sources) {
      for (const status of ['draft', 'published'] as Status[]) {
        const sourceId = source.ids[status];
        if (!sourceId) continue;
        const targetIds = [...new Set(source.targets.map((t) => targetVersions.get(t)?.[status]).filter((id): id is number => Boolean(id)))];
        targetIds.forEach((targetId, index) => {
          const link: Row = { [joinTable.joinColumn.name]: sourceId, [joinTable.inverseJoinColumn.name]: targetId, ...joinTable.on };
          if (joinTable.orderColumnName) link[joinTable.orderColumnName] = index + 1;
          links.push(link);
        });
      }
    }
    if (joinTable.inverseOrderColumnName) {
      const column = joinTable.inverseJoinColumn.name;
      const max = await inverseOrders(trx, joinTable, links.map((l) => l[column] as number));
      for (const link of links) {
        const next = (max.get(link[column] as number) ?? 0) + 1;
        max.set(link[column] as number, next);
        link[joinTable.inverseOrderColumnName] = next;
      }
    }
    for (const part of chunks(links, LINK_CHUNK)) await knex()(joinTable.name).insert(part).transacting(trx);
  }

  /** The relations of the Dutch version, as documentIds: Strapi links the other locale rows to nothing. */
  const relationsOf = (write: Write) => Object.fromEntries(relations.map((r) => [r.attribute, write.nl[r.attribute] ?? null]));

  /**
   * Writes one batch of new documents; returns their documentIds in the
   * order of `writes`, and their published rows (relations as documentIds)
   * for the search index.
   */
  async function write(writes: Write[]): Promise<{ documentIds: string[]; published: Row[] }> {
    const now = new Date();
    const documentIds = writes.map(() => newDocumentId());
    const rows: Data[] = [];
    const published: Row[] = [];
    writes.forEach((w, i) => {
      const dutch = scalarData(w);
      const locales: [string, Data][] = [[LOCALE, dutch]];
      if (w.hasEnglish) locales.push(['en', englishData(w, dutch)]);
      for (const [locale, data] of locales) {
        for (const publishedAt of [null, now]) {
          rows.push({ ...data, documentId: documentIds[i], locale, createdAt: now, updatedAt: now, publishedAt });
        }
        published.push({ ...data, documentId: documentIds[i], locale, publishedAt: now, ...(locale === LOCALE ? relationsOf(w) : {}) });
      }
    });
    // Joins the caller's transaction; knex needs it handed over, the query engine finds it itself.
    await strapi.db.transaction(async ({ trx }) => {
      // The query engine turns attribute values into column values (dates, JSON, defaults) for either database.
      await watch.time('insert', () => strapi.db.query(uid as any).createMany({ data: rows }));
      await watch.time('links', async () => {
        const ids = await versionsOf(trx, metadata, documentIds);
        for (const relation of relations) {
          const sources = writes.flatMap((w, i) => {
            const value = w.nl[relation.attribute];
            if (value === undefined || value === null) return [];
            return [{ ids: ids.get(documentIds[i]) ?? {}, targets: [value].flat() as string[] }];
          });
          if (sources.length) await insertLinks(trx, relation, sources);
        }
      });
    });
    return { documentIds, published };
  }

  return { write };
}

/** The search index (from the rows written, not read back) and the response cache learn about documents written without the Document Service. */
export async function announceCreated(strapi: Core.Strapi, type: ImportType, published: Row[], watch: Stopwatch) {
  await watch.time('search', () => strapi.service('api::search.search').indexWritten(UIDS[type], published));
  await watch.time('cache', () => bumpAfterCommit(strapi, changeScopes(strapi, UIDS[type])));
}
