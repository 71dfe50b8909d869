import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { forbidden } from '../../../lib/errors';
import { frontendLink, languageOf, sendLater, sendMail, type Language } from '../../../mail';
import { magicLinkMail } from '../../../mail/templates';
import { MINUTE, settings } from '../../../lib/settings';

export const TOKEN_PROBLEMS = {
  invalid: 'This link is not valid. Ask for a new one.',
  expired: 'This link has expired. Ask for a new one.',
  used: 'This link has already been used. Ask for a new one.',
} as const;

/**
 * Login by email link. Every address gets the same answer and the same mail:
 * a known account logs in, an unknown one is created when the link is used,
 * so there is nothing to enumerate and no account to lose.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const tokens = () => strapi.service('api::account.one-time-token') as any;
  const people = () => strapi.service('api::account.people') as any;

  return {
    request(email: string, requestedLanguage?: Language) {
      sendLater(strapi, 'magic link', async () => {
        const person = await people().findByEmail(email);
        if (person?.blocked) return;
        const language = languageOf(requestedLanguage, person?.language);
        const minutes = settings(strapi).links.magicLinkMinutes;
        const { token } = await tokens().issue({ purpose: 'magic-link', email, locale: language, ttlMs: minutes * MINUTE });
        await sendMail(strapi, email, magicLinkMail(language, { link: frontendLink(strapi, '/login/email', { token }), minutes }));
      });
    },

    /** Uses the link up and returns the person it logs in (created on first use). */
    async redeem(token: string) {
      const result = await tokens().consume('magic-link', token);
      if (!result.ok) throw new errors.ValidationError(TOKEN_PROBLEMS[result.reason as keyof typeof TOKEN_PROBLEMS], { reason: result.reason });
      const person = await people().findOrCreateConfirmed(result.record.email, languageOf(result.record.locale));
      if (person.blocked) throw forbidden('Your account has been blocked by an administrator');
      return person;
    },
  };
};
