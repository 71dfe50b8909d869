import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/** Table and column names from Strapi's metadata, and tables in the configured PostgreSQL schema. */
export function sqlNames(strapi: Core.Strapi) {
  return {
    column(uid: string, attribute: string) {
      const meta = strapi.db.metadata.get(uid as any) as any;
      const name = meta.attributes[attribute]?.columnName;
      if (!name) throw new Error(`[idea-support] ${uid} has no attribute "${attribute}"`);
      return name as string;
    },
    tableName: (uid: string) => strapi.db.metadata.get(uid as any).tableName as string,
    table(knex: Knex, name: string) {
      const schema = strapi.db.getSchemaName();
      return schema ? knex(name).withSchema(schema) : knex(name);
    },
  };
}
