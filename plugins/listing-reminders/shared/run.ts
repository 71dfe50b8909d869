/**
 * What a reminder run answers and the staff page shows: one definition,
 * imported by server/src/services/reminders.ts and admin/src/api/reminders.ts.
 */

/** An organisation that gets the quarterly mail. */
export interface ReminderRecipient {
  documentId: string;
  name: string;
  email: string;
  language: 'nl' | 'en';
}

/** The body of POST /listing-reminders/runs. */
export interface RunResult {
  runId: number | null;
  status: 'succeeded' | 'failed' | 'skipped';
  period: string;
  dryRun: boolean;
  sent: number;
  failed: number;
  /** Organisations that already had this period's mail. */
  skipped: number;
  /** Dry run: who would get a mail (the first 200; `wouldSend` counts them all). */
  recipients?: ReminderRecipient[];
  wouldSend?: number;
  durationMs: number;
}

/** A mail that failed after its last try; `organisation` is the organisation's documentId, `id` the outbox message staff retry. */
export interface SendFailure {
  id: number;
  organisation: string;
  email: string;
  attempts: number;
  lastError: string | null;
  updatedAt: string;
}
