import { PUBLIC_MODERATION_STATUSES } from '@buurtplein/plugin-kit';
import type { Viewer } from './viewer';

export type Filter = Record<string, unknown>;

export const GROUP = 'api::group.group';
export const ARTICLE = 'api::article.article';
export const QUESTION = 'api::question.question';
export const ANSWER = 'api::answer.answer';

/** Reported into hiding, or removed, by the moderation flow: out of sight for all but staff. */
const shownAfterModeration = { status: { $in: [...PUBLIC_MODERATION_STATUSES] } };
const groupsOf = (viewer: Viewer) => (viewer.kind === 'member' ? viewer.groups : []);

/**
 * Conditions on an item's group, each branch naming the relation once: the
 * Query Engine joins a relation anew for every mention, and four joins of the
 * same group made a member's article list three times as slow. On the left
 * join, a missing group has a null id.
 */
const noGroupOr = (...conditions: Filter[]): Filter => ({ group: { $or: [{ id: { $null: true } }, ...conditions] } });
const inGroups = (groups: string[]): Filter[] => (groups.length ? [{ documentId: { $in: groups } }] : []);

/** A secret group and all that is in it do not exist for someone outside it. */
const outsideSecretGroups = (viewer: Viewer): Filter => noGroupOr({ visibility: { $ne: 'secret' } }, ...inGroups(groupsOf(viewer)));

function articles(viewer: Viewer): Filter {
  if (viewer.kind === 'anonymous') return { $and: [{ visibility: 'public' }, outsideSecretGroups(viewer)] };
  const groups = groupsOf(viewer);
  return {
    $or: [
      { $and: [{ visibility: { $in: ['public', 'members'] } }, outsideSecretGroups(viewer)] },
      ...(groups.length ? [{ $and: [{ visibility: 'group' }, { group: { documentId: { $in: groups } } }] }] : []),
    ],
  };
}

/** A question asked in public, or inside a group its members see; hidden (reported) and removed ones nobody but staff. */
const questions = (viewer: Viewer): Filter => ({ $and: [shownAfterModeration, noGroupOr(...inGroups(groupsOf(viewer)))] });

/**
 * What each type with visibility lets a viewer see, as Document Service
 * filters; null: everything. Every read path applies these (see
 * restrict-query.ts), also where the type is reached through a relation.
 */
export const VISIBILITY: Record<string, (viewer: Viewer) => Filter> = {
  [GROUP]: (viewer) => ({ $or: [{ visibility: { $in: ['open', 'closed'] } }, ...inGroups(groupsOf(viewer))] }),
  [ARTICLE]: articles,
  [QUESTION]: questions,
  [ANSWER]: (viewer) => ({ $and: [shownAfterModeration, { question: questions(viewer) }] }),
};

export const hasVisibility = (uid: string) => uid in VISIBILITY;

export function visibilityFilter(uid: string, viewer: Viewer): Filter | null {
  if (viewer.kind === 'staff') return null;
  return VISIBILITY[uid]?.(viewer) ?? null;
}
