import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { languageOf, sendLater, sendMail, type Language } from '../../../mail';
import { alreadyRegisteredMail, confirmRegistrationMail } from '../../../mail/templates';
import { email, language, parseBody, parseKnownBody, yup } from '../../../lib/validation';
import { HOUR, settings } from '../../../lib/settings';
import { displayName, hashPassword, password, username } from './credentials';
import type { Registration } from '../services/people';
import { coded } from '../../../lib/error-codes';

const USER_UID = 'plugin::users-permissions.user';

interface RegistrationInput {
  username: string;
  email: string;
  password: string;
  displayName?: string;
  language?: Language;
}

const registrationBody = (strapi: Core.Strapi) =>
  yup.object({
    username: username().required(),
    email: email().required(),
    password: password(strapi).required(),
    displayName: displayName(),
    language: language(),
  });

const people = (strapi: Core.Strapi) => strapi.service('api::account.people') as any;
const magicLink = (strapi: Core.Strapi) => strapi.service('api::account.magic-link') as any;
const sent = (ctx: any, address: string) => ctx.send({ email: address, sent: true });

/**
 * users-permissions' POST /api/auth/local/register, without handing out an
 * account to whoever types an address. Nothing is created until the owner
 * of the address follows the link mailed to it; the answer is the same
 * whether the address is new or taken (its owner is told by mail instead).
 */
export const registerWithConfirmation = (strapi: Core.Strapi) => async (ctx: any) => {
  const advanced = (await strapi.store({ type: 'plugin', name: 'users-permissions' }).get({ key: 'advanced' })) as any;
  if (!advanced?.allow_register) throw new errors.ApplicationError('Register action is currently disabled');
  const input = await parseKnownBody<RegistrationInput>(ctx.request.body, registrationBody(strapi));
  // A username is public (like a handle); whether an address is registered is not.
  if (await strapi.db.query(USER_UID).count({ where: { username: input.username } })) {
    throw new errors.ValidationError('This username is taken; choose another', coded('username.taken', { field: 'username', reason: 'taken' }));
  }
  // Hashed for a new and a taken address alike, so the answer takes as long either way.
  const registration: Registration = { username: input.username, displayName: input.displayName, passwordHash: await hashPassword(strapi, input.password) };

  sendLater(strapi, 'registration', async () => {
    const person = await people(strapi).findByEmail(input.email);
    if (person?.blocked) return;
    const chosen = languageOf(input.language, person?.language);
    if (person?.confirmed) {
      const minutes = settings(strapi).links.magicLinkMinutes;
      await sendMail(strapi, input.email, alreadyRegisteredMail(chosen, { link: await magicLink(strapi).loginLink(input.email, chosen), minutes }));
      return;
    }
    const hours = settings(strapi).links.registrationHours;
    const link = await magicLink(strapi).loginLink(input.email, chosen, { ttlMs: hours * HOUR, registration });
    await sendMail(strapi, input.email, confirmRegistrationMail(chosen, { link, hours }));
  });
  sent(ctx, input.email);
};

/**
 * users-permissions' POST /api/auth/send-email-confirmation, answering the
 * same for every address (Strapi's says "Already confirmed" or "User
 * blocked"). An unconfirmed account gets a login link: following it is the
 * confirmation.
 */
export const resendConfirmation = (strapi: Core.Strapi) => async (ctx: any) => {
  const { email: address } = await parseBody<{ email: string }>(ctx.request.body, yup.object({ email: email().required() }));
  sendLater(strapi, 'email confirmation', async () => {
    const person = await people(strapi).findByEmail(address);
    if (!person || person.confirmed || person.blocked) return;
    magicLink(strapi).request(address, person.language);
  });
  sent(ctx, address);
};
