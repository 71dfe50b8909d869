import type { OutboxFailure } from '@buurtplein/plugin-kit';

/** What the staff page shows (GET /outbox/overview); the server builds it, the admin page reads it. */

export interface KindCounts {
  kind: string;
  /** Staff's name for the kind, per admin language; the kind itself when no running plugin registers it any more. */
  label: { nl: string; en: string };
  sent: number;
  failed: number;
  sending: number;
}

/** A mail that failed after its last try, as the kit's contract describes it to other plugins. */
export type FailedMessage = OutboxFailure;

export interface ListCounts {
  id: string;
  name: { nl: string; en: string };
  unsubscribed: number;
}

export interface OutboxOverview {
  kinds: KindCounts[];
  failed: FailedMessage[];
  lists: ListCounts[];
}

export type RetryOutcome = 'sent' | 'failed';
