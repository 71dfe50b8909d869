import type { PhaseTimes } from './timing';

export type ImportType = 'organisations' | 'activities';
export const IMPORT_TYPES: ImportType[] = ['organisations', 'activities'];

export const UIDS = {
  organisations: 'api::organisation.organisation',
  activities: 'api::activity.activity',
} as const;

export type ImportWriter = 'bulk' | 'document-service';

export type RowStatus = 'created' | 'updated' | 'unchanged' | 'rejected';

export interface RowProblem {
  field: string;
  reason: string;
}

/** One line of the file: what happened to it, and why when it was refused. */
export interface RowResult {
  /** Line in a CSV file (the header is line 1); position (from 1) in a JSON list. */
  line: number;
  externalId: string | null;
  status: RowStatus;
  documentId?: string;
  problems?: RowProblem[];
}

export interface ImportTotals {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportReport {
  type: ImportType;
  dryRun: boolean;
  allOrNothing: boolean;
  /** False when nothing was written: a dry run, or all-or-nothing with a rejected row. */
  written: boolean;
  totals: ImportTotals;
  rows: RowResult[];
  /** About the file as a whole, e.g. columns that were ignored. */
  warnings: string[];
  durationMs: number;
  /** Wall time per phase (parse, check, lookups, plan, insert, links, search, update, cache), in ms. */
  phasesMs: PhaseTimes;
}

export interface ImportOptions {
  type?: ImportType;
  /** 'csv' or 'json'; guessed from the file name or the content when absent. */
  format?: 'csv' | 'json';
  filename?: string;
  dryRun?: boolean;
  allOrNothing?: boolean;
  /** `bulk` (default): new items in multi-row INSERTs, changed ones through the Document Service; `document-service`: every row through it. */
  writer?: ImportWriter;
  log?: (line: string) => void;
}

/** A row after parsing: raw values by column, and where it came from. */
export interface SourceRecord {
  line: number;
  values: Record<string, unknown>;
}
