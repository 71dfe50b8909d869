import type { ImportType } from './types';

/**
 * What a cell may hold. Lists are separated by `|` in CSV (JSON may use arrays);
 * references name a category or neighbourhood, or an organisation's externalId.
 */
export type Kind =
  | 'text'
  | 'email'
  | 'url'
  | 'latitude'
  | 'longitude'
  | 'decimal'
  | 'integer'
  | 'datetime'
  | 'rrule'
  | 'language'
  | 'list'
  | 'categories'
  | 'neighbourhoods'
  | 'neighbourhood'
  | 'organisation';

export interface Column {
  name: string;
  kind: Kind;
  /** The attribute it fills; defaults to the column name (without `_en`). */
  attribute: string;
  /** Localized columns fill the nl version, or the en version with an `_en` suffix. */
  locale: 'nl' | 'en';
  required?: boolean;
  max?: number;
}

const col = (name: string, kind: Kind, extra: Partial<Column> = {}): Column => ({ name, kind, attribute: name, locale: 'nl', ...extra });
const english = (column: Column): Column => ({ ...column, name: `${column.name}_en`, locale: 'en', required: false });

const place = [
  col('address', 'text', { max: 200 }),
  col('postalCode', 'text', { max: 16 }),
  col('city', 'text', { max: 100 }),
  col('latitude', 'latitude'),
  col('longitude', 'longitude'),
];

const organisationDescription = col('description', 'text', { max: 10000 });

export const COLUMNS: Record<ImportType, Column[]> = {
  organisations: [
    col('externalId', 'text', { required: true, max: 100 }),
    col('name', 'text', { required: true, max: 200 }),
    organisationDescription,
    english(organisationDescription),
    col('categories', 'categories'),
    col('neighbourhoods', 'neighbourhoods'),
    ...place,
    col('phone', 'text', { max: 40 }),
    col('email', 'email'),
    col('website', 'url'),
    col('reminderEmail', 'email'),
    col('preferredLanguage', 'language'),
  ],
  activities: (() => {
    const title = col('title', 'text', { required: true, max: 200 });
    const description = col('description', 'text', { max: 10000 });
    const costNote = col('costNote', 'text', { max: 200 });
    return [
      col('externalId', 'text', { required: true, max: 100 }),
      title,
      english(title),
      description,
      english(description),
      col('organisation', 'organisation'),
      col('categories', 'categories'),
      col('neighbourhood', 'neighbourhood'),
      ...place,
      col('startsAt', 'datetime'),
      col('endsAt', 'datetime'),
      col('recurrence', 'rrule'),
      col('cost', 'decimal'),
      costNote,
      english(costNote),
      col('targetGroups', 'list'),
      col('capacity', 'integer'),
      col('enrolmentUrl', 'url'),
    ];
  })(),
};

/** A file with a `title` column holds activities; otherwise organisations. */
export const guessType = (columns: string[]): ImportType => (columns.includes('title') ? 'activities' : 'organisations');
