import { parse } from 'csv-parse/sync';
import { errors } from '@strapi/utils';
import type { SourceRecord } from './types';
import { unprotectCell } from '../export/spreadsheet-cell';

export interface ParsedFile {
  columns: string[];
  records: SourceRecord[];
}

const BOM = /^\uFEFF/;

/** Spreadsheets in the Netherlands save CSV with `;`; the header line tells which one a file uses. */
export function detectDelimiter(text: string): ';' | ',' {
  const header = text.replace(BOM, '').split(/\r?\n/, 1)[0] ?? '';
  const count = (ch: string) => header.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

export function detectFormat(text: string, filename?: string): 'csv' | 'json' {
  if (filename && /\.json$/i.test(filename)) return 'json';
  if (filename && /\.csv$/i.test(filename)) return 'csv';
  return /^[\s\uFEFF]*[[{]/.test(text) ? 'json' : 'csv';
}

function parseCsv(text: string): ParsedFile {
  let columns: string[] = [];
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      columns: (header: string[]) => (columns = header.map((h) => h.trim())),
      skip_empty_lines: true,
      trim: true,
      info: true,
      // Undoes the ' our export puts before text a spreadsheet would run as a formula.
      cast: (value: string, context: { header: boolean }) => (context.header ? value : unprotectCell(value)),
    }) as any;
  } catch (error) {
    throw new errors.ValidationError(`The CSV file cannot be read: ${(error as Error).message}`);
  }
  // info.lines is the line a record ends on, which is its own line unless a quoted cell spans lines.
  return { columns, records: rows.map(({ record, info }) => ({ line: info.lines, values: record })) };
}

function parseJson(text: string): ParsedFile {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(BOM, ''));
  } catch (error) {
    throw new errors.ValidationError(`The JSON file cannot be read: ${(error as Error).message}`);
  }
  const list = Array.isArray(value) ? value : (value as { data?: unknown } | null)?.data;
  if (!Array.isArray(list)) throw new errors.ValidationError('A JSON file must hold a list of objects, or { "data": [ … ] }');
  const columns = new Set<string>();
  const records = list.map((item, index) => {
    const values = item && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>) : {};
    Object.keys(values).forEach((k) => columns.add(k));
    return { line: index + 1, values };
  });
  return { columns: [...columns], records };
}

/** CSV (UTF-8, `;` or `,`, header row, optional BOM) or JSON, into records with their line numbers. */
export function parseImportFile(content: string | Buffer, options: { format?: 'csv' | 'json'; filename?: string } = {}): ParsedFile {
  const text = typeof content === 'string' ? content : content.toString('utf8');
  if (!text.replace(BOM, '').trim()) throw new errors.ValidationError('The file is empty');
  return (options.format ?? detectFormat(text, options.filename)) === 'json' ? parseJson(text) : parseCsv(text);
}
