import { COLUMNS, type Column } from './columns';
import {
  isBlank,
  readCoordinate,
  readDateTime,
  readDecimal,
  readEmail,
  readInteger,
  readLanguage,
  readList,
  readRecurrence,
  readText,
  readUrl,
  type Cell,
} from './cells';
import type { ImportType, RowProblem, SourceRecord } from './types';

export type Data = Record<string, unknown>;

/** Names as written in the file, resolved to documentIds once the lookups are loaded. */
export interface References {
  categories?: string[];
  neighbourhoods?: string[];
  neighbourhood?: string | null;
  organisation?: string | null;
}

export interface CheckedRow {
  line: number;
  externalId: string | null;
  nl: Data;
  en: Data;
  refs: References;
  problems: RowProblem[];
}

function readCell(column: Column, raw: unknown): Cell<unknown> {
  switch (column.kind) {
    case 'email':
      return readEmail(raw);
    case 'url':
      return readUrl(raw);
    case 'latitude':
    case 'longitude':
      return readCoordinate(raw, column.kind);
    case 'decimal':
      return readDecimal(raw);
    case 'integer':
      return readInteger(raw);
    case 'datetime':
      return readDateTime(raw);
    case 'rrule':
      return readRecurrence(raw);
    case 'language':
      return readLanguage(raw);
    case 'list':
    case 'categories':
    case 'neighbourhoods':
      return { value: readList(raw) };
    default:
      return readText(raw, column.max);
  }
}

const REFERENCE_KINDS = new Set(['categories', 'neighbourhoods', 'neighbourhood', 'organisation']);

function crossFieldProblems(nl: Data, present: Set<string>, known: RowProblem[]): RowProblem[] {
  const problems: RowProblem[] = [];
  const unreadable = new Set(known.map((p) => p.field));
  const hasLat = nl.latitude != null;
  const hasLng = nl.longitude != null;
  if (present.has('latitude') && present.has('longitude') && hasLat !== hasLng && !unreadable.has('latitude') && !unreadable.has('longitude')) {
    problems.push({ field: hasLat ? 'longitude' : 'latitude', reason: 'bad coordinates: give both latitude and longitude, or neither' });
  }
  if (typeof nl.startsAt === 'string' && typeof nl.endsAt === 'string' && nl.endsAt < nl.startsAt) {
    problems.push({ field: 'endsAt', reason: 'bad date: ends before it starts' });
  }
  if (nl.recurrence && !nl.startsAt && !unreadable.has('startsAt')) problems.push({ field: 'startsAt', reason: 'a recurring activity needs a start date' });
  return problems;
}

/** One record checked against the columns of its type; only columns the file has are touched. */
export function checkRecord(type: ImportType, record: SourceRecord, present: Set<string>): CheckedRow {
  const row: CheckedRow = { line: record.line, externalId: null, nl: {}, en: {}, refs: {}, problems: [] };
  for (const column of COLUMNS[type]) {
    if (!present.has(column.name)) continue;
    const raw = record.values[column.name];
    if (isBlank(raw)) {
      if (column.required) row.problems.push({ field: column.name, reason: `missing ${column.name}` });
      else if (REFERENCE_KINDS.has(column.kind)) (row.refs as Data)[column.attribute] = column.kind.endsWith('s') ? [] : null;
      else row[column.locale][column.attribute] = column.kind === 'list' ? [] : null;
      continue;
    }
    const cell = readCell(column, raw);
    if ('reason' in cell) {
      row.problems.push({ field: column.name, reason: cell.reason });
    } else if (REFERENCE_KINDS.has(column.kind)) {
      (row.refs as Data)[column.attribute] = column.kind === 'neighbourhood' || column.kind === 'organisation' ? String(cell.value) : cell.value;
    } else {
      row[column.locale][column.attribute] = cell.value;
    }
  }
  row.externalId = typeof row.nl.externalId === 'string' ? row.nl.externalId : null;
  row.problems.push(...crossFieldProblems(row.nl, present, row.problems));
  return row;
}

/** Two rows with one externalId would fight over one item: both are refused, not the last one winning. */
export function markDuplicates(rows: CheckedRow[]) {
  const lines = new Map<string, number[]>();
  for (const row of rows) if (row.externalId) lines.set(row.externalId, [...(lines.get(row.externalId) ?? []), row.line]);
  for (const row of rows) {
    const same = row.externalId ? lines.get(row.externalId)! : [];
    if (same.length > 1) {
      row.problems.push({ field: 'externalId', reason: `externalId "${row.externalId}" appears more than once (lines ${same.join(', ')})` });
    }
  }
}

/** Which columns are required but missing, and which are not ours (ignored). */
export function checkColumns(type: ImportType, columns: string[]) {
  const known = new Set(COLUMNS[type].map((c) => c.name));
  return {
    missing: COLUMNS[type].filter((c) => c.required && !columns.includes(c.name)).map((c) => c.name),
    unknown: columns.filter((c) => !known.has(c)),
  };
}
