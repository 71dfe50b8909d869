import crypto from 'node:crypto';
import type { Knex } from 'knex';
import { sqlNames, type StrapiDatabase } from './sql';

/** A documentId as Strapi makes them: 24 characters. */
export const newDocumentId = () => crypto.randomBytes(12).toString('hex');

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
  const column = (attribute: string) => names.column(uid, attribute);
  const now = new Date();
  const row: Record<string, unknown> = { [column('documentId')]: newDocumentId(), [column('createdAt')]: now, [column('updatedAt')]: now };
  for (const [attribute, value] of Object.entries(values)) row[column(attribute)] = value;
  const inserted = await names
    .table(knex, uid)
    .insert(row)
    .onConflict(uniqueOn.map(column))
    .ignore()
    .returning('id');
  if (!inserted.length) return null;
  const first = inserted[0] as { id?: number } | number;
  return Number(typeof first === 'object' ? first.id : first);
}
