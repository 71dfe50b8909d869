import path from 'path';
import type { Core } from '@strapi/strapi';
import { activityOwners } from '../src/plugin-callbacks/expiry-owners';
import { enrolmentRetention } from '../src/plugin-callbacks/enrolment-retention';
import { reminderLoginLink } from '../src/plugin-callbacks/reminder-login-link';
import { reminderReach } from '../src/plugin-callbacks/reminder-reach';
import { envList, websiteUrl } from '../src/lib/env';
import { importUpload } from '../src/plugin-callbacks/import-upload';
import { IMPORT_TYPES } from '../src/import/types';

const allowedMediaTypes = [
  'image/*',
  'video/*',
  'audio/*',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.*',
  'text/plain',
  'text/csv',
];

const deniedTypes = [
  'image/svg+xml',
  'application/vnd.microsoft.portable-executable',
  'application/x-msdownload',
  'application/x-msdos-program',
  'application/x-executable',
  'application/x-dosexec',
  'application/x-sh',
  'text/x-shellscript',
  'application/x-mach-binary',
];

// Strapi loads this file compiled, as dist/config/plugins.js; tests import the
// source, config/plugins.ts. Both must find the project root.
const appRoot = path.resolve(__dirname, __filename.endsWith('.ts') ? '..' : '../..');

type Env = Core.Config.Shared.ConfigParams['env'];

// SMTP when SMTP_HOST is set; otherwise every mail is written to MAIL_DIR as an
// .eml file, so sign-up and notification flows also work in the offline demo.
// `||` rather than env defaults: .env (copied from .env.example) sets these
// variables to '' when unused, and '' must mean "not configured".
const email = (env: Env) => {
  const from = env('MAIL_FROM') || 'buurtplein <noreply@buurtplein.local>';
  const settings = { defaultFrom: from, defaultReplyTo: env('MAIL_REPLY_TO') || from };
  const host = env('SMTP_HOST');
  if (host) {
    const secure = env.bool('SMTP_SECURE', false);
    const user = env('SMTP_USERNAME');
    return {
      provider: 'nodemailer',
      providerOptions: {
        host,
        // Implicit TLS (SMTP_SECURE=true) is served on 465, STARTTLS on 587.
        port: env.int('SMTP_PORT') || (secure ? 465 : 587),
        secure,
        pool: env.bool('SMTP_POOL', false),
        ...(user ? { auth: { user, pass: env('SMTP_PASSWORD') } } : {}),
      },
      settings,
    };
  }
  return {
    // Installed as a file: dependency, so it resolves by (lower-case) package
    // name wherever the project lives; the email plugin lower-cases paths.
    provider: '@buurtplein/provider-email-file',
    providerOptions: { dir: path.resolve(appRoot, env('MAIL_DIR') || '.tmp/mail') },
    settings,
  };
};

const DAY = 24 * 60 * 60;

/** Message-IDs end in the sender's domain (MAIL_FROM), as mail systems expect of them. */
const mailDomain = (env: Env) => /@([a-z0-9.-]+)>?\s*$/i.exec(env('MAIL_FROM') || '')?.[1] || 'buurtplein.local';

/** This server's public URL: confirm and unsubscribe links in mails point here. */
const publicUrl = (env: Env) => env('PUBLIC_URL', '') || `http://localhost:${env('PORT', '1337')}`;

/**
 * Logins hand out a short access token and a refresh token in an httpOnly
 * cookie; the website renews the access token with it (POST /api/auth/refresh)
 * until the person has been away SESSION_IDLE_DAYS. The cookie lives as long,
 * so closing the browser does not end the session.
 */
const sessions = (env: Core.Config.Shared.ConfigParams['env']) => {
  const idleDays = env.int('SESSION_IDLE_DAYS', 14);
  return {
    httpOnly: true,
    accessTokenLifespan: env.int('SESSION_ACCESS_TOKEN_SECONDS', 600),
    idleRefreshTokenLifespan: idleDays * DAY,
    maxRefreshTokenLifespan: Math.max(idleDays, 30) * DAY,
    cookie: { maxAge: idleDays * DAY * 1000 },
  };
};

