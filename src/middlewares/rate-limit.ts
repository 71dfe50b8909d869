import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { rateLimitKey } from '../limits/client-address';
import { createRateLimiter, normaliseEmail } from '../limits/rate-limit';
import { rateLimitStore } from '../bootstrap/rate-limit-store';
import { settings } from '../lib/settings';

export interface RateLimitRouteConfig {
  /** Requests of one scope share their counters (e.g. all magic-link requests). */
  scope: string;
  /** Where the email is in the JSON body, dotted; default `email`. */
  emailField?: string;
  /** Also per signed-in account (as many as per email): against one person flooding from many addresses. */
  perUser?: boolean;
}

const valueAt = (body: unknown, dotted: string) =>
  dotted.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), body);

/**
 * 429 with Retry-After when one IP, or one email address, asks too often:
 * per IP against brute force and floods, per email against mail-bombing one
 * person from many addresses. An IPv6 client counts by its /64 (one
 * subscriber may pick any address in it), an email by the mailbox it reaches
 * (see normaliseEmail). Limits are read per request, so staff can change them
 * in config without a restart of this code path.
 */
export default (config: RateLimitRouteConfig, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: any, next: () => Promise<void>) => {
    const { windowSeconds, maxPerIp, maxPerEmail } = settings(strapi).rateLimit;
    const windowMs = windowSeconds * 1000;
    const limiter = createRateLimiter({
      store: rateLimitStore(),
      rules: [
        { name: `${config.scope}:ip`, windowMs, max: maxPerIp, key: ({ ip }) => (ip ? rateLimitKey(ip) : 'unknown-ip') },
        { name: `${config.scope}:email`, windowMs, max: maxPerEmail, key: ({ email }) => email ?? null },
        ...(config.perUser ? [{ name: `${config.scope}:user`, windowMs, max: maxPerEmail, key: ({ userId }: { userId?: number }) => (userId ? String(userId) : null) }] : []),
      ],
    });
    const result = await limiter.check({
      ip: ctx.request.ip,
      email: normaliseEmail(valueAt(ctx.request.body, config.emailField ?? 'email')),
      userId: ctx.state.user?.id,
    });
    if (!result.allowed) {
      ctx.set('Retry-After', String(result.retryAfterSeconds));
      throw new errors.RateLimitError('Too many requests. Please wait a moment and try again.', {
        retryAfterSeconds: result.retryAfterSeconds,
      });
    }
    await next();
  };
