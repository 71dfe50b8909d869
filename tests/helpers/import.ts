import { CATEGORIES, NEIGHBOURHOODS } from '../../src/seed/vocabulary';
import { slugify } from '../../src/lib/slugify';
import { createDocument } from './fixtures';
import { databaseClient, strapi } from './strapi';

/** The demo town's categories and neighbourhoods (nl and en names), which the import samples name. */
export async function ensureDemoVocabulary() {
  const ensure = async (uid: string, slug: string, nl: string, en: string) => {
    if (await strapi().db.query(uid as any).count({ where: { slug } })) return;
    const doc = await createDocument(uid, { name: nl, slug });
    await strapi().documents(uid as any).update({ documentId: doc.documentId, locale: 'en', data: { name: en, slug }, status: 'published' } as any);
  };
  for (const c of CATEGORIES) await ensure('api::category.category', c.slug, c.name.nl, c.name.en);
  for (const n of NEIGHBOURHOODS) await ensure('api::neighbourhood.neighbourhood', slugify(n.name), n.name, n.name);
}

/** Removes every locale and version of the documents of `uid` whose externalId starts with one of `prefixes`. */
export async function removeImported(uid: string, prefixes: string[]) {
  const rows = await strapi().db.query(uid as any).findMany({ where: { $or: prefixes.map((p) => ({ externalId: { $startsWith: p } })) }, select: ['documentId'] });
  for (const documentId of new Set(rows.map((r: { documentId: string }) => r.documentId))) {
    await strapi().documents(uid as any).delete({ documentId, locale: '*' } as any);
  }
}

/**
 * A real refusal by the database, whichever way the row is written: a trigger
 * that fails every INSERT into the table of `uid` whose `attribute` is `value`.
 * Returns the function that drops it again.
 */
export async function refuseRowsWith(uid: string, attribute: string, value: string): Promise<() => Promise<void>> {
  const knex = strapi().db.connection;
  const { tableName, attributes } = strapi().db.metadata.get(uid as any) as any;
  const column = attributes[attribute].columnName ?? attribute;
  const name = `refuse_${Date.now().toString(36)}`;
  const literal = `'${value.replace(/'/g, "''")}'`;
  if (databaseClient() === 'postgres') {
    await knex.raw(`CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN IF NEW."${column}" = ${literal} THEN RAISE EXCEPTION 'the database refused this row'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await knex.raw(`CREATE TRIGGER ${name} BEFORE INSERT ON "${tableName}" FOR EACH ROW EXECUTE FUNCTION ${name}()`);
    return async () => {
      await knex.raw(`DROP TRIGGER ${name} ON "${tableName}"`);
      await knex.raw(`DROP FUNCTION ${name}()`);
    };
  }
  await knex.raw(`CREATE TRIGGER ${name} BEFORE INSERT ON "${tableName}" WHEN NEW."${column}" = ${literal} BEGIN SELECT RAISE(ABORT, 'the database refused this row'); END`);
  return async () => {
    await knex.raw(`DROP TRIGGER ${name}`);
  };
}
