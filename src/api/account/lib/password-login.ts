import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseBody, yup } from '../../../lib/validation';
import { UNCONFIRMED } from '../services/session';
import { passwordMatches } from './credentials';
import { coded } from '../../../lib/error-codes';

const USER_UID = 'plugin::users-permissions.user';
const body = yup.object({
  identifier: yup.string().trim().required().max(200),
  password: yup.string().required().max(200),
  deviceId: yup.string().max(200),
});
const WRONG = 'Invalid identifier or password';

/**
 * users-permissions' POST /api/auth/local, for every local login: the same
 * messages and answers as Strapi's, plus what it lacks. A wrong password
 * takes as long for an unknown account as for a known one; only a confirmed
 * address logs in; a second factor is asked for where it is set up or
 * required. Other providers (OAuth) keep Strapi's own code.
 */
export const passwordLogin =
  (strapi: Core.Strapi, callback: (ctx: any) => Promise<unknown>) =>
  async (ctx: any) => {
    const provider = ctx.params?.provider || 'local';
    if (provider !== 'local') return callback(ctx);
    const grant = (await strapi.store({ type: 'plugin', name: 'users-permissions' }).get({ key: 'grant' })) as any;
    if (!grant?.email?.enabled) throw new errors.ApplicationError('This provider is disabled');

    const { identifier, password } = await parseBody<{ identifier: string; password: string }>(ctx.request.body, body);
    const user = await strapi.db.query(USER_UID).findOne({
      where: { provider: 'local', $or: [{ email: identifier.toLowerCase() }, { username: identifier }] },
      populate: ['role'],
    });
    if (!(await passwordMatches(strapi, password, user?.password))) throw new errors.ValidationError(WRONG);
    if (user.blocked === true) throw new errors.ApplicationError('Your account has been blocked by an administrator', coded('account.blocked'));
    if (user.confirmed !== true) throw new errors.ApplicationError(UNCONFIRMED, coded('account.unconfirmed', { reason: 'unconfirmed' }));
    return (strapi.service('api::account.two-factor') as any).loginOrChallenge(ctx, user);
  };
