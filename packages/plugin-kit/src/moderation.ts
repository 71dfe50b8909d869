import type { Core } from '@strapi/strapi';
import type { Language } from './contracts';

/**
 * A moderated item's status. `visible` is new; `hidden` waits for staff after
 * enough reports; `approved` stays visible whatever reports come; `removed`
 * is taken down.
 */
export type ModerationStatus = 'visible' | 'hidden' | 'approved' | 'removed';

/** What the public may see: filter lists on these. */
export const PUBLIC_MODERATION_STATUSES: readonly ModerationStatus[] = ['visible', 'approved'];

/**
 * A kind of user text the moderation flow looks after (reactions today,
 * questions and answers next), registered by the plugin that owns it. The
 * content type needs `status` (the enumeration above), `reportCount` and the
 * author's user id in `authorField`.
 */
export interface ModeratedType {
  uid: string;
  /** What staff read in the queue: "Reactie op een initiatief". */
  label: Record<Language, string>;
  /** The user id of who wrote it: nobody reports their own text. Default `userId`. */
  authorField?: string;
  /** The text staff judge, and where it stands (shown in the queue). */
  preview(row: Record<string, unknown>): { text: string; author: string | null; context: string | null };
}

export interface ReportOutcome {
  /** True when this call added a report (false: this person had reported it already). */
  counted: boolean;
  /** True only for the one call that hid the item. */
  hidden: boolean;
}

export interface Moderation {
  registerType(type: string, definition: ModeratedType): void;
  /** One person's report: counted once, hides the item at the threshold; a 404 for what is out of sight, a 400 for one's own text. */
  report(type: string, id: number, reporterId: number): Promise<ReportOutcome>;
  /** Reports kept in an older ledger, moved into this one: each person once, the items' counts left as they are. */
  carryOver(type: string, reports: { subjectId: number; userId: number }[]): Promise<number>;
}

/** The moderation plugin's service, or a start-up error that says which plugin needs it. */
export function moderationOf(strapi: Core.Strapi, neededBy: string): Moderation {
  const plugin = strapi.plugin('moderation');
  if (!plugin) throw new Error(`[${neededBy}] moderates through the moderation plugin: enable "moderation" in config/plugins.ts`);
  return plugin.service('moderation') as unknown as Moderation;
}
