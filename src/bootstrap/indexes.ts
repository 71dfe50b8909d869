import { publicRule } from '@buurtplein/plugin-kit';
import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';

/**
 * Indexes for the public reads that Strapi's schema sync does not make. Strapi indexes a
 * link table on (owner, target) but not on (target, owner), the direction a relation
 * filter such as `filters[categories][slug][$eq]=…` joins in; and it has no index for
 * "published, not archived, in this locale", the filter every public list carries
 * (src/public-reads/public-query.ts), by row for lists and by document for search's visibility
 * check. With 20,000 activities these took the bench's filtered list
 * from ~80 ms of PostgreSQL time to ~10 ms.
 *
 * Created at every boot with IF NOT EXISTS: Strapi's schema sync leaves indexes it did not
 * create alone (it only drops those in its own stored schema), but SQLite rebuilds a table
 * when a column changes, which loses them; the next boot puts them back.
 */
export interface IndexSpec {
  name: string;
  table: string;
  columns: string[];
  /** SQL for a partial index; column names only, the same on PostgreSQL and SQLite. */
  where?: string;
}

// PostgreSQL cuts identifiers at 63 bytes; Strapi keeps its own under 55.
const MAX_NAME = 55;

function indexName(table: string, suffix: string): string {
  const name = `${table}_${suffix}`;
  if (name.length <= MAX_NAME) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 6);
  return `${table.slice(0, MAX_NAME - suffix.length - hash.length - 2)}${hash}_${suffix}`;
}

/** Read from Strapi's own metadata, so a new content type or relation gets its indexes too. */
export function publicReadIndexes(strapi: Core.Strapi): IndexSpec[] {
  const specs = new Map<string, IndexSpec>();
  const apiModels = Object.keys(strapi.contentTypes).filter((uid) => uid.startsWith('api::'));
  for (const uid of apiModels) {
    const meta = strapi.db.metadata.get(uid) as any;
    const column = (attribute: string): string | undefined => meta.attributes[attribute]?.columnName;

    // Strapi 5 gives every type a publishedAt; only draft & publish types have unpublished rows.
    const publishedAt = strapi.contentTypes[uid as keyof typeof strapi.contentTypes].options?.draftAndPublish && column('publishedAt');
    if (publishedAt) {
      const locale = column('locale');
      // The public rule itself: PostgreSQL uses a partial index only for queries whose WHERE implies its predicate.
      const where = publicRule(strapi, uid).sql();
      const name = indexName(meta.tableName, 'public_idx');
      specs.set(name, { name, table: meta.tableName, columns: [...(locale ? [locale] : []), 'id'], where });
      // "Is this document public in this locale?", as search asks for every hit (src/discovery/search).
      const byDocument = indexName(meta.tableName, 'public_doc_idx');
      specs.set(byDocument, { name: byDocument, table: meta.tableName, columns: [column('documentId')!, ...(locale ? [locale] : [])], where });
    }

    for (const attribute of Object.values<any>(meta.attributes)) {
      // The owning side made the table, so its join/inverse columns are the table's own order.
      const joinTable = attribute.type === 'relation' && !attribute.mappedBy ? attribute.joinTable : undefined;
      if (!joinTable?.joinColumn || !joinTable.inverseJoinColumn) continue;
      const name = indexName(joinTable.name, 'rev_idx');
      specs.set(name, { name, table: joinTable.name, columns: [joinTable.inverseJoinColumn.name, joinTable.joinColumn.name] });
    }
  }
  return [...specs.values()];
}

/** Idempotent: creates what is missing, on PostgreSQL and SQLite. */
export async function ensurePublicReadIndexes(strapi: Core.Strapi): Promise<IndexSpec[]> {
  const client = strapi.db.dialect.client;
  if (client !== 'postgres' && client !== 'sqlite') {
    // MySQL has neither partial indexes nor CREATE INDEX IF NOT EXISTS.
    strapi.log.warn(`[indexes] no public-read indexes on ${client}: only PostgreSQL and SQLite are supported`);
    return [];
  }
  const knex = strapi.db.connection;
  const schema = strapi.db.getSchemaName();
  const specs = publicReadIndexes(strapi);
  for (const spec of specs) {
    const table = schema ? `${schema}.${spec.table}` : spec.table;
    const columns = spec.columns.map(() => '??').join(', ');
    await knex.raw(`CREATE INDEX IF NOT EXISTS ?? ON ?? (${columns})${spec.where ? ` WHERE ${spec.where}` : ''}`, [
      spec.name,
      table,
      ...spec.columns,
    ]);
  }
  return specs;
}
