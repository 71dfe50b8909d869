import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { updateDraft, withPublicationState } from '../lib/drafts';
import { uniqueSlug } from '../../../lib/unique-slug';
import { forbidden } from '../../../lib/errors';
import { sendLater, sendMail } from '../../../mail';
import { settings } from '../../../lib/settings';
import { coded } from '../../../lib/error-codes';
import { stageHistory } from '../../follow/lib/stage-history';

const INITIATIVE = 'api::initiative.initiative';
type Data = Record<string, unknown>;

/**
 * A resident's own ideas. Everything they write stays a draft until staff
 * publish it: a new idea and later edits alike wait for moderation.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const ownDraft = async (userId: number, documentId: string) =>
    strapi.db.query(INITIATIVE).count({ where: { documentId, publishedAt: null, initiator: { id: userId } } });

  function tellStaff(title: string) {
    const staff = settings(strapi).staffEmails;
    if (!staff.length) return;
    sendLater(strapi, 'new initiative', () =>
      sendMail(strapi, staff, {
        subject: `Nieuw initiatief / new initiative: ${title}`,
        text: `"${title}" wacht op moderatie in het beheer (Content Manager → Initiative, concept).\n`,
        html: `<p>"${title.replace(/[<>&"]/g, '')}" wacht op moderatie / awaits moderation.</p>`,
      })
    );
  }

  return {
    async list(userId: number, locale: string) {
      const drafts = await strapi.documents(INITIATIVE).findMany({
        filters: { initiator: { id: userId } },
        status: 'draft',
        locale,
        populate: { theme: { fields: ['name', 'slug'] }, neighbourhood: { fields: ['name', 'slug'] }, subsidies: { fields: ['name', 'url'] } },
      } as any);
      const withState = await withPublicationState(strapi, INITIATIVE, drafts as any);
      // What happened so far, for "what happens next" on the initiator's own list.
      const steps = await stageHistory(strapi, withState as any[]);
      return withState.map((initiative: any) => ({ ...initiative, stageHistory: steps.get(initiative.documentId) ?? [] }));
    },

    async create(user: { id: number; confirmed?: boolean }, locale: string, data: Data & { title: string }) {
      if (!user.confirmed) throw forbidden('Confirm your email address before posting an idea', coded('account.unconfirmed', { reason: 'unconfirmed' }));
      const slug = await uniqueSlug(strapi, INITIATIVE, data.title);
      const draft = await strapi.documents(INITIATIVE).create({ data: { ...data, slug, stage: 'idea', initiator: user.id }, locale, status: 'draft' } as any);
      tellStaff(data.title);
      return { ...draft, isPublished: false };
    },

    async update(userId: number, documentId: string, locale: string, data: Data) {
      if (!(await ownDraft(userId, documentId))) throw new errors.NotFoundError('No initiative of yours with this documentId');
      const draft = await updateDraft(strapi, INITIATIVE, documentId, locale, data);
      const [withState] = await withPublicationState(strapi, INITIATIVE, [draft as any]);
      return withState;
    },
  };
};
