import knexFactory from 'knex';
import { NOT_ARCHIVED, publicRule } from '../public-rule';
import type { StrapiDatabase } from '../sql';

/** Strapi's metadata of two types, as the rule reads it: an archivable one and one without archivedAt. */
const strapi = {
  db: {
    metadata: {
      get: (uid: string) =>
        ({
          'api::activity.activity': { tableName: 'activities', attributes: { publishedAt: { columnName: 'published_at' }, archivedAt: { columnName: 'archived_at' } } },
          'api::category.category': { tableName: 'categories', attributes: { publishedAt: { columnName: 'published_at' } } },
        })[uid]!,
    },
  },
} as unknown as StrapiDatabase;

describe('plugin-kit publicRule: one definition of "public", four ways to ask', () => {
  const activity = publicRule(strapi, 'api::activity.activity');
  const category = publicRule(strapi, 'api::category.category');
  // SQL is only built here, never sent: knex needs no connection for that.
  const pg = knexFactory({ client: 'pg' });

  it('says the same in Document Service filters, Query Engine where, knex and SQL text', () => {
    expect(activity.documentFilters).toBe(NOT_ARCHIVED);
    expect(activity.where).toEqual({ publishedAt: { $notNull: true }, archivedAt: { $null: true } });
    expect(activity.narrow(pg.from({ a: 'activities' }).select('a.id'), 'a').toString()).toBe(
      'select "a"."id" from "activities" as "a" where "a"."published_at" is not null and "a"."archived_at" is null'
    );
    expect(activity.sql()).toBe('published_at IS NOT NULL AND archived_at IS NULL');
    expect(activity.sql('v')).toBe('v.published_at IS NOT NULL AND v.archived_at IS NULL');
  });

  it('a type without archivedAt is public when published', () => {
    expect(category.archivable).toBe(false);
    expect(category.documentFilters).toBeUndefined();
    expect(category.where).toEqual({ publishedAt: { $notNull: true } });
    expect(category.sql()).toBe('published_at IS NOT NULL');
  });

  it('judges rows already read the same way', () => {
    expect(activity.holdsFor({ publishedAt: '2026-01-01', archivedAt: null })).toBe(true);
    expect(activity.holdsFor({ publishedAt: '2026-01-01', archivedAt: '2026-02-01' })).toBe(false);
    expect(activity.holdsFor({ publishedAt: null })).toBe(false);
    expect(category.holdsFor({ publishedAt: '2026-01-01', archivedAt: '2026-02-01' })).toBe(true);
  });
});
