import { parseSearchQuery } from '../query';
import { corrections } from '../search';
import { ftsQuery } from '../sqlite-store';
import { tsQuery } from '../postgres-store';

describe('parseSearchQuery', () => {
  it('keeps the words, drops stop words, and fills in defaults', () => {
    expect(parseSearchQuery({ q: 'Koken en eten in de Buurt' })).toMatchObject({
      words: ['koken', 'eten', 'buurt'], hasQuery: true, types: ['activity', 'organisation', 'initiative'], locale: 'nl', page: 1, pageSize: 25,
    });
    expect(parseSearchQuery({ q: 'de', types: 'initiative,activity' })).toMatchObject({ words: [], hasQuery: true, types: ['initiative', 'activity'] });
  });

  it('allows an empty q only with a filter', () => {
    expect(parseSearchQuery({ category: 'sport' })).toMatchObject({ words: [], hasQuery: false, category: 'sport' });
    expect(() => parseSearchQuery({})).toThrow(/^q: /);
    expect(() => parseSearchQuery({ q: '  ' })).toThrow(/^q: /);
  });

  it.each([
    [{ q: 'x'.repeat(201) }, /^q: is longer than 200/],
    [{ q: ['a', 'b'] }, /^q: give it once/],
    [{ q: 'a', types: 'event' }, /^types: /],
    [{ q: 'a', types: ',' }, /^types: /],
    [{ q: 'a', bbox: '1,2,3,4' }, /Unknown query parameters: bbox/],
    [{ q: 'a', near: '1' }, /^near: /],
    [{ q: 'a', locale: 'fr' }, /^locale: /],
  ])('refuses %j', (query, message) => {
    expect(() => parseSearchQuery(query as Record<string, unknown>)).toThrow(message);
  });
});

describe('query building', () => {
  const terms = [{ word: 'fietsen', stem: 'fiets', alternatives: [] }, { word: 'sportt', stem: 'sportt', alternatives: ['sport'] }];

  it('prefix-matches every stem and its corrections, all words required', () => {
    expect(ftsQuery(terms)).toBe('("fiets"*) AND ("sportt"* OR "sport"*)');
    expect(tsQuery(terms)).toBe("('fiets':*) & ('sportt':* | 'sport':*)");
  });

  it('corrects unknown words to the nearest indexed terms within the typo budget', () => {
    expect(corrections({ word: 'sportt', stem: 'sportt', known: false, candidates: ['spot', 'sport', 'sporthal'] })).toEqual(['sport']);
    expect(corrections({ word: 'sportt', stem: 'sportt', known: false, candidates: ['sportverenig', 'spot'] })).toEqual(['sport']);
    expect(corrections({ word: 'sportt', stem: 'sportt', known: true, candidates: ['sport'] })).toEqual([]);
    expect(corrections({ word: 'kat', stem: 'kat', known: false, candidates: ['kas'] })).toEqual([]);
    expect(corrections({ word: 'bibliotheek', stem: 'bibliothek', known: false, candidates: ['bibliothe', 'bieb'] })).toEqual(['bibliothe']);
  });

  it('sees past an ending the stemmer kept because of a typo in it', () => {
    // "tuinierenn": the doubled n keeps the stemmer from taking off -en.
    expect(corrections({ word: 'tuinierenn', stem: 'tuinierenn', known: false, candidates: ['tuinier', 'tuin'] })).toEqual(['tuinier']);
    expect(corrections({ word: 'wandelenn', stem: 'wandelenn', known: false, candidates: ['wandel', 'wandelclub'] })).toEqual(['wandel']);
    // A short word has no room for a loose ending.
    expect(corrections({ word: 'tuinn', stem: 'tuinn', known: false, candidates: ['tu'] })).toEqual([]);
  });
});
