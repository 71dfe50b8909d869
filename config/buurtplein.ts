import type { Core } from '@strapi/strapi';
import { envList, websiteUrl } from '../src/lib/env';
import { geocoderUrl } from '../src/api/geocoder/lib/geocoder';

const formOfAddress = (value: string): 'je' | 'u' => {
  if (value !== 'je' && value !== 'u') throw new Error(`MAIL_FORM_OF_ADDRESS must be je or u, not "${value}"`);
  return value;
};

/** A GEOCODER_URL that is no http(s) URL stops the server at start, not at an editor's first lookup. */
const geocoderTemplate = (value: string) => {
  if (value) geocoderUrl(value, 'Stationsplein 1');
  return value;
};

// App settings of our own; read with strapi.config.get('buurtplein.<key>').
/** What a content change drops from the response cache: only what depends on it, or (as before #21) everything. */
function cacheInvalidation(value: string): 'scoped' | 'everything' {
  if (value !== 'scoped' && value !== 'everything') throw new Error(`CACHE_INVALIDATION must be scoped or everything, not "${value}"`);
  return value;
}

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  /** The public website: links in mails point here, and it posts the token back to the API. */
  frontendUrl: websiteUrl(env),
  /**
   * Where an item's page lives on that website, for links in feeds, maps,
   * agendas and embeds. The default matches the reference site in frontend/.
   */
  itemPath: env('FRONTEND_ITEM_PATH', '') || '/{type}.html?slug={slug}&lang={locale}',
  /** How Dutch mails address people: je (informal, the default) or u (formal). Anything else stops the server. */
  formOfAddress: formOfAddress(env('MAIL_FORM_OF_ADDRESS', '') || 'je'),
  /** Who is told about new sign-ups (comma-separated). */
  staffEmails: envList(env, 'STAFF_EMAILS'),
  /** Role types (e.g. editor) whose members must log in with a second factor. */
  twoFactorRoles: envList(env, 'TWO_FACTOR_ROLES'),
  links: {
    magicLinkMinutes: env.int('MAGIC_LINK_MINUTES', 30),
    invitationDays: env.int('INVITATION_DAYS', 7),
    claimDays: env.int('CLAIM_DAYS', 7),
    twoFactorChallengeMinutes: 5,
    passwordResetMinutes: env.int('PASSWORD_RESET_MINUTES', 60),
    registrationHours: 24,
  },
  /** Address lookup for the editors' forms (src/api/geocoder/lib/geocoder.ts); empty: they place the point on the map. */
  geocoder: {
    url: geocoderTemplate(env('GEOCODER_URL', '').trim()),
    timeoutMs: env.int('GEOCODER_TIMEOUT_MS', 5000),
  },
  /** Logos and activity pictures editors upload (src/api/my/services/pictures.ts). */
  pictures: {
    maxBytes: env.int('PICTURE_MAX_MB', 5) * 1024 * 1024,
  },
  /** Signs the links in mails that carry their own values (an enrolment's cancel link); APP_KEYS when unset. */
  mailLinkSecret: env('MAIL_LINK_SECRET', '') || env('APP_KEYS', ''),
  /** Enrolment for activities (src/api/enrolment). */
  enrolment: {
    /** The reminder goes this many hours before the date (0: no reminders). */
    reminderHours: env.int('ENROLMENT_REMINDER_HOURS', 24),
    /** Enrolees' names, emails and answers are deleted this many days after their date. */
    retentionDays: env.int('ENROLMENT_RETENTION_DAYS', 30),
  },
  proxies: {
    // Behind a reverse proxy (IS_PROXIED=true or TRUSTED_PROXIES set), forwarded headers count only from these peers.
    enabled: env.bool('IS_PROXIED', false) || envList(env, 'TRUSTED_PROXIES').length > 0,
    trusted: envList(env, 'TRUSTED_PROXIES'),
    // How long an idle connection stays open: longer than a load balancer keeps its idle
    // connections to us, or it may send a request on one we are just closing (Node's 5 s is not).
    keepAliveSeconds: env.int('SERVER_KEEP_ALIVE_SECONDS', 65),
    // On a stop signal, /_health answers 503 this long before connections close: the balancer's
    // check interval × failures to mark an instance down, plus a second.
    shutdownDelaySeconds: Math.max(0, env.int('SHUTDOWN_DELAY_SECONDS', 0)),
  },
  twoFactor: {
    // A challenge dies after this many wrong codes; a 6-digit code is then a 1 in 200,000 guess per login.
    maxCodesPerChallenge: 5,
    maxCodesPerAccount: 10,
  },
  rateLimit: {
    windowSeconds: env.int('RATE_LIMIT_WINDOW_SECONDS', 900),
    maxPerIp: env.int('RATE_LIMIT_MAX_PER_IP', 30),
    maxPerEmail: env.int('RATE_LIMIT_MAX_PER_EMAIL', 5),
    redisUrl: env('REDIS_URL', ''),
  },
  cache: {
    enabled: env.bool('CACHE_ENABLED', true),
    ttlSeconds: env.int('CACHE_TTL_SECONDS', 300),
    maxEntries: env.int('CACHE_MAX_ENTRIES', 5000),
    maxBytes: env.int('CACHE_MAX_BYTES', 64 * 1024 * 1024),
    redisUrl: env('REDIS_URL', ''),
    invalidation: cacheInvalidation(env('CACHE_INVALIDATION', 'scoped')),
    maxAgeSeconds: env.int('CACHE_MAX_AGE_SECONDS', 60),
    staleWhileRevalidateSeconds: env.int('CACHE_STALE_WHILE_REVALIDATE_SECONDS', 300),
  },
  /** Reach statistics without cookies (src/stats): views, unique visitors per day, searches. */
  stats: {
    enabled: env.bool('STATS_ENABLED', true),
    flushSeconds: Math.max(1, env.int('STATS_FLUSH_SECONDS', 60)),
    /** Daily figures older than this are deleted (0: kept for ever). */
    retentionDays: Math.max(0, env.int('STATS_RETENTION_DAYS', 730)),
    redisUrl: env('REDIS_URL', ''),
  },
});
