import { PUBLIC_MODERATION_STATUSES } from '@buurtplein/plugin-kit';
import type { Viewer } from './viewer';

export type Filter = Record<string, unknown>;

export const GROUP = 'api::group.group';
export const ARTICLE = 'api::article.article';
export const QUESTION = 'api::question.question';
export const ANSWER = 'api::answer.answer';

/** Reported into hiding, or removed, by the moderation flow: out of sight for all but staff. */
const shownAfterModeration = { status: { $in: [...PUBLIC_MODERATION_STATUSES] } };
const noGroup = { group: { id: { $null: true } } };
const inGroups = (groups: string[]) => (groups.length ? [{ group: { documentId: { $in: groups } } }] : []);
const groupsOf = (viewer: Viewer) => (viewer.kind === 'member' ? viewer.groups : []);

/** A secret group and all that is in it do not exist for someone outside it. */
const outsideSecretGroups = (viewer: Viewer): Filter => ({ $or: [noGroup, { group: { visibility: { $ne: 'secret' } } }, ...inGroups(groupsOf(viewer))] });

function articles(viewer: Viewer): Filter {
  if (viewer.kind === 'anonymous') return { $and: [{ visibility: 'public' }, outsideSecretGroups(viewer)] };
  return {
    $or: [
      { $and: [{ visibility: { $in: ['public', 'members'] } }, outsideSecretGroups(viewer)] },
      ...(viewer.kind === 'member' && viewer.groups.length ? [{ $and: [{ visibility: 'group' }, ...inGroups(viewer.groups)] }] : []),
    ],
  };
}

/** A question asked in public, or inside a group its members see; hidden (reported) and removed ones nobody but staff. */
const questions = (viewer: Viewer): Filter => ({ $and: [shownAfterModeration, { $or: [noGroup, ...inGroups(groupsOf(viewer))] }] });

/**
 * What each type with visibility lets a viewer see, as Document Service
 * filters; null: everything. Every read path applies these (see
 * restrict-query.ts), also where the type is reached through a relation.
 */
export const VISIBILITY: Record<string, (viewer: Viewer) => Filter> = {
  [GROUP]: (viewer) => ({ $or: [{ visibility: { $in: ['open', 'closed'] } }, ...(groupsOf(viewer).length ? [{ documentId: { $in: groupsOf(viewer) } }] : [])] }),
  [ARTICLE]: articles,
  [QUESTION]: questions,
  [ANSWER]: (viewer) => ({ $and: [shownAfterModeration, { question: questions(viewer) }] }),
};

export const hasVisibility = (uid: string) => uid in VISIBILITY;

export function visibilityFilter(uid: string, viewer: Viewer): Filter | null {
  if (viewer.kind === 'staff') return null;
  return VISIBILITY[uid]?.(viewer) ?? null;
}
