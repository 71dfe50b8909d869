/** What the staff queue shows (GET /moderation/queue) and decides (POST /moderation/decisions); server and admin page share it. */

export type QueueStatus = 'hidden' | 'visible';

/** An item that was reported: hidden ones wait for a decision, visible ones were reported fewer times than the threshold. */
export interface QueueItem {
  type: string;
  /** Staff's name for the type, per admin language. */
  label: { nl: string; en: string };
  id: number;
  status: QueueStatus;
  reportCount: number;
  text: string;
  author: string | null;
  /** Where it stands, e.g. the initiative's documentId. */
  context: string | null;
  createdAt: string;
}

export type Decision = 'approve' | 'remove';

export interface DecisionResult {
  type: string;
  id: number;
  status: 'approved' | 'removed';
}
