import type { Core } from '@strapi/strapi';
import { forbidden } from '../../../lib/errors';
import { frontendLink, languageOf, sendLater, sendMail, sitePath, type Language } from '../../../mail';
import { magicLinkMail } from '../../../mail/templates';
import { MINUTE, settings } from '../../../lib/settings';
import type { Registration } from './people';
import { coded } from '../../../lib/error-codes';

interface LinkOptions {
  /** How long the link works: 30 minutes unless a mail needs longer, like the quarterly reminder. */
  ttlMs?: number;
  /** A registration's confirmation is a login link too, carrying what was registered. */
  registration?: Registration;
  /** The page of the website the link ends on, also when opened in another browser than the one that asked. */
  next?: string;
}

/**
 * Login by email link. Every address gets the same answer and the same mail:
 * a known account logs in, an unknown one is created when the link is used,
 * so there is nothing to enumerate and no account to lose.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const tokens = () => strapi.service('api::account.one-time-token') as any;
  const people = () => strapi.service('api::account.people') as any;

  return {
    /** A single-use login link for `email`. */
    async loginLink(email: string, language: Language, { ttlMs = settings(strapi).links.magicLinkMinutes * MINUTE, registration, next }: LinkOptions = {}) {
      const { token } = await tokens().issue({ purpose: 'magic-link', email, locale: language, ttlMs, payload: registration ? { registration } : undefined });
      return frontendLink(strapi, '/login/email', next ? { token, next } : { token });
    },

    /** The editor's own page on the website, where links about a listing should end. */
    manageLink(email: string, language: Language, ttlMs?: number) {
      return this.loginLink(email, language, { ttlMs, next: sitePath(strapi, '/manage/') });
    },

    /** `next`: a path on the website (validated by the caller) to come back to after logging in. */
    request(email: string, requestedLanguage?: Language, next?: string) {
      sendLater(strapi, 'magic link', async () => {
        const person = await people().findByEmail(email);
        if (person?.blocked) return;
        const language = languageOf(requestedLanguage, person?.language);
        const minutes = settings(strapi).links.magicLinkMinutes;
        await sendMail(strapi, email, magicLinkMail(language, { link: await this.loginLink(email, language, { next }), minutes }));
      });
    },

    /** Uses the link up and returns the person it logs in (created on first use). */
    async redeem(token: string) {
      const record = await tokens().redeem('magic-link', token);
      const registration = record.payload?.registration as Registration | undefined;
      const person = await people().findOrCreateConfirmed(record.email, languageOf(record.locale), registration);
      if (person.blocked) throw forbidden('Your account has been blocked by an administrator', coded('account.blocked'));
      return person;
    },
  };
};
