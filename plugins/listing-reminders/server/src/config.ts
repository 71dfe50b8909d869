import type { Core } from '@strapi/strapi';
import type { LoginLinkFor } from '@buurtplein/plugin-kit';
import type { ReminderRecipient } from '../../shared/run';

export type { ReminderRecipient };

export interface ListingRemindersConfig {
  /** Organisations need name, reminderEmail, lastConfirmedAt, approvalStatus, preferredLanguage and archivedAt. */
  organisationUid: string;
  /** Activities need organisation, title, startsAt, recurrence and lastConfirmedAt. */
  activityUid: string;
  /** The locale whose version of an organisation the reminder describes when it has none in the mail's language. */
  defaultLocale: string;
  /** Cron rule; the job also checks it is the first Monday of a quarter month. '' = only on demand. */
  schedule: string;
  timezone: string;
  /** Where confirm links point: this server's public URL. */
  publicUrl: string;
  /** Signs confirm links (HMAC); keep it secret and stable. */
  secret: string;
  /** A link that logs the organisation's editor straight in ("edit my listing"); the app knows how. */
  loginLink?: LoginLinkFor;
  /** How often an organisation's listing was viewed last quarter, for {{reach}}; null or absent: the sentence is left out. */
  reachOf?: (args: { strapi: Core.Strapi; organisation: string }) => Promise<number | null>;
  /** Mails sent at the same time. */
  concurrency: number;
  /** Missed reminders in a row that make a listing stale. */
  staleAfterMissed: number;
  /** Organisations page size while sending. */
  batchSize: number;
  /** How the Dutch texts (mail and confirm page) address people: je (informal) or u (formal). */
  formOfAddress: 'je' | 'u';
}

const DEFAULTS: Omit<ListingRemindersConfig, 'secret' | 'publicUrl'> & { secret: string; publicUrl: string } = {
  organisationUid: 'api::organisation.organisation',
  activityUid: 'api::activity.activity',
  defaultLocale: 'nl',
  schedule: '0 9 1-7 1,4,7,10 *',
  timezone: 'Europe/Amsterdam',
  publicUrl: 'http://localhost:1337',
  secret: '',
  concurrency: 8,
  staleAfterMissed: 2,
  batchSize: 500,
  formOfAddress: 'je',
};

export default {
  default: DEFAULTS,
  validator(config: ListingRemindersConfig) {
    const fail = (message: string) => {
      throw new Error(`[listing-reminders] config: ${message}`);
    };
    if (typeof config.secret !== 'string' || config.secret.length < 16) fail('secret must be a string of at least 16 characters');
    if (config.formOfAddress !== 'je' && config.formOfAddress !== 'u') fail('formOfAddress must be je or u');
    if (!/^https?:\/\//.test(config.publicUrl)) fail('publicUrl must start with http:// or https://');
    for (const key of ['concurrency', 'staleAfterMissed', 'batchSize'] as const) {
      if (!Number.isInteger(config[key]) || config[key] < 1) fail(`${key} must be a whole number ≥ 1`);
    }
    for (const key of ['loginLink', 'reachOf'] as const) {
      if (config[key] !== undefined && typeof config[key] !== 'function') fail(`${key} must be a function`);
    }
  },
};
