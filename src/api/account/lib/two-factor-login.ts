import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const USER_UID = 'plugin::users-permissions.user';

/**
 * Wraps users-permissions' POST /api/auth/local: accounts without a second
 * factor go through Strapi's own code untouched. For the others the same
 * checks run here (same messages, so nothing is revealed), and a valid
 * password earns a two-factor challenge instead of a JWT.
 */
export const withTwoFactor =
  (strapi: Core.Strapi, callback: (ctx: any) => Promise<unknown>) =>
  async (ctx: any) => {
    const provider = ctx.params?.provider || 'local';
    const { identifier, password } = ctx.request.body ?? {};
    if (provider !== 'local' || typeof identifier !== 'string' || typeof password !== 'string') return callback(ctx);

    const user = await strapi.db.query(USER_UID).findOne({
      where: { provider: 'local', $or: [{ email: identifier.toLowerCase() }, { username: identifier }] },
      populate: ['role'],
    });
    const twoFactor = strapi.service('api::account.two-factor') as any;
    if (!user || !twoFactor.needsSecondFactor(user)) return callback(ctx);

    const userService = strapi.plugin('users-permissions').service('user');
    if (!user.password || !(await userService.validatePassword(password, user.password))) {
      throw new errors.ValidationError('Invalid identifier or password');
    }
    const advanced = (await strapi.store({ type: 'plugin', name: 'users-permissions' }).get({ key: 'advanced' })) as any;
    if (advanced?.email_confirmation && user.confirmed !== true) throw new errors.ApplicationError('Your account email is not confirmed');
    if (user.blocked === true) throw new errors.ApplicationError('Your account has been blocked by an administrator');
    return twoFactor.loginOrChallenge(ctx, user);
  };