// Our own plugins live in ./plugins and are compiled with the app. Every plugin
// listed with `resolve` is checked at start-up (src/plugin-check.ts): Strapi
// would otherwise skip one whose build is missing without a word.
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: sessions(env),
    },
  },
  upload: {
    config: {
      security: {
        allowedTypes: allowedMediaTypes,
        deniedTypes,
      },
    },
  },
  email: {
    config: email(env),
  },
  // Listed before the plugins that send through it.
  outbox: {
    enabled: true,
    resolve: './plugins/outbox',
    config: {
      publicUrl: publicUrl(env),
      // Signs the unsubscribe links; falls back to the app keys for an older .env.
      secret: env('MAIL_LINK_SECRET', '') || env('APP_KEYS', ''),
      messageIdDomain: mailDomain(env),
      // REMINDER_*: the names from before the outbox sent the reminders too.
      attempts: env.int('MAIL_ATTEMPTS', env.int('REMINDER_ATTEMPTS', 4)),
      backoffMs: env.int('MAIL_BACKOFF_MS', env.int('REMINDER_BACKOFF_MS', 2000)),
      // How long a mail an instance claimed may stay unsent before another instance takes it over (the first one died).
      leaseMinutes: env.int('MAIL_LEASE_MINUTES', 10),
    },
  },
  'content-expiry': {
    enabled: true,
    resolve: './plugins/content-expiry',
    config: {
      schedule: env('EXPIRY_SCHEDULE', '30 2 * * *').trim(),
      timezone: 'Europe/Amsterdam',
      retentionMonths: env.int('EXPIRY_RETENTION_MONTHS', 12),
      batchSize: 500,
      restoreGraceDays: 30,
      owners: activityOwners,
      manageUrl: `${websiteUrl(env)}/manage`,
      housekeeping: [enrolmentRetention],
      types: [
        {
          // Ended: endsAt (or startsAt when there is no end) a day ago, or the last occurrence of its RRULE.
          uid: 'api::activity.activity',
          expiredWhen: [
            { field: 'endsAt', fallbackField: 'startsAt', unlessSet: 'recurrence', graceDays: 1 },
            { recurrenceField: 'recurrence', startField: 'startsAt', graceDays: 1 },
          ],
          warnOwnersDaysBefore: 7,
        },
        {
          uid: 'api::initiative.initiative',
          expiredWhen: [
            { field: 'stage', in: ['done'], graceDays: 30 },
            { field: 'updatedAt', olderThanMonths: 12 },
          ],
        },
        {
          // Not confirmed for this long (after the quarterly reminders went unanswered).
          uid: 'api::organisation.organisation',
          expiredWhen: [{ field: 'lastConfirmedAt', fallbackField: 'createdAt', olderThanMonths: env.int('EXPIRY_UNCONFIRMED_MONTHS', 9) }],
          cascade: [{ uid: 'api::activity.activity', relation: 'organisation' }],
          touchOnRestore: 'lastConfirmedAt',
        },
      ],
    },
  },
  'listing-reminders': {
    enabled: true,
    resolve: './plugins/listing-reminders',
    config: {
      // First Monday of January, April, July and October at 09:00 (the job picks the Monday).
      schedule: env('REMINDER_SCHEDULE', '0 9 1-7 1,4,7,10 *').trim(),
      timezone: 'Europe/Amsterdam',
      publicUrl: publicUrl(env),
      // Signs the one-click confirm links; falls back to the app keys for an older .env.
      secret: env('REMINDER_LINK_SECRET', '') || env('APP_KEYS', ''),
      loginLink: reminderLoginLink,
      reachOf: reminderReach,
      staleAfterMissed: 2,
      formOfAddress: env('MAIL_FORM_OF_ADDRESS', '') || 'je',
    },
  },
  moderation: {
    enabled: true,
    resolve: './plugins/moderation',
    config: { reportsToHide: env.int('REPORTS_TO_HIDE', 3) },
  },
  'idea-support': {
    enabled: true,
    resolve: './plugins/idea-support',
    config: {
      initiativeUid: 'api::initiative.initiative',
      threshold: env.int('SUPPORT_THRESHOLD', 50),
      notifyEmails: envList(env, 'STAFF_EMAILS'),
      officialName: env('OFFICIAL_REPLY_NAME', 'Gemeente'),
    },
  },
  'bulk-import': {
    enabled: true,
    resolve: './plugins/bulk-import',
    config: { importer: importUpload, types: IMPORT_TYPES },
  },
});

export default config;
