import type { Housekeeping, OwnersOf } from '@buurtplein/plugin-kit';
/**
 * When is an item expired? Any one condition is enough:
 * - `{ field, fallbackField?, graceDays?, unlessSet? }`: a date field (or its fallback when empty) lies more than graceDays in the past; skipped when `unlessSet` has a value (e.g. recurring activities);
 * - `{ field, olderThanMonths }`: a date field (or fallback) older than that many months;
 * - `{ field, in, graceDays? }`: the field has one of these values, and the item has not changed for graceDays;
 * - `{ recurrenceField, startField, graceDays? }`: the last occurrence of an RFC 5545 RRULE has passed (open-ended rules never expire).
 */
export interface ExpiryCondition {
  field?: string;
  fallbackField?: string;
  graceDays?: number;
  unlessSet?: string;
  olderThanMonths?: number;
  in?: (string | number | boolean)[];
  recurrenceField?: string;
  startField?: string;
}

export type { Recipient } from '@buurtplein/plugin-kit';

export interface ExpiryType {
  uid: string;
  expiredWhen: ExpiryCondition[];
  /** Archiving one of these also archives its dependants (restoring brings back exactly those). */
  cascade?: { uid: string; relation: string }[];
  /** Set to now on restore, so a restored item gets a fresh start (e.g. lastConfirmedAt). */
  touchOnRestore?: string;
  /** Mail the owners this many days before the item expires ("still running? extend it"). */
  warnOwnersDaysBefore?: number;
}

export interface ContentExpiryConfig {
  /** Cron rule for the scheduled run; empty string = no schedule. */
  schedule: string;
  timezone: string;
  /** Archived items are deleted for good after this many months. */
  retentionMonths: number;
  /** Rows handled per transaction: memory stays flat whatever the table size. */
  batchSize: number;
  /** A restored item is left alone for this many days. */
  restoreGraceDays: number;
  types: ExpiryType[];
  /** Who owns an item (for the warning mail); the app knows its own data model. */
  owners?: OwnersOf;
  /** Link in the warning mail, e.g. the website's "manage my listing" page. */
  manageUrl?: string;
  /** The app's own clean-ups that run with each run, after the types (e.g. enrolees' data after their date). */
  housekeeping?: Housekeeping[];
}

const DEFAULTS: Omit<ContentExpiryConfig, 'types'> & { types: ExpiryType[] } = {
  schedule: '30 2 * * *',
  timezone: 'Europe/Amsterdam',
  retentionMonths: 12,
  batchSize: 500,
  restoreGraceDays: 30,
  types: [],
};

const isCount = (n: unknown, min = 0) => Number.isInteger(n) && (n as number) >= min;

function conditionProblem(c: any): string | null {
  if (!c || typeof c !== 'object') return 'must be an object';
  if ('recurrenceField' in c) return typeof c.startField === 'string' ? null : 'a recurrence condition needs startField';
  if (typeof c.field !== 'string') return 'needs a field';
  if ('in' in c && !Array.isArray(c.in)) return '"in" must be a list';
  if ('olderThanMonths' in c && !isCount(c.olderThanMonths, 1)) return 'olderThanMonths must be a whole number ≥ 1';
  if ('graceDays' in c && !isCount(c.graceDays)) return 'graceDays must be a whole number ≥ 0';
  return null;
}

export default {
  default: DEFAULTS,
  validator(config: ContentExpiryConfig) {
    const fail = (message: string) => {
      throw new Error(`[content-expiry] config: ${message}`);
    };
    if (!isCount(config.retentionMonths, 1)) fail('retentionMonths must be a whole number ≥ 1');
    if (!isCount(config.batchSize, 1)) fail('batchSize must be a whole number ≥ 1');
    if (!isCount(config.restoreGraceDays)) fail('restoreGraceDays must be a whole number ≥ 0');
    if (typeof config.schedule !== 'string') fail('schedule must be a cron rule (or "" for none)');
    if (!Array.isArray(config.types)) fail('types must be a list');
    for (const type of config.types) {
      if (typeof type.uid !== 'string') fail('every type needs a uid');
      if (!Array.isArray(type.expiredWhen) || !type.expiredWhen.length) fail(`${type.uid}: expiredWhen needs at least one condition`);
      type.expiredWhen.forEach((c, i) => {
        const problem = conditionProblem(c);
        if (problem) fail(`${type.uid}: expiredWhen[${i}] ${problem}`);
      });
    }
    if (config.owners !== undefined && typeof config.owners !== 'function') fail('owners must be a function');
    if (config.housekeeping !== undefined && (!Array.isArray(config.housekeeping) || config.housekeeping.some((h) => typeof h?.name !== 'string' || typeof h.run !== 'function'))) {
      fail('housekeeping must be a list of { name, run }');
    }
  },
};
