import { createSecretKey } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { settings } from '../lib/settings';
import { memoPerGeneration } from './index';
import { EVERYTHING } from './scopes';

interface AuthResult {
  authenticated?: boolean;
  credentials?: unknown;
  ability?: unknown;
  error?: string;
}
export interface AuthStrategy {
  name: string;
  authenticate(ctx: any): Promise<AuthResult>;
  verify?(auth: unknown, config: unknown): Promise<void> | void;
}

/**
 * users-permissions reads the public role's permissions from the database and
 * builds an ability from them on every request without a token. They change
 * only when staff edit roles or permissions, which start a new cache
 * generation (src/cache/invalidation.ts), so one ability per generation serves
 * every anonymous request. Requests with a token keep the strategy's own path.
 */
export function withCachedPublicAbility(strapi: Core.Strapi, strategy: AuthStrategy): AuthStrategy {
  let publicAuth: (() => Promise<AuthResult>) | undefined;
  const loadPublicAuth = async (): Promise<AuthResult> => {
    const service = strapi.plugin('users-permissions').service('permission');
    const permissions = (await service.findPublicPermissions()).map(service.toContentAPIPermission);
    if (permissions.length === 0) return { authenticated: false };
    const ability = await strapi.contentAPI.permissions.engine.generateAbility(permissions);
    return { authenticated: true, credentials: null, ability };
  };

  return {
    ...strategy,
    async authenticate(ctx) {
      if (ctx.request.header.authorization) return strategy.authenticate(ctx);
      publicAuth ??= memoPerGeneration(loadPublicAuth, settings(strapi).cache.ttlSeconds * 1000, [EVERYTHING]);
      // Like the strategy itself: a failure means "not authenticated", never a 500.
      return publicAuth().catch(() => ({ authenticated: false }));
    },
  };
}

/** A session's access token is a JWT (three dot-separated parts); Strapi's API tokens are hex from random bytes. */
const SESSION_TOKEN = /^bearer\s+[\w-]+\.[\w-]+\.[\w-]+$/i;

/**
 * Every bearer goes first through the content API's token strategy, which
 * looks the token up in strapi_api_tokens: one statement on every signed-in
 * request. A JWT can never be an API token, so for one it answers "not mine"
 * at once, as it would after the lookup; users-permissions takes it next.
 */
export function withoutLookupForSessionTokens(strategy: AuthStrategy): AuthStrategy {
  return {
    ...strategy,
    async authenticate(ctx) {
      if (SESSION_TOKEN.test(String(ctx.request.header.authorization ?? ''))) return { authenticated: false };
      return strategy.authenticate(ctx);
    },
  };
}

/**
 * The same for a signed-in person's role: users-permissions reads the role's
 * permissions (two queries) on every request with a token. Kept per role and
 * cache generation, which any change to a role or permission starts anew.
 * The user is still read on every request (blocked, confirmed, role).
 */
export function cacheRolePermissions(strapi: Core.Strapi) {
  const service = strapi.plugin('users-permissions').service('permission');
  const load = service.findRolePermissions;
  const perRole = new Map<unknown, () => Promise<unknown>>();
  // The strategy passes the method on detached (.then(service.findRolePermissions)): no `this` here.
  service.findRolePermissions = (roleId: unknown) => {
    let permissions = perRole.get(roleId);
    if (!permissions) perRole.set(roleId, (permissions = memoPerGeneration(() => load(roleId), settings(strapi).cache.ttlSeconds * 1000, [EVERYTHING])));
    return permissions();
  };
}

/**
 * users-permissions reads the user twice for every request with an access
 * token: once to check the token's user exists (jwt.verify), and again, with
 * the role, to authenticate (fetchAuthenticatedUser, which refuses a missing
 * user as well). With access tokens minted by the session manager the first
 * read is left out; a token whose user is gone is still refused (401).
 */
export function readTheUserOnce(strapi: Core.Strapi) {
  if (strapi.config.get('plugin::users-permissions.jwtManagement') !== 'refresh') return;
  const jwt = strapi.plugin('users-permissions').service('jwt');
  jwt.verify = async (token: string) => {
    const result = strapi.sessionManager('users-permissions').validateAccessToken(token);
    if (!result.isValid || result.payload.type !== 'access') throw new Error('Invalid token.');
    const { userId, sessionId } = result.payload as { userId: string; sessionId?: string };
    return { id: Number(userId) || userId, sessionId };
  };
}

/**
 * jsonwebtoken takes a string secret for a PEM public key first and only falls back to a
 * secret key once that parse has thrown: an exception on every signed-in request (~5 % of a
 * support's CPU). The session manager is given the same secret as a KeyObject instead, which
 * signs and verifies the same tokens. Call in register: users-permissions defines its origin in
 * its bootstrap.
 */
export function sessionSecretAsKey(strapi: Core.Strapi) {
  const manager = strapi.sessionManager as unknown as { defineOrigin(origin: string, config: { jwtSecret?: unknown }): void };
  const defineOrigin = manager.defineOrigin;
  manager.defineOrigin = (origin, config) =>
    defineOrigin(origin, origin === 'users-permissions' && typeof config.jwtSecret === 'string' ? { ...config, jwtSecret: createSecretKey(Buffer.from(config.jwtSecret)) } : config);
}

type GenerateAbility = (permissions: unknown[], options?: Record<string, unknown>) => Promise<unknown>;

/**
 * users-permissions and the API-token strategy build a CASL ability from the caller's permissions on
 * every request with a token (~7 % of a support's CPU). The content API's engine has no per-caller
 * conditions: an ability depends only on the permissions it is built from, as the public one cached
 * above. So one is kept per distinct set of permissions (at most `max`, oldest out); a changed set of
 * permissions is another key, so nothing is served stale.
 */
export function shareContentApiAbilities(strapi: Core.Strapi, max = 50) {
  const engine = strapi.contentAPI.permissions.engine as unknown as { generateAbility: GenerateAbility };
  const generate: GenerateAbility = engine.generateAbility.bind(engine);
  const built = new Map<string, Promise<unknown>>();
  engine.generateAbility = (permissions, options) => {
    if (options && Object.keys(options).length) return generate(permissions, options);
    const key = JSON.stringify(permissions);
    let ability = built.get(key);
    if (!ability) {
      if (built.size >= max) built.delete(built.keys().next().value!);
      ability = generate(permissions);
      built.set(key, ability);
      ability.catch(() => built.delete(key));
    }
    return ability;
  };
}
