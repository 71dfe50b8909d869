import fs from 'node:fs';
import path from 'node:path';
import { parseImportFile, detectDelimiter } from '../parse';
import { readDateTime, readCoordinate, readDecimal, readRecurrence } from '../cells';
import { checkRecord, markDuplicates, checkColumns } from '../validate';
import { createVocabulary, matchKey } from '../vocabulary';
import { CATEGORIES, NEIGHBOURHOODS } from '../../seed/vocabulary';
import { slugify } from '../../lib/slugify';

const SAMPLES = path.resolve(__dirname, '../../../data/samples');

describe('parsing files', () => {
  it('detects ; and , from the header line, strips a BOM and numbers lines from the header', () => {
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('\uFEFFa,b\n1;2,3')).toBe(',');
    const parsed = parseImportFile('\uFEFFexternalId;name\nx1;Eén\n\nx2;"Twee; met puntkomma"\n');
    expect(parsed.columns).toEqual(['externalId', 'name']);
    expect(parsed.records).toEqual([
      { line: 2, values: { externalId: 'x1', name: 'Eén' } },
      { line: 4, values: { externalId: 'x2', name: 'Twee; met puntkomma' } },
    ]);
  });

  it('reads a JSON list or { data: [...] }, and refuses anything else with a clear message', () => {
    expect(parseImportFile('[{"externalId":"a"}]').records).toEqual([{ line: 1, values: { externalId: 'a' } }]);
    expect(parseImportFile('{"data":[{"name":"b"}]}', { filename: 'x.json' }).columns).toEqual(['name']);
    expect(() => parseImportFile('{"rows":1}')).toThrow(/list of objects/);
    expect(() => parseImportFile('   ')).toThrow(/empty/);
    expect(() => parseImportFile('a;b\n"open')).toThrow(/cannot be read/);
  });
});

describe('cells', () => {
  it('reads dates as Amsterdam time unless an offset is given, and refuses dates that do not exist', () => {
    expect(readDateTime('2027-01-05T10:00')).toEqual({ value: '2027-01-05T09:00:00.000Z' });
    expect(readDateTime('2027-07-05 10:00')).toEqual({ value: '2027-07-05T08:00:00.000Z' });
    expect(readDateTime('05-07-2027 10:00')).toEqual({ value: '2027-07-05T08:00:00.000Z' });
    expect(readDateTime('2027-07-05T10:00Z')).toEqual({ value: '2027-07-05T10:00:00.000Z' });
    expect(readDateTime('2027-07-05T10:00+05:30')).toEqual({ value: '2027-07-05T04:30:00.000Z' });
    expect(readDateTime('2027-02-29')).toEqual({ reason: 'bad date: "2027-02-29" does not exist' });
    expect(readDateTime('morgen')).toMatchObject({ reason: expect.stringMatching(/^bad date/) });
  });

  it('reads coordinates and amounts with a decimal comma, within range', () => {
    expect(readCoordinate('52,1561', 'latitude')).toEqual({ value: 52.1561 });
    expect(readCoordinate('91', 'latitude')).toMatchObject({ reason: expect.stringMatching(/outside/) });
    expect(readDecimal('€ 2,50')).toEqual({ value: 2.5 });
    expect(readDecimal('-1')).toHaveProperty('reason');
  });

  it('accepts RRULEs the activity schema accepts, and nothing else', () => {
    expect(readRecurrence('freq=weekly;byday=tu')).toEqual({ value: 'FREQ=WEEKLY;BYDAY=TU' });
    expect(readRecurrence('RRULE:FREQ=MONTHLY;BYDAY=1SA')).toHaveProperty('value');
    expect(readRecurrence('every monday')).toHaveProperty('reason');
  });
});

describe('checking rows', () => {
  const present = (...names: string[]) => new Set(names);

  it('names the field and the reason of every problem, and leaves absent columns alone', () => {
    const row = checkRecord('organisations', { line: 7, values: { externalId: 'a', name: '', email: 'nope', latitude: '52.1' } }, present('externalId', 'name', 'email', 'latitude', 'longitude'));
    expect(row.problems).toEqual([
      { field: 'name', reason: 'missing name' },
      { field: 'email', reason: '"nope" is not an email address' },
      { field: 'longitude', reason: 'bad coordinates: give both latitude and longitude, or neither' },
    ]);
    expect(row.nl).not.toHaveProperty('phone');
  });

  it('refuses both rows that share an externalId', () => {
    const rows = [1, 2].map((line) => checkRecord('organisations', { line, values: { externalId: 'same', name: 'X' } }, present('externalId', 'name')));
    markDuplicates(rows);
    expect(rows.map((r) => r.problems[0]?.field)).toEqual(['externalId', 'externalId']);
  });

  it('lists missing required and unknown columns', () => {
    expect(checkColumns('activities', ['externalId', 'colour'])).toEqual({ missing: ['title'], unknown: ['colour'] });
  });
});

describe('matching categories and neighbourhoods', () => {
  const vocabulary = createVocabulary([{ documentId: 'sport-id', slug: 'sport', names: ['Sport en bewegen', 'Sport'] }]);

  it('matches by name or slug, without regard to case or accents', () => {
    for (const name of ['Sport en Bewegen', 'sport-en-bewegen', 'Spórt en bewegen', 'SPORT', ' sport ']) expect(vocabulary.find(name)).toBe('sport-id');
    expect(vocabulary.find('Breien')).toBeUndefined();
    expect(matchKey('Café de Ontmoeting')).toBe('cafe-de-ontmoeting');
  });

  it('every category and neighbourhood in the sample files exists in the demo town', () => {
    const seed = createVocabulary([
      ...CATEGORIES.map((c) => ({ documentId: c.slug, slug: c.slug, names: [c.name.nl, c.name.en] })),
      ...NEIGHBOURHOODS.map((n) => ({ documentId: slugify(n.name), slug: slugify(n.name), names: [n.name] })),
    ]);
    for (const file of ['launch-organisations.csv', 'launch-activities.csv']) {
      const { records } = parseImportFile(fs.readFileSync(path.join(SAMPLES, file)));
      expect(records.length).toBe(file.includes('organisations') ? 200 : 350);
      for (const { values } of records) {
        const names = [values.categories, values.neighbourhoods, values.neighbourhood].filter(Boolean).flatMap((v) => String(v).split('|'));
        for (const name of names) expect(seed.find(name)).toBeDefined();
      }
    }
  });
});
