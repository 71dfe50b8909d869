import type { Core } from '@strapi/strapi';

/**
 * What a plugin asks of the app through its config (config/plugins.ts), typed
 * once here so both sides import the same contract instead of one side
 * reaching into the other's files. Only the app knows its data model.
 */
export type Language = 'nl' | 'en';

/** Someone a plugin mails, in their language. */
export interface Recipient {
  email: string;
  language?: Language;
}

/** content-expiry: who owns an item, for the "about to expire" mail. */
export type OwnersOf = (args: { strapi: Core.Strapi; uid: string; documentId: string }) => Promise<Recipient[]>;

/**
 * content-expiry: a clean-up of the app's own data that runs with each
 * nightly run (e.g. enrolees' personal data some days after their date).
 * Answers how many rows it removed (in a dry run: would remove).
 */
export interface Housekeeping {
  name: string;
  run(args: { strapi: Core.Strapi; now: Date; dryRun: boolean }): Promise<number>;
}

/** listing-reminders: a link that logs the organisation's editor straight in ("edit my listing"). */
export type LoginLinkFor = (args: { strapi: Core.Strapi; email: string; organisation: string; language: Language }) => Promise<string>;

/** bulk-import: an upload from the staff page, handed to the app's importer. */
export interface ImportRequest {
  strapi: Core.Strapi;
  content: Buffer;
  filename: string;
  type?: string;
  dryRun: boolean;
  allOrNothing: boolean;
}
export type Importer = (request: ImportRequest) => Promise<unknown>;
