import type { Core } from '@strapi/strapi';
import { claimRow, MILESTONES, onMilestone } from '@buurtplein/plugin-kit';
import { ANSWER, ARTICLE } from '../../../visibility/rules';

export const FOLLOW_EVENT = 'api::follow.follow-event';
export type EventKind = 'activity.new' | 'initiative.new' | 'initiative.stage' | 'initiative.threshold' | 'initiative.reply' | 'article.new' | 'answer.new';

const ACTIVITY = 'api::activity.activity';
const INITIATIVE = 'api::initiative.initiative';

type Ref = { documentId: string } | null | undefined;
const subject = (type: string, ref: Ref) => (ref?.documentId ? [`${type}:${ref.documentId}`] : []);

/** The published version as the public sees it, with what followers follow it by; null when it is not public. */
async function publishedWithSubjects(strapi: Core.Strapi, uid: string, documentId: string) {
  const populate = {
    [ACTIVITY]: { organisation: { fields: ['documentId'] }, neighbourhood: { fields: ['documentId'] }, categories: { fields: ['documentId'] } },
    [INITIATIVE]: { neighbourhood: { fields: ['documentId'] }, theme: { fields: ['documentId'] } },
    [ARTICLE]: { group: { fields: ['documentId', 'visibility'] } },
    [ANSWER]: { question: { fields: ['documentId'], populate: { group: { fields: ['documentId', 'visibility'] }, categories: { fields: ['documentId'] } } } },
  }[uid];
  return (await strapi.documents(uid as any).findOne({ documentId, status: 'published', populate } as any)) as Record<string, any> | null;
}

/**
 * What followers hear about, recorded once as it happens (the unique key is
 * kind, item and detail: the published and draft rows' lifecycles, a
 * re-publish or two instances all record it once). Delivery reads these rows.
 */
export function recordFollowEvents(strapi: Core.Strapi) {
  // In the publish's own transaction where there is one (the seed's, an import's): recorded only if it commits,
  // and never waiting for a second connection SQLite does not have.
  const record = (kind: EventKind, item: string, subjects: string[], detail = '') =>
    subjects.length
      ? strapi.db.transaction(({ trx }) => claimRow(strapi, FOLLOW_EVENT, { kind, item, detail, subjects }, ['kind', 'item', 'detail'], trx))
      : Promise.resolve(null);

  onMilestone(strapi, MILESTONES.thresholdReached, async ({ documentId }) => {
    await record('initiative.threshold', documentId, subject('initiative', { documentId }));
  });
  onMilestone(strapi, MILESTONES.officialReply, async ({ documentId, detail }) => {
    await record('initiative.reply', documentId, subject('initiative', { documentId }), detail);
  });

  strapi.documents.use(async (context, next) => {
    const params = context.params as { documentId?: string; status?: string };
    // Answers have no drafts: written is published. Whether the public may read one is decided when it is mailed.
    const publishing = context.uid === ANSWER ? context.action === 'create' : context.action === 'publish' || (['create', 'update'].includes(context.action) && params.status === 'published');
    if (!publishing || ![ACTIVITY, INITIATIVE, ARTICLE, ANSWER].includes(context.uid)) return next();
    const before = params.documentId ? await publishedWithSubjects(strapi, context.uid, params.documentId) : null;
    const result = await next();
    const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
    const now = documentId ? await publishedWithSubjects(strapi, context.uid, documentId) : null;
    if (!now || now.archivedAt) return result;
    try {
      if (context.uid === ACTIVITY) {
        await record('activity.new', now.documentId, [...subject('organisation', now.organisation), ...subject('neighbourhood', now.neighbourhood), ...(now.categories ?? []).flatMap((c: Ref) => subject('category', c))]);
      } else if (context.uid === INITIATIVE) {
        await record('initiative.new', now.documentId, [...subject('neighbourhood', now.neighbourhood), ...subject('category', now.theme)]);
        if (before && before.stage !== now.stage) await record('initiative.stage', now.documentId, subject('initiative', { documentId: now.documentId }), now.stage);
      } else if (context.uid === ANSWER) {
        const question = now.question;
        if (question && question.group?.visibility !== 'secret') {
          await record('answer.new', now.documentId, [...subject('group', question.group), ...(question.categories ?? []).flatMap((c: Ref) => subject('category', c))]);
        }
      } else if (now.visibility === 'public' && now.group && now.group.visibility !== 'secret') {
        // Only what the public may read: members-only and group articles stay inside the group.
        await record('article.new', now.documentId, subject('group', now.group));
      }
    } catch (error) {
      // Followers missing one event is not worth failing the editor's publish for.
      strapi.log.error(`[follow] could not record the event of ${context.uid} ${documentId}: ${(error as Error).message}`);
    }
    return result;
  });
}

