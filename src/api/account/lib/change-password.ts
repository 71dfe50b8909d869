import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseKnownBody, signedInUser, yup } from '../../../lib/validation';
import { newPasswordFields } from './credentials';

const USER_UID = 'plugin::users-permissions.user';

/**
 * users-permissions' POST /api/auth/change-password, after our checks: the
 * new password follows the same rules as everywhere, and an account that
 * logs in by email link only (no password yet) is told how to set one
 * instead of failing inside bcrypt.
 */
export const checkedChangePassword =
  (strapi: Core.Strapi, changePassword: (ctx: any) => Promise<unknown>) =>
  async (ctx: any) => {
    const { id } = signedInUser(ctx);
    await parseKnownBody(
      ctx.request.body,
      yup.object({
        currentPassword: yup.string().required().max(200),
        ...newPasswordFields(strapi),
        deviceId: yup.string().max(200),
      })
    );
    const stored = await strapi.db.query(USER_UID).findOne({ where: { id }, select: ['password'] });
    if (!stored?.password) {
      throw new errors.ValidationError('This account has no password yet: ask for one with POST /api/auth/forgot-password', { reason: 'no-password' });
    }
    return changePassword(ctx);
  };
