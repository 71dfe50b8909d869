import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { forbidden } from '../../../lib/errors';
import { frontendLink, languageOf, sendMail, type Language } from '../../../mail';
import { invitationMail } from '../../../mail/templates';
import { DAY, settings } from '../../../lib/settings';
import { coded } from '../../../lib/error-codes';

const ORG = 'api::organisation.organisation';

/** An editor invites a colleague by email; following the link makes them an editor too. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const tokens = () => strapi.service('api::account.one-time-token') as any;
  const people = () => strapi.service('api::account.people') as any;
  const membership = () => strapi.service('api::organisation.membership') as any;

  return {
    async invite(inviterId: number, organisationId: string, email: string, requestedLanguage?: Language) {
      await membership().assertMember(organisationId, inviterId);
      const [organisation, inviter, invitee] = await Promise.all([
        strapi.db.query(ORG).findOne({ where: { documentId: organisationId }, select: ['name'] }),
        people().findById(inviterId),
        people().findByEmail(email),
      ]);
      const language = languageOf(requestedLanguage, invitee?.language, inviter?.language);
      const days = settings(strapi).links.invitationDays;
      const { token, expiresAt } = await tokens().issue({ purpose: 'invitation', email, organisation: organisationId, locale: language, ttlMs: days * DAY });
      const link = frontendLink(strapi, '/invitation', { token });
      // Awaited: the editor should hear it now when the mail could not be sent.
      await sendMail(strapi, email, invitationMail(language, { organisation: organisation.name, inviter: inviter.displayName || inviter.username, link, days }));
      return { email, organisation: organisationId, expiresAt };
    },

    async accept(token: string) {
      const { email, organisation, locale } = await tokens().redeem('invitation', token);
      if (!(await strapi.db.query(ORG).count({ where: { documentId: organisation } }))) {
        throw new errors.NotFoundError('The organisation of this invitation no longer exists', coded('invitation.organisation_gone'));
      }
      const person = await people().findOrCreateConfirmed(email, languageOf(locale));
      if (person.blocked) throw forbidden('Your account has been blocked by an administrator', coded('account.blocked'));
      if (!(await membership().isMember(organisation, person.id))) await membership().addMember(organisation, person.id);
      await people().makeEditor(person);
      return { person, organisation };
    },
  };
};
