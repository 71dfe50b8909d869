import type { Core } from '@strapi/strapi';
import type { GeocoderSettings } from '../api/geocoder/lib/geocoder';

export interface BuurtpleinSettings {
  frontendUrl: string;
  /** How Dutch mails address people: informal (je) or formal (u). */
  formOfAddress: 'je' | 'u';
  staffEmails: string[];
  twoFactorRoles: string[];
  links: {
    magicLinkMinutes: number;
    invitationDays: number;
    claimDays: number;
    twoFactorChallengeMinutes: number;
    passwordResetMinutes: number;
    /** The link that confirms a registration with a password. */
    registrationHours: number;
  };
  geocoder: GeocoderSettings;
  pictures: { maxBytes: number };
  mailLinkSecret: string;
  enrolment: { reminderHours: number; retentionDays: number };
  /** Which peers may tell us, in X-Forwarded-*, who the client is. */
  proxies: { enabled: boolean; trusted: string[]; keepAliveSeconds: number; shutdownDelaySeconds: number };
  twoFactor: { maxCodesPerChallenge: number; /** Within the rate-limit window. */ maxCodesPerAccount: number };
  rateLimit: { windowSeconds: number; maxPerIp: number; maxPerEmail: number; /** Empty: counters per instance. */ redisUrl: string };
  cache: CacheSettings;
  stats: StatsSettings;
}

export interface StatsSettings {
  /** STATS_ENABLED=false: nothing is counted (the figures already kept stay readable). */
  enabled: boolean;
  /** Counts reach the database within this many seconds. */
  flushSeconds: number;
  /** 0: daily figures are kept for ever. */
  retentionDays: number;
  /** Empty: each instance hashes and de-duplicates visitors on its own. */
  redisUrl: string;
}

export interface CacheSettings {
  /** Keep public responses (ETag and 304 work either way). */
  enabled: boolean;
  ttlSeconds: number;
  maxEntries: number;
  /** What one instance's memory cache may hold in all. */
  maxBytes: number;
  /** Empty: a memory cache per instance. */
  redisUrl: string;
  /** 'scoped': a change drops the answers that depend on it (src/cache/scopes.ts); 'everything': any change drops every answer. */
  invalidation: 'scoped' | 'everything';
  /** What browsers and CDNs are told (Cache-Control). */
  maxAgeSeconds: number;
  staleWhileRevalidateSeconds: number;
}

export const settings = (strapi: Core.Strapi) => strapi.config.get('buurtplein') as BuurtpleinSettings;

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
