import type { Core } from '@strapi/strapi';
import { forbidden } from '../../../lib/errors';
import { uniqueSlug } from '../../../lib/unique-slug';
import { saveDraftKeepingLive, withPublicationState } from '../lib/drafts';
import { PICTURE_FIELDS } from '../lib/picture-file';
import { coded } from '../../../lib/error-codes';
import type { Settings } from '../../enrolment/services/places';
import type { Organiser } from '../../enrolment/services/organiser';

const ORG = 'api::organisation.organisation';
const ACTIVITY = 'api::activity.activity';
type Data = Record<string, unknown>;

/**
 * What an editor does with their own organisations and activities. Every
 * method starts with the membership check, so no route, filter or body can
 * reach another organisation's items.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const membership = () => strapi.service('api::organisation.membership') as any;

  async function isApproved(organisationId: string) {
    return (await strapi.db.query(ORG).count({ where: { documentId: organisationId, approvalStatus: 'approved' } })) > 0;
  }

  const organiser = () => strapi.service('api::enrolment.organiser') as unknown as Organiser;
  /** Saves the enrolment part of a change when there is one; answers the activity's settings either way. */
  const enrolmentSettings = (documentId: string, input: Partial<Settings> | undefined) =>
    input ? organiser().save(documentId, input) : organiser().settings(documentId);

  const saveDraftAndKeepLive = (uid: string, documentId: string, locale: string, data: Data) => saveDraftKeepingLive(strapi, uid, documentId, locale, data);

  return {
    async organisations(userId: number, locale: string) {
      const ids = await membership().organisationIdsOf(userId);
      const drafts = await strapi.documents(ORG).findMany({
        filters: { documentId: { $in: ids } },
        locale,
        status: 'draft',
        populate: { categories: { fields: ['name', 'slug'] }, neighbourhoods: { fields: ['name', 'slug'] }, logo: { fields: PICTURE_FIELDS } },
      } as any);
      const listed = await withPublicationState(strapi, ORG, drafts as any);
      // "Your listing was viewed N times this quarter": a reason to keep it current.
      const reach = await strapi.service('api::stats.figures').organisationReach(listed.map((org: { documentId: string }) => org.documentId));
      return listed.map((org: { documentId: string }) => ({ ...org, reach: reach.get(org.documentId) }));
    },

    async updateOrganisation(userId: number, documentId: string, locale: string, data: Data) {
      await membership().assertMember(documentId, userId);
      const approved = await isApproved(documentId);
      const saved = await saveDraftAndKeepLive(ORG, documentId, locale, data);
      return { ...saved, approvalStatus: approved ? 'approved' : 'pending' };
    },

    async activities(userId: number, locale: string, organisationId?: string) {
      const ids: string[] = await membership().organisationIdsOf(userId);
      const scope = organisationId ? ids.filter((id) => id === organisationId) : ids;
      const drafts = await strapi.documents(ACTIVITY).findMany({
        filters: { organisation: { documentId: { $in: scope } } },
        locale,
        status: 'draft',
        sort: 'startsAt:asc',
        populate: { organisation: { fields: ['name', 'slug'] }, categories: { fields: ['name', 'slug'] }, image: { fields: PICTURE_FIELDS } },
      } as any);
      return withPublicationState(strapi, ACTIVITY, drafts as any);
    },

    async createActivity(userId: number, locale: string, { enrolment, ...data }: Data & { title: string; organisation: string; enrolment?: Partial<Settings> }) {
      await membership().assertMember(data.organisation, userId);
      const slug = await uniqueSlug(strapi, ACTIVITY, data.title);
      const draft = await strapi.documents(ACTIVITY).create({ data: { ...data, slug }, locale, status: 'draft' } as any);
      return { ...draft, isPublished: false, enrolment: await enrolmentSettings(draft.documentId, enrolment) };
    },

    async updateActivity(userId: number, documentId: string, locale: string, { enrolment, ...data }: Data & { enrolment?: Partial<Settings> }) {
      await membership().assertActivityMember(documentId, userId);
      // Moving an activity is only possible between the editor's own organisations.
      if (data.organisation !== undefined) await membership().assertMember(data.organisation, userId);
      // Settings first: a refused capacity leaves the rest of the change unsaved too.
      const settings = await enrolmentSettings(documentId, enrolment);
      return { ...(await saveDraftAndKeepLive(ACTIVITY, documentId, locale, data)), enrolment: settings };
    },

    async deleteActivity(userId: number, documentId: string) {
      await membership().assertActivityMember(documentId, userId);
      await strapi.documents(ACTIVITY).delete({ documentId, locale: '*' } as any);
    },

    async publishActivity(userId: number, documentId: string) {
      const organisationId = await membership().assertActivityMember(documentId, userId);
      if (!(await isApproved(organisationId))) {
        throw forbidden('Your organisation is waiting for approval by staff; activities can be published after that', coded('organisation.pending_approval'));
      }
      await strapi.documents(ACTIVITY).publish({ documentId, locale: '*' } as any);
    },

    async unpublishActivity(userId: number, documentId: string) {
      await membership().assertActivityMember(documentId, userId);
      await strapi.documents(ACTIVITY).unpublish({ documentId, locale: '*' } as any);
    },
  };
};
