import type { Core } from '@strapi/strapi';
import { forbidden, notFound } from '../../../lib/errors';
import { uniqueSlug } from '../../../lib/unique-slug';
import { saveDraftKeepingLive, updateDraft } from '../../my/lib/drafts';
import type { MembershipService } from '../../group/services/membership';
import { ARTICLE } from '../../../visibility/rules';

type Data = Record<string, unknown>;
export interface WrittenArticle {
  documentId: string;
  title: string;
  isPublished: boolean;
}

/**
 * Articles written by a group's members, inside their group: a member writes
 * a draft; the group's admins publish it, and their edits of a published
 * article go live at once. A member's later edits wait as a draft for an admin.
 */
const authoring = ({ strapi }: { strapi: Core.Strapi }) => {
  const memberships = () => strapi.service('api::group.membership') as unknown as MembershipService;

  /** The article's group and whether this person may edit it (its author, still a member) or publish it (a group admin). */
  async function rightsOn(documentId: string, userId: number) {
    const row = await strapi.db.query(ARTICLE).findOne({ where: { documentId }, populate: { group: { select: ['documentId'] }, author: { select: ['id'] } } });
    const group = row?.group?.documentId as string | undefined;
    const own = group ? await memberships().find(group, userId) : null;
    const active = own?.status === 'active';
    // Someone outside the group finds nothing here; staff write in the admin panel.
    if (!row || !group || !active) throw notFound('No article of your group with this documentId');
    return { group, isAdmin: own!.role === 'admin', isAuthor: row.author?.id === userId };
  }

  return {
    async create(userId: number, group: string, locale: string, data: Data & { title: string }): Promise<WrittenArticle> {
      await memberships().assertMember(group, userId);
      const slug = await uniqueSlug(strapi, ARTICLE, data.title);
      const draft = await strapi.documents(ARTICLE).create({ data: { visibility: 'group', ...data, slug, group, author: userId }, locale, status: 'draft' } as any);
      return { documentId: draft.documentId, title: draft.title, isPublished: false };
    },

    async update(userId: number, documentId: string, locale: string, data: Data): Promise<WrittenArticle> {
      const { isAdmin, isAuthor } = await rightsOn(documentId, userId);
      if (!isAdmin && !isAuthor) throw forbidden('Only who wrote it, or a group admin, edits this article');
      const saved: Data = isAdmin ? await saveDraftKeepingLive(strapi, ARTICLE, documentId, locale, data) : { ...(await updateDraft(strapi, ARTICLE, documentId, locale, data)), isPublished: false };
      return { documentId, title: String(saved.title), isPublished: Boolean(saved.isPublished) };
    },

    async publish(userId: number, documentId: string, locale: string): Promise<WrittenArticle> {
      const { isAdmin } = await rightsOn(documentId, userId);
      if (!isAdmin) throw forbidden("Only the group's admins publish its articles");
      const published = await strapi.documents(ARTICLE).publish({ documentId, locale } as any);
      const [entry] = published.entries as unknown as { title: string }[];
      return { documentId, title: entry?.title ?? '', isPublished: true };
    },
  };
};

export type Authoring = ReturnType<typeof authoring>;
export default authoring;
