import type { Knex } from 'knex';
import type { StrapiDatabase } from './sql';

type Row = { publishedAt?: unknown; archivedAt?: unknown };

/** The Document Service filter of an archivable type (with `status: 'published'`); publicRule's `documentFilters`. */
export const NOT_ARCHIVED = Object.freeze({ archivedAt: Object.freeze({ $null: true }) });

/**
 * "Public" is published and not archived. The app asks it in four ways
 * (Document Service filters, Query Engine where, knex, SQL text); all four
 * come from here, made from Strapi's metadata, so a new visibility level
 * (members, a group, hidden) is added in one place.
 */
export interface PublicRule {
  /** Whether the type has `archivedAt` at all. */
  archivable: boolean;
  /** With the Document Service and `status: 'published'`: what it does not check itself (undefined when nothing). */
  documentFilters: Record<string, unknown> | undefined;
  /** With the Query Engine (`strapi.db.query`), which sees draft and published rows alike. */
  where: Record<string, unknown>;
  /** Narrows a knex query on the type's table, optionally under an alias. */
  narrow<Q extends Knex.QueryBuilder>(query: Q, alias?: string): Q;
  /** The same as SQL text, for statements and partial indexes written by hand. */
  sql(alias?: string): string;
  /** For a row already read, with its attributes. */
  holdsFor(row: Row): boolean;
}

export function publicRule(strapi: StrapiDatabase, uid: string): PublicRule {
  const { attributes } = strapi.db.metadata.get(uid);
  const columnOf = (attribute: string) => (attributes[attribute] as { columnName?: string } | undefined)?.columnName;
  const publishedAt = columnOf('publishedAt');
  if (!publishedAt) throw new Error(`${uid} has no publishedAt: every Strapi 5 type should`);
  const archivedAt = columnOf('archivedAt');
  const notArchived = archivedAt ? NOT_ARCHIVED : undefined;
  const qualified = (column: string, alias?: string) => (alias ? `${alias}.${column}` : column);
  return {
    archivable: Boolean(archivedAt),
    documentFilters: notArchived,
    where: { publishedAt: { $notNull: true }, ...notArchived },
    narrow(query, alias) {
      query.whereNotNull(qualified(publishedAt, alias));
      if (archivedAt) query.whereNull(qualified(archivedAt, alias));
      return query;
    },
    // Unquoted: Strapi's column names are plain snake_case, and the partial indexes' stored predicates read the same.
    sql(alias) {
      return [`${qualified(publishedAt, alias)} IS NOT NULL`, ...(archivedAt ? [`${qualified(archivedAt, alias)} IS NULL`] : [])].join(' AND ');
    },
    holdsFor: (row) => row.publishedAt !== null && row.publishedAt !== undefined && !(archivedAt && row.archivedAt),
  };
}
