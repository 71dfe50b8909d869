import type { Core } from '@strapi/strapi';
import { passwordLogin } from '../../api/account/lib/password-login';
import { localizedForgotPassword, resetPasswordWithSecondFactor } from '../../api/account/lib/password-reset';
import { registerWithConfirmation, resendConfirmation } from '../../api/account/lib/registration';
import { checkedChangePassword } from '../../api/account/lib/change-password';
import type { RateLimitRouteConfig } from '../../middlewares/rate-limit';
import { withCachedPublicAbility, withoutLookupForSessionTokens, type AuthStrategy } from '../../cache/public-ability';
import { API_TOKEN_STRATEGIES } from '../../public-reads/public-query';

type ControllerFactory = (deps: { strapi: Core.Strapi }) => Record<string, any>;
interface Route {
  method: string;
  path: string;
  config?: { middlewares?: unknown[] } & Record<string, unknown>;
}
type RoutesFactory = ((...args: unknown[]) => { routes: Route[] }) & Record<string, unknown>;
interface UsersPermissionsPlugin {
  contentTypes: Record<'user' | 'role', { schema: { attributes: Record<string, unknown> } }>;
  controllers: Record<string, ControllerFactory>;
  routes: Record<string, RoutesFactory>;
  register: (deps: { strapi: Core.Strapi }) => unknown;
}

/** Our limiter (per IP and per email, 429 + Retry-After) instead of users-permissions' own, on every auth route. */
const AUTH_ROUTE_LIMITS: Record<string, RateLimitRouteConfig> = {
  '/auth/local': { scope: 'login', emailField: 'identifier' },
  '/auth/local/register': { scope: 'register' },
  '/auth/forgot-password': { scope: 'forgot-password' },
  '/auth/reset-password': { scope: 'reset-password' },
  '/auth/send-email-confirmation': { scope: 'email-confirmation' },
};

const withOurRateLimit = (route: Route): Route => {
  const limit = AUTH_ROUTE_LIMITS[route.path];
  if (!limit || route.method !== 'POST') return route;
  const others = (route.config?.middlewares ?? []).filter((m) => m !== 'plugin::users-permissions.rateLimit');
  return { ...route, config: { ...route.config, middlewares: [...others, { name: 'global::rate-limit', config: limit }] } };
};

/**
 * Adds to users-permissions what buurtplein needs: the language mails are
 * written in, two-factor login (TOTP) and roles that require it, and one
 * account model: an account exists for a person only once they proved their
 * address. So the routes that log in, register, confirm and reset are ours
 * (same paths, messages and answer shapes); the rest keeps Strapi's own code.
 */
export default (plugin: UsersPermissionsPlugin) => {
  Object.assign(plugin.contentTypes.user.schema.attributes, {
    language: { type: 'enumeration', enum: ['nl', 'en'], default: 'nl' },
    // What others see on what the person writes; never derived from the email address.
    displayName: { type: 'string', maxLength: 60 },
    totpEnabled: { type: 'boolean', default: false },
    totpSecret: { type: 'string', private: true, searchable: false, configurable: false },
    // A new authenticator being set up: it replaces totpSecret only once a code from it is entered.
    totpPendingSecret: { type: 'string', private: true, searchable: false, configurable: false },
    totpLastStep: { type: 'biginteger', private: true, configurable: false },
  });
  Object.assign(plugin.contentTypes.role.schema.attributes, {
    requireTwoFactor: { type: 'boolean', default: false },
  });

  const createAuthController = plugin.controllers.auth;
  plugin.controllers.auth = ({ strapi }) => {
    const controller = createAuthController({ strapi });
    return {
      ...controller,
      callback: passwordLogin(strapi, controller.callback.bind(controller)),
      register: registerWithConfirmation(strapi),
      sendEmailConfirmation: resendConfirmation(strapi),
      forgotPassword: localizedForgotPassword(strapi),
      resetPassword: resetPasswordWithSecondFactor(strapi),
      changePassword: checkedChangePassword(strapi, controller.changePassword.bind(controller)),
    };
  };

  // Strapi registers the content API's auth strategies after this file is applied (the admin's
  // API-token strategy, then this plugin's): hand it ours where we keep what they read each request.
  const strapi = (globalThis as unknown as { strapi: Core.Strapi }).strapi;
  const auth = strapi.get('auth');
  const registerStrategy = auth.register;
  auth.register = (type: string, strategy: AuthStrategy) => {
    if (type !== 'content-api') return registerStrategy.call(auth, type, strategy);
    if (strategy.name === 'users-permissions') return registerStrategy.call(auth, type, withCachedPublicAbility(strapi, strategy));
    return registerStrategy.call(auth, type, API_TOKEN_STRATEGIES.includes(strategy.name) ? withoutLookupForSessionTokens(strategy) : strategy);
  };

  const createContentApiRoutes = plugin.routes['content-api'];
  plugin.routes['content-api'] = Object.assign((...args: unknown[]) => {
    const routes = createContentApiRoutes(...args);
    return { ...routes, routes: routes.routes.map(withOurRateLimit) };
  }, createContentApiRoutes);
  return plugin;
};
