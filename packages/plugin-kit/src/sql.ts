import type { Knex } from 'knex';

/** The part of Strapi the kit's SQL helpers use: its metadata, its connection and its PostgreSQL schema. */
export interface StrapiDatabase {
  db: {
    // Attributes as Strapi's metadata types them (a union per kind); the kit reads only columnName.
    metadata: { get(uid: string): { tableName: string; attributes: Record<string, object> } };
    connection: Knex;
    getSchemaName(): string | undefined;
  };
}

/**
 * Table and column names from Strapi's metadata (never typed by hand: Strapi
 * shortens and renames them), and tables in the configured PostgreSQL schema
 * (DATABASE_SCHEMA), so plain SQL runs where Strapi's own queries run.
 */
export function sqlNames(strapi: StrapiDatabase) {
  const meta = (uid: string) => {
    const found = strapi.db.metadata.get(uid);
    if (!found) throw new Error(`unknown content type ${uid}`);
    return found;
  };
  const inSchema = (knex: Knex, name: string) => {
    const schema = strapi.db.getSchemaName();
    return schema ? knex(name).withSchema(schema) : knex(name);
  };
  return {
    tableName: (uid: string) => meta(uid).tableName,
    column(uid: string, attribute: string): string {
      const name = (meta(uid).attributes[attribute] as { columnName?: string } | undefined)?.columnName;
      if (!name) throw new Error(`${uid} has no attribute "${attribute}"`);
      return name;
    },
    /** A query on the table of `uid`, in a transaction when `knex` is one. */
    table: (knex: Knex, uid: string) => inSchema(knex, meta(uid).tableName),
    /** A query on a table that has no content type of its own, such as Strapi's join tables. */
    tableNamed: (knex: Knex, name: string) => inSchema(knex, name),
  };
}
