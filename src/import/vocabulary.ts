import { slugify } from '../lib/slugify';

/** "Spórt en Bewegen", "sport en bewegen" and "sport-en-bewegen" are one key: lower case, accents and punctuation gone. */
export const matchKey = (value: string) => slugify(value);

export interface Term {
  documentId: string;
  slug: string;
  names: string[];
}

/** Categories or neighbourhoods, found by slug or by any of their names (nl or en). */
export function createVocabulary(terms: Term[]) {
  const byKey = new Map<string, string>();
  for (const term of terms) {
    for (const label of [term.slug, ...term.names]) {
      const key = label ? matchKey(label) : '';
      if (key && !byKey.has(key)) byKey.set(key, term.documentId);
    }
  }
  return {
    find: (value: string): string | undefined => byKey.get(matchKey(value)),
  };
}

export type Vocabulary = ReturnType<typeof createVocabulary>;
