import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { frontendLink, languageOf, sendLater, sendMail } from '../../../mail';
import { passwordResetMail } from '../../../mail/templates';
import { email, parseBody, yup } from '../../../lib/validation';

const USER_UID = 'plugin::users-permissions.user';
const body = yup.object({ email: email().required(), language: yup.string().oneOf(['nl', 'en']) });

/**
 * users-permissions' forgot-password, with the mail in the user's language
 * and sent after answering, so known and unknown addresses answer alike.
 * The token is the one its POST /api/auth/reset-password checks.
 */
export const localizedForgotPassword = (strapi: Core.Strapi) => async (ctx: any) => {
  const { email: address, language } = await parseBody<{ email: string; language?: string }>(ctx.request.body, body);
  sendLater(strapi, 'password reset', async () => {
    const user = await strapi.db.query(USER_UID).findOne({ where: { email: address } });
    if (!user || user.blocked) return;
    const resetPasswordToken = crypto.randomBytes(64).toString('hex');
    await strapi.plugin('users-permissions').service('user').edit(user.id, { resetPasswordToken });
    const link = frontendLink(strapi, '/reset-password', { code: resetPasswordToken });
    await sendMail(strapi, user.email, passwordResetMail(languageOf(language, user.language), { link }));
  });
  ctx.send({ ok: true });
};
