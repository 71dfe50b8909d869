import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { forbidden } from '../../../lib/errors';
import { coded } from '../../../lib/error-codes';

const USER_UID = 'plugin::users-permissions.user';
export const UNCONFIRMED = 'Confirm your email address first: follow the link in the mail we sent you';

/**
 * Answers a successful login exactly like users-permissions' own
 * POST /api/auth/local does, for each of its jwtManagement modes, so clients
 * treat an email-link login and a password login the same. (Its helper is
 * not exported, hence the few mirrored lines.)
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async respondWithLogin(ctx: any, user: { id: number }, extra: Record<string, unknown> = {}) {
    // Loaded afresh and unpopulated, so the user object is the one /api/auth/local returns.
    const stored = await strapi.db.query(USER_UID).findOne({ where: { id: user.id } });
    // The last gate of every login: only a person who proved their address, and is not blocked, gets a session.
    if (!stored || stored.blocked) throw forbidden('Your account has been blocked by an administrator', coded('account.blocked', { reason: 'blocked' }));
    if (stored.confirmed !== true) throw forbidden(UNCONFIRMED, coded('account.unconfirmed', { reason: 'unconfirmed' }));
    const sanitizedUser = await strapi.contentAPI.sanitize.output(stored, strapi.getModel(USER_UID), { auth: ctx.state.auth });
    const mode = String(strapi.config.get('plugin::users-permissions.jwtManagement', 'legacy-support'));
    if (mode !== 'refresh') {
      const jwt = strapi.plugin('users-permissions').service('jwt').issue({ id: user.id });
      return ctx.send({ jwt, user: sanitizedUser, ...extra });
    }
    const sessions = strapi.sessionManager('users-permissions');
    const deviceId = typeof ctx.request.body?.deviceId === 'string' ? ctx.request.body.deviceId : undefined;
    const refresh = await sessions.generateRefreshToken(String(user.id), deviceId, { type: 'refresh' });
    const access = await sessions.generateAccessToken(refresh.token);
    if ('error' in access) throw new errors.ApplicationError('Invalid credentials');
    const config = strapi.config.get('plugin::users-permissions.sessions') as any;
    if (config?.httpOnly || ctx.request.header['x-strapi-refresh-cookie'] === 'httpOnly') {
      ctx.cookies.set(config?.cookie?.name || 'strapi_up_refresh', refresh.token, {
        httpOnly: true,
        // Secure is set by the request's own protocol (src/middlewares/secure-cookies.ts).
        sameSite: config?.cookie?.sameSite ?? 'lax',
        path: config?.cookie?.path ?? '/',
        domain: config?.cookie?.domain,
        maxAge: config?.cookie?.maxAge,
        overwrite: true,
      });
      return ctx.send({ jwt: access.token, user: sanitizedUser, ...extra });
    }
    return ctx.send({ jwt: access.token, refreshToken: refresh.token, user: sanitizedUser, ...extra });
  },
});
