import { PUBLIC_MODERATION_STATUSES, type ModerationStatus } from '@buurtplein/plugin-kit';
import type { Viewer } from './viewer';

/**
 * Who may find an item in the search index: 'public', 'members' (anyone
 * signed in), 'group:<documentId>' (that group's members) or 'staff'. The same
 * rule as rules.ts, for an index row instead of a query; the visibility suite
 * checks that search finds exactly what the REST lists show.
 */
type GroupRef = { documentId: string; visibility?: string } | null | undefined;

const inGroup = (group: GroupRef) => `group:${group!.documentId}`;

export function articleAudience({ visibility, group }: { visibility: string; group?: GroupRef }): string {
  if (visibility === 'hidden') return 'staff';
  if (visibility === 'group') return group ? inGroup(group) : 'staff';
  if (group?.visibility === 'secret') return inGroup(group);
  return visibility === 'members' ? 'members' : 'public';
}

export function questionAudience({ status, group }: { status: string; group?: GroupRef }): string {
  if (!PUBLIC_MODERATION_STATUSES.includes(status as ModerationStatus)) return 'staff';
  return group ? inGroup(group) : 'public';
}

/** The audiences a viewer belongs to; null for staff, who find everything. */
export function audiencesOf(viewer: Viewer): string[] | null {
  if (viewer.kind === 'staff') return null;
  if (viewer.kind === 'anonymous') return ['public'];
  return ['public', 'members', ...viewer.groups.map((group) => `group:${group}`)];
}
