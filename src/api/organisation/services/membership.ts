import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const ORG = 'api::organisation.organisation';
const ACTIVITY = 'api::activity.activity';

/** Who may edit what: an editor edits the organisations they are a member of, and those organisations' activities. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const orgs = () => strapi.db.query(ORG);

  return {
    async organisationIdsOf(userId: number): Promise<string[]> {
      const rows = await orgs().findMany({ where: { members: { id: userId } }, select: ['documentId'] });
      return [...new Set(rows.map((r: { documentId: string }) => r.documentId))];
    },

    async isMember(organisationId: string, userId: number) {
      return (await orgs().count({ where: { documentId: organisationId, members: { id: userId } } })) > 0;
    },

    async hasMembers(organisationId: string) {
      return (await orgs().count({ where: { documentId: organisationId, members: { id: { $notNull: true } } } })) > 0;
    },

    /** 404 rather than 403 for someone else's organisation: its existence as a draft is nobody else's business. */
    async assertMember(organisationId: unknown, userId: number) {
      if (typeof organisationId !== 'string' || !(await this.isMember(organisationId, userId))) {
        throw new errors.NotFoundError('No organisation of yours with this documentId');
      }
    },

    /** From any language's draft that has one: Strapi links a later language's version to nothing. */
    async organisationOfActivity(activityId: string): Promise<string | null> {
      const rows = await strapi.db.query(ACTIVITY).findMany({
        where: { documentId: activityId, publishedAt: null },
        populate: { organisation: { select: ['documentId'] } },
      });
      return rows.map((row: { organisation?: { documentId: string } | null }) => row.organisation?.documentId).find(Boolean) ?? null;
    },

    async assertActivityMember(activityId: unknown, userId: number) {
      const organisationId = typeof activityId === 'string' ? await this.organisationOfActivity(activityId) : null;
      if (!organisationId || !(await this.isMember(organisationId, userId))) {
        throw new errors.NotFoundError('No activity of yours with this documentId');
      }
      return organisationId;
    },

    /** Added on every locale's draft row, so the check holds whichever version is asked for. */
    async addMember(organisationId: string, userId: number) {
      const drafts = await orgs().findMany({ where: { documentId: organisationId, publishedAt: null }, select: ['locale'] });
      for (const { locale } of drafts) {
        await strapi.documents(ORG).update({ documentId: organisationId, locale, data: { members: { connect: [userId] } } } as any);
      }
    },
  };
};
