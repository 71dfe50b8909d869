import { slugify } from '../lib/slugify';
import { changedAttributes } from './compare';
import type { ExistingItem } from './repository';
import type { ImportType, RowResult } from './types';
import type { CheckedRow, Data } from './validate';
import type { Vocabulary } from './vocabulary';

export interface Lookups {
  categories: Vocabulary;
  neighbourhoods: Vocabulary;
  organisations: Map<string, string>;
  existing: Map<string, ExistingItem>;
  slugs: Set<string>;
}

/** What one row will do: its result, and the data to write when it creates or updates. */
export interface RowPlan {
  result: RowResult;
  write?: { documentId?: string; slug: string; nl: Data; en: Data | null; hasEnglish: boolean };
}

/** Names in the file → documentIds; a name nobody knows is a problem of the row, never a new category. */
function resolveReferences(row: CheckedRow, lookups: Lookups) {
  const { refs, nl, problems } = row;
  const many = (field: 'categories' | 'neighbourhoods', noun: string) => {
    const names = refs[field];
    if (!names) return;
    const ids = names.map((name) => {
      const id = lookups[field].find(name);
      if (!id) problems.push({ field, reason: `unknown ${noun} "${name}"` });
      return id;
    });
    nl[field] = [...new Set(ids.filter(Boolean))]; // "Sport|sport-en-bewegen" is one category
  };
  many('categories', 'category');
  many('neighbourhoods', 'neighbourhood');
  if (refs.neighbourhood !== undefined) {
    nl.neighbourhood = refs.neighbourhood === null ? null : (lookups.neighbourhoods.find(refs.neighbourhood) ?? null);
    if (refs.neighbourhood && !nl.neighbourhood) problems.push({ field: 'neighbourhood', reason: `unknown neighbourhood "${refs.neighbourhood}"` });
  }
  if (refs.organisation !== undefined) {
    nl.organisation = refs.organisation === null ? null : (lookups.organisations.get(refs.organisation) ?? null);
    if (refs.organisation && !nl.organisation) {
      problems.push({ field: 'organisation', reason: `unknown organisation: no organisation has externalId "${refs.organisation}" (import organisations first)` });
    }
  }
}

function reserveSlug(text: string, taken: Set<string>) {
  const base = slugify(text) || 'item';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

/**
 * English cells only count when one of them has a value: an empty `_en`
 * column leaves an existing translation alone. An English activity without
 * its own title keeps the Dutch one (a title is required in every language).
 */
function englishData(type: ImportType, row: CheckedRow): Data | null {
  if (!Object.values(row.en).some((v) => v !== null)) return null;
  return type === 'activities' ? { ...row.en, title: row.en.title ?? row.nl.title } : { ...row.en };
}

export function planRow(type: ImportType, row: CheckedRow, lookups: Lookups): RowPlan {
  resolveReferences(row, lookups);
  const base = { line: row.line, externalId: row.externalId };
  if (row.problems.length) return { result: { ...base, status: 'rejected', problems: row.problems } };

  const en = englishData(type, row);
  const stored = lookups.existing.get(row.externalId!);
  if (!stored) {
    const slug = reserveSlug(String(row.nl.name ?? row.nl.title), lookups.slugs);
    return { result: { ...base, status: 'created' }, write: { slug, nl: row.nl, en, hasEnglish: Boolean(en) } };
  }
  const changed = [...changedAttributes(type, 'nl', row.nl, stored.nl), ...(en ? changedAttributes(type, 'en', en, stored.en) : [])];
  const result = { ...base, documentId: stored.documentId };
  if (!changed.length && stored.published && stored.approved) return { result: { ...result, status: 'unchanged' } };
  if (stored.archived) {
    return {
      result: { ...result, status: 'rejected', problems: [{ field: 'externalId', reason: 'this item is archived: restore it in the admin panel before importing changes' }] },
    };
  }
  return {
    result: { ...result, status: 'updated' },
    write: { documentId: stored.documentId, slug: stored.slug, nl: row.nl, en, hasEnglish: Boolean(en || stored.en) },
  };
}
