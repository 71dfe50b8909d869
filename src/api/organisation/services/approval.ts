import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const ORG = 'api::organisation.organisation';
const ACTIVITY = 'api::activity.activity';

export interface ApprovalResult {
  documentId: string;
  name: string;
  /** False when it was approved already (publishing again changes nothing). */
  approvedNow: boolean;
  /** Its activities that are still drafts: they stay drafts until the organisation publishes them. */
  draftActivities: number;
}

/**
 * Approving a signed-up organisation in one step: publish it in every
 * locale it has (organisation-approval.ts then sets approvalStatus and mails
 * its editors). Its draft activities are left alone, so the admin panel's
 * "publish without relations" warning never comes up.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async approve(documentId: string): Promise<ApprovalResult> {
    const draft = await strapi.db.query(ORG).findOne({ where: { documentId, publishedAt: null }, select: ['name', 'approvalStatus'] });
    if (!draft) throw new errors.NotFoundError('No organisation with this documentId');
    await strapi.documents(ORG).publish({ documentId, locale: '*' } as any);
    const activities = await strapi.db.query(ACTIVITY).findMany({
      where: { organisation: { documentId }, publishedAt: null },
      select: ['documentId'],
    });
    const published = await strapi.db.query(ACTIVITY).findMany({
      where: { documentId: { $in: activities.map((a: { documentId: string }) => a.documentId) }, publishedAt: { $notNull: true } },
      select: ['documentId'],
    });
    const publishedIds = new Set(published.map((a: { documentId: string }) => a.documentId));
    const drafts = new Set(activities.map((a: { documentId: string }) => a.documentId).filter((id: string) => !publishedIds.has(id)));
    return { documentId, name: draft.name, approvedNow: draft.approvalStatus === 'pending', draftActivities: drafts.size };
  },
});
