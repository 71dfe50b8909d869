import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { frontendLink, languageOf, sendLater, sendMail } from '../../../mail';
import { passwordResetMail } from '../../../mail/templates';
import { email, parseBody, yup } from '../../../lib/validation';
import { MINUTE, settings } from '../../../lib/settings';
import { forbidden } from '../../../lib/errors';
import { newPasswordFields } from './credentials';
import { coded } from '../../../lib/error-codes';

const USER_UID = 'plugin::users-permissions.user';
const forgotBody = yup.object({ email: email().required(), language: yup.string().oneOf(['nl', 'en']) });
const resetBody = (strapi: Core.Strapi) =>
  yup.object({
    code: yup.string().required().max(200),
    ...newPasswordFields(strapi),
    deviceId: yup.string().max(200),
  });
// users-permissions' own message for a bad code, which clients (our website too) recognise.
const BAD_CODE = 'Incorrect code provided';

const tokens = (strapi: Core.Strapi) => strapi.service('api::account.one-time-token') as any;

/**
 * users-permissions' forgot-password, with the mail in the user's language
 * and sent after answering, so known and unknown addresses answer alike.
 * The code is one of our single-use tokens (hashed, expiring), not the
 * plain never-expiring resetPasswordToken users-permissions keeps.
 */
export const localizedForgotPassword = (strapi: Core.Strapi) => async (ctx: any) => {
  const { email: address, language } = await parseBody<{ email: string; language?: string }>(ctx.request.body, forgotBody);
  sendLater(strapi, 'password reset', async () => {
    const user = await strapi.db.query(USER_UID).findOne({ where: { email: address } });
    if (!user || user.blocked) return;
    const minutes = settings(strapi).links.passwordResetMinutes;
    const { token } = await tokens(strapi).issue({ purpose: 'password-reset', userId: user.id, email: user.email, ttlMs: minutes * MINUTE });
    const link = frontendLink(strapi, '/reset-password', { code: token });
    await sendMail(strapi, user.email, passwordResetMail(languageOf(language, user.language), { link, minutes }));
  });
  ctx.send({ ok: true });
};

/**
 * users-permissions' reset-password, ending like every other login: an
 * account with a second factor gets a challenge, not a session. The link
 * proved the address, so the account counts as confirmed; every other
 * session and reset link of the account stops working.
 */
export const resetPasswordWithSecondFactor = (strapi: Core.Strapi) => async (ctx: any) => {
  const input = await parseBody<{ code: string; password: string; passwordConfirmation: string }>(ctx.request.body, resetBody(strapi));
  const used = await tokens(strapi).consume('password-reset', input.code);
  if (!used.ok) throw new errors.ValidationError(BAD_CODE, coded('password_reset.bad_code', { reason: used.reason }));
  const people = strapi.service('api::account.people') as any;
  const account = await people.findById(used.record.userId);
  // The address the link went to must still be the account's.
  if (!account || account.email !== used.record.email) throw new errors.ValidationError(BAD_CODE, coded('password_reset.bad_code', { reason: 'invalid' }));
  if (account.blocked) throw forbidden('Your account has been blocked by an administrator', coded('account.blocked', { reason: 'blocked' }));

  const owner = await people.findOrCreateConfirmed(account.email, languageOf(account.language));
  await strapi.plugin('users-permissions').service('user').edit(owner.id, { password: input.password, resetPasswordToken: null });
  await tokens(strapi).revokeAll('password-reset', { userId: owner.id });
  await strapi.sessionManager('users-permissions').invalidateRefreshToken(String(owner.id));
  return (strapi.service('api::account.two-factor') as any).loginOrChallenge(ctx, owner);
};
