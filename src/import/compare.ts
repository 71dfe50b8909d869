import { COLUMNS, type Column } from './columns';
import type { ImportType } from './types';
import type { Data } from './validate';

const ORDERLESS = new Set(['categories', 'neighbourhoods']);

/** One spelling per value, whatever the database driver returns (ms integers, Date objects, decimal strings). */
function canonical(column: Column, value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null;
  switch (column.kind) {
    case 'datetime':
      return new Date(value as string).toISOString();
    case 'latitude':
    case 'longitude':
    case 'decimal':
    case 'integer':
      return Number(value);
    case 'list':
    case 'categories':
    case 'neighbourhoods': {
      const list = (value as unknown[]).map(String);
      return ORDERLESS.has(column.kind) ? list.sort() : list;
    }
    default:
      return String(value);
  }
}

/** Names of the attributes of `locale` whose value in the file differs from the stored one. */
export function changedAttributes(type: ImportType, locale: 'nl' | 'en', incoming: Data, stored: Data | null): string[] {
  return COLUMNS[type]
    .filter((c) => c.locale === locale && c.attribute in incoming)
    .filter((c) => JSON.stringify(canonical(c, incoming[c.attribute])) !== JSON.stringify(canonical(c, stored?.[c.attribute])))
    .map((c) => c.attribute);
}
