import crypto from 'node:crypto';
import type { Knex } from 'knex';
import { sqlNames, type StrapiDatabase } from './sql';

/** A documentId as Strapi makes them: 24 characters. */
export const newDocumentId = () => crypto.randomBytes(12).toString('hex');

/**
 * A row as Strapi's query engine would write it: columns named by attribute,
 * a new documentId, the timestamps (publishedAt too where the type has it:
 * Strapi sets it on types without drafts), JSON attributes as JSON text.
 */
export function rowOf(strapi: StrapiDatabase, uid: string, values: Record<string, unknown>, now = new Date()): Record<string, unknown> {
  const names = sqlNames(strapi);
  const { attributes } = strapi.db.metadata.get(uid);
  const column = (attribute: string) => names.column(uid, attribute);
  const row: Record<string, unknown> = { [column('documentId')]: newDocumentId(), [column('createdAt')]: now, [column('updatedAt')]: now };
  if (attributes.publishedAt) row[column('publishedAt')] = now;
  for (const [attribute, value] of Object.entries(values)) {
    const isJson = (attributes[attribute] as { type?: string } | undefined)?.type === 'json';
    row[column(attribute)] = isJson && value !== null && value !== undefined ? JSON.stringify(value) : value;
  }
  return row;
}

const idOf = (inserted: unknown[]) => {
  const first = inserted[0] as { id?: number } | number;
  return Number(typeof first === 'object' ? first.id : first);
};

/** Inserts one row in one statement (Strapi's create reads it back and opens a transaction: three more); answers its id. */
export async function insertRow(strapi: StrapiDatabase, uid: string, values: Record<string, unknown>, knex: Knex = strapi.db.connection): Promise<number> {
  return idOf(await sqlNames(strapi).table(knex, uid).insert(rowOf(strapi, uid, values)).returning('id'));
}

/**
 * Inserts a row unless one with the same values in `uniqueOn` exists, in one
 * statement (INSERT … ON CONFLICT DO NOTHING RETURNING id): of any number of
 * processes trying at once, exactly one gets the id, the others null. This
 * is how a run claims its time slot, a mail its send-log row and a resident
 * their one support. `values` are keyed by attribute; the documentId and
 * timestamps are filled in. Pass `knex` to claim inside a transaction.
 */
export async function claimRow(
  strapi: StrapiDatabase,
  uid: string,
  values: Record<string, unknown>,
  uniqueOn: string[],
  knex: Knex = strapi.db.connection
): Promise<number | null> {
  const names = sqlNames(strapi);
  const inserted = await names
    .table(knex, uid)
    .insert(rowOf(strapi, uid, values))
    .onConflict(uniqueOn.map((attribute) => names.column(uid, attribute)))
    .ignore()
    .returning('id');
  return inserted.length ? idOf(inserted) : null;
}
