import type { Core } from '@strapi/strapi';
import { frontendLink, languageOf, sendLater, sendMail, type Language } from '../../../mail';
import { claimMail } from '../../../mail/templates';
import { DAY, settings } from '../../../lib/settings';
import { conflict } from '../../../lib/errors';
import { coded } from '../../../lib/error-codes';

const ORG = 'api::organisation.organisation';

/**
 * An imported organisation (a reminder email, no editors yet) is claimed by
 * whoever reads its reminder mailbox: the link goes there and nowhere else.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const tokens = () => strapi.service('api::account.one-time-token') as any;
  const people = () => strapi.service('api::account.people') as any;
  const membership = () => strapi.service('api::organisation.membership') as any;

  const claimable = async (documentId: string) => {
    const org = await strapi.db.query(ORG).findOne({
      where: { documentId, publishedAt: { $notNull: true }, reminderEmail: { $notNull: true } },
      select: ['name', 'reminderEmail'],
    });
    return org && !(await membership().hasMembers(documentId)) ? org : null;
  };

  return {
    /** Same answer whether or not the organisation can be claimed. */
    request(documentId: string, requestedLanguage?: Language) {
      sendLater(strapi, 'claim link', async () => {
        const org = await claimable(documentId);
        if (!org) return;
        const language = languageOf(requestedLanguage);
        const days = settings(strapi).links.claimDays;
        const { token } = await tokens().issue({ purpose: 'claim', email: org.reminderEmail, organisation: documentId, locale: language, ttlMs: days * DAY });
        const link = frontendLink(strapi, '/claim', { token });
        await sendMail(strapi, org.reminderEmail, claimMail(language, { organisation: org.name, link, days }));
      });
    },

    async redeem(token: string) {
      const { email, organisation, locale } = await tokens().redeem('claim', token);
      if (await membership().hasMembers(organisation)) {
        throw conflict('This organisation has been claimed already; ask its editors for an invitation', coded('organisation.claimed', { reason: 'claimed' }));
      }
      const person = await people().findOrCreateConfirmed(email, languageOf(locale));
      await membership().addMember(organisation, person.id);
      await people().makeEditor(person);
      return { person, organisation };
    },
  };
};
