/**
 * What the server reports and the staff page shows: one definition, imported
 * by both (server/src/services/expiry.ts and admin/src/api/expiry.ts).
 */

/** An item named in a dry-run report. */
export interface ListedItem {
  documentId: string;
  title: string;
}

/** What one run did (or, in a dry run, would do) to one content type. */
export interface TypeReport {
  archived: number;
  /** Dependants archived along, per content type. */
  cascaded: Record<string, number>;
  deleted: number;
  warned: number;
  /** Dry run only: the first items that would be archived / deleted for good. */
  wouldArchive?: ListedItem[];
  wouldDelete?: ListedItem[];
}

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'interrupted' | 'skipped';
export type Trigger = 'schedule' | 'cli' | 'admin' | 'api';

export interface RunError {
  uid: string;
  message: string;
}

/** The body of POST /content-expiry/runs: the report of the run just done. */
export interface RunReport {
  runId: number | null;
  status: 'succeeded' | 'failed' | 'skipped';
  dryRun: boolean;
  types: Record<string, TypeReport>;
  /** Rows each of the app's clean-ups removed (in a dry run: would remove), by name. */
  housekeeping?: Record<string, number>;
  errors: RunError[];
  durationMs: number;
}
