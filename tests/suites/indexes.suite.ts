import { ensurePublicReadIndexes, publicReadIndexes } from '../../src/bootstrap/indexes';
import { databaseClient, strapi } from '../helpers/strapi';

/** Index name → its definition (CREATE INDEX …) as the database reports it. */
async function indexDefinitions(): Promise<Map<string, string>> {
  const knex = strapi().db.connection;
  if (databaseClient() === 'postgres') {
    const { rows } = await knex.raw('SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE schemaname = ?', [strapi().db.getSchemaName()]);
    return new Map(rows.map((r: { name: string; sql: string }) => [r.name, r.sql]));
  }
  const rows = await knex.raw(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`);
  return new Map(rows.map((r: { name: string; sql: string }) => [r.name, r.sql]));
}

const expectAllPresent = async () => {
  const existing = await indexDefinitions();
  const missing = publicReadIndexes(strapi())
    .map((spec) => spec.name)
    .filter((name) => !existing.has(name));
  expect(missing).toEqual([]);
  return existing;
};

describe('public-read indexes', () => {
  it('covers the public filter of every published type and the reverse direction of every link table', () => {
    const byName = new Map(publicReadIndexes(strapi()).map((spec) => [spec.name, spec]));
    expect(byName.get('activities_public_idx')).toEqual({
      name: 'activities_public_idx',
      table: 'activities',
      columns: ['locale', 'id'],
      where: 'published_at IS NOT NULL AND archived_at IS NULL',
    });
    expect(byName.get('activities_public_doc_idx')).toEqual({
      name: 'activities_public_doc_idx',
      table: 'activities',
      columns: ['document_id', 'locale'],
      where: 'published_at IS NOT NULL AND archived_at IS NULL',
    });
    // category has no archivedAt: published is all the public filter asks.
    expect(byName.get('categories_public_idx')?.where).toBe('published_at IS NOT NULL');
    expect(byName.get('activities_categories_lnk_rev_idx')?.columns).toEqual(['category_id', 'activity_id']);
    expect(byName.get('activities_neighbourhood_lnk_rev_idx')?.columns).toEqual(['neighbourhood_id', 'activity_id']);
    // Without draft & publish every row is published: nothing to narrow.
    expect(byName.has('one_time_tokens_public_idx')).toBe(false);
    // One index per link table, not a second one from the relation's inverse side.
    expect(byName.has('activities_organisation_lnk_rev_idx')).toBe(true);
    expect([...byName.keys()].filter((name) => name.startsWith('activities_organisation_lnk'))).toHaveLength(1);
    expect([...byName.keys()].every((name) => name.length <= 55)).toBe(true);
  });

  it('exist after boot, partial where the public filter is', async () => {
    const existing = await expectAllPresent();
    const activities = existing.get('activities_public_idx') ?? '';
    expect(activities).toMatch(/WHERE/i);
    expect(activities).toMatch(/published_at IS NOT NULL/i);
    expect(activities).toMatch(/archived_at IS NULL/i);
  });

  it("survive Strapi's schema sync, as on the next boot", async () => {
    // The full three-way diff a boot runs when the schema changed (a plain boot skips it
    // when the schema hash is unchanged): it must not drop indexes it did not create.
    await strapi().db.schema.syncSchema();
    await expectAllPresent();
  });

  it('are put back when missing, and creating them again is harmless', async () => {
    const schema = strapi().db.getSchemaName();
    await strapi().db.connection.raw('DROP INDEX ??', [`${schema ? `${schema}.` : ''}activities_categories_lnk_rev_idx`]);
    expect((await indexDefinitions()).has('activities_categories_lnk_rev_idx')).toBe(false);
    await ensurePublicReadIndexes(strapi());
    await ensurePublicReadIndexes(strapi());
    await expectAllPresent();
  });
});
