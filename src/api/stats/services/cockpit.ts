import type { Core } from '@strapi/strapi';
import { publicRule } from '@buurtplein/plugin-kit';
import { lastOccurrenceStart } from '../../../discovery/recurrence';

const ORG = 'api::organisation.organisation';
const ACTIVITY = 'api::activity.activity';
const SETTINGS = 'api::enrolment.enrolment-settings';
const COMMENT = 'plugin::idea-support.comment';
const ARCHIVE_RECORD = 'plugin::content-expiry.archive-record';
/** listing-reminders' outbox kind (REMINDER_KIND in its services/reminders.ts); the app imports nothing from a plugin. */
const REMINDER_KIND = 'listing-reminders.reminder';
const DAY = 24 * 3600 * 1000;
const EXPIRY_WINDOW_DAYS = 7;
/** The moderation queue holds reported items only (a few dozen); this just keeps one call from reading a table without end. */
const QUEUE_LIMIT = 100_000;

/** The admin panel is served at /admin (config/admin.ts sets no other url). */
const ADMIN = '/admin';
const pluginPage = (id: string) => `${ADMIN}/plugins/${id}`;
/** A Content Manager list with `filters[$and][i][field][operator]=value`, as the list view writes them itself. */
function listOf(uid: string, filters: [string, string, string | number][] = []) {
  const query = filters.map(([field, operator, value], i) => `filters[$and][${i}][${field}][${operator}]=${encodeURIComponent(String(value))}`).join('&');
  return `${ADMIN}/content-manager/collection-types/${uid}${query ? `?${query}` : ''}`;
}

export interface CockpitItem {
  key: string;
  count: number;
  /** Where in the admin panel staff handle it. */
  href: string;
}

interface ExpiryCondition {
  field?: string;
  fallbackField?: string;
  graceDays?: number;
  unlessSet?: string;
  olderThanMonths?: number;
  in?: unknown[];
  recurrenceField?: string;
  startField?: string;
}
interface ExpiryType {
  uid: string;
  expiredWhen: ExpiryCondition[];
}

const monthsBefore = (date: Date, months: number) => {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d;
};

/** "What needs me today": counts of the work that waits for the communication team, each with the admin page where it is done. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const query = (uid: string) => strapi.db.query(uid as any);
  const distinct = (rows: { documentId: string }[]) => new Set(rows.map((r) => r.documentId));

  /** Signed-up organisations staff have not approved yet (sign-up saves a pending draft; approving publishes it). */
  async function organisationsAwaitingApproval(): Promise<CockpitItem> {
    const rows = await query(ORG).findMany({ where: { approvalStatus: 'pending' }, select: ['documentId'] });
    return { key: 'organisationsAwaitingApproval', count: distinct(rows).size, href: listOf(ORG, [['approvalStatus', '$eq', 'pending']]) };
  }

  /** The moderation queue: hidden items and visible ones with reports, every registered type; all wait for approve or remove. */
  async function reportsAwaitingDecision(): Promise<CockpitItem> {
    const queue = await strapi.plugin('moderation').service('moderation').queue(QUEUE_LIMIT);
    return { key: 'reportsAwaitingDecision', count: queue.length, href: pluginPage('moderation') };
  }

  /**
   * Public initiatives with at least `threshold` supports now (not
   * thresholdReachedAt: that stays set when supports are withdrawn) and no
   * official reply among their comments.
   */
  async function initiativesAwaitingReply(): Promise<CockpitItem> {
    const { initiativeUid, threshold } = strapi.config.get('plugin::idea-support') as { initiativeUid: string; threshold: number };
    const backed = distinct(await query(initiativeUid).findMany({ where: { ...publicRule(strapi, initiativeUid).where, supportCount: { $gte: threshold } }, select: ['documentId'] }));
    const replied = backed.size ? distinct((await query(COMMENT).findMany({ where: { official: true, initiative: { $in: [...backed] } }, select: ['initiative'] })).map((r: { initiative: string }) => ({ documentId: r.initiative }))) : new Set();
    return {
      key: 'initiativesAwaitingReply',
      count: [...backed].filter((id) => !replied.has(id)).length,
      href: listOf(initiativeUid, [['supportCount', '$gte', threshold]]),
    };
  }

  /** listing-reminders' own stale list: got the last `staleAfterMissed` reminders and confirmed none. */
  async function staleListings(): Promise<CockpitItem> {
    const { organisations } = await strapi.plugin('listing-reminders').service('stats').stale();
    return { key: 'staleListings', count: organisations.length, href: pluginPage('listing-reminders') };
  }

  /**
   * Documents of one type that content-expiry would find expired at `at`:
   * its conditions (plugins/content-expiry/server/src/repositories/items.ts)
   * on draft rows, as it judges them, leaving out items restored within
   * `restoreGraceDays`. Only among `among` when given.
   */
  async function expiredAt(type: ExpiryType, at: Date, restoreGraceDays: number, among?: string[]): Promise<Set<string>> {
    const before = (days = 0) => new Date(at.getTime() - days * DAY);
    const base = { publishedAt: null, archivedAt: null, ...(among ? { documentId: { $in: among } } : {}) };
    const branches: Record<string, unknown>[] = [];
    for (const c of type.expiredWhen) {
      if (c.recurrenceField || !c.field) continue;
      if (c.in) {
        branches.push({ [c.field]: { $in: c.in }, updatedAt: { $lt: before(c.graceDays) } });
        continue;
      }
      const cutoff = c.olderThanMonths ? monthsBefore(at, c.olderThanMonths) : before(c.graceDays);
      // coalesce(field, fallbackField) < cutoff
      const date = c.fallbackField ? { $or: [{ [c.field]: { $lt: cutoff } }, { [c.field]: null, [c.fallbackField]: { $lt: cutoff } }] } : { [c.field]: { $lt: cutoff } };
      branches.push(c.unlessSet && !c.olderThanMonths ? { $and: [date, { [c.unlessSet]: null }] } : date);
    }
    const found = branches.length ? distinct(await query(type.uid).findMany({ where: { ...base, $or: branches }, select: ['documentId'] })) : new Set<string>();
    for (const c of type.expiredWhen) {
      if (!c.recurrenceField || !c.startField) continue;
      const rows = await query(type.uid).findMany({
        where: { ...base, [c.startField]: { $notNull: true }, $or: [{ [c.recurrenceField]: { $contains: 'UNTIL=' } }, { [c.recurrenceField]: { $contains: 'COUNT=' } }] },
        select: ['documentId', c.recurrenceField, c.startField],
      });
      for (const row of rows as Record<string, any>[]) {
        const last = lastOccurrenceStart(new Date(row[c.startField]), row[c.recurrenceField]);
        if (last && last < before(c.graceDays)) found.add(row.documentId);
      }
    }
    const restored = await query(ARCHIVE_RECORD).findMany({ where: { uid: type.uid, restoredAt: { $gt: before(restoreGraceDays) } }, select: ['itemId'] });
    for (const { itemId } of restored as { itemId: string }[]) found.delete(itemId);
    return found;
  }

  /**
   * Public items content-expiry will archive in the next 7 days: expired a
   * week from now but not yet now, per configured type. What has expired
   * already goes in its next (nightly) run and is not counted.
   */
  async function expiringSoon(now = new Date()): Promise<CockpitItem> {
    const { types = [], restoreGraceDays = 30 } = strapi.config.get('plugin::content-expiry') as { types?: ExpiryType[]; restoreGraceDays?: number };
    let count = 0;
    for (const type of types) {
      const soon = [...(await expiredAt(type, new Date(now.getTime() + EXPIRY_WINDOW_DAYS * DAY), restoreGraceDays))];
      if (!soon.length) continue;
      const already = await expiredAt(type, now, restoreGraceDays, soon);
      const entering = soon.filter((id) => !already.has(id));
      if (entering.length) count += distinct(await query(type.uid).findMany({ where: { documentId: { $in: entering }, ...publicRule(strapi, type.uid).where }, select: ['documentId'] })).size;
    }
    return { key: 'expiringSoon', count, href: pluginPage('content-expiry') };
  }

  /** Reminder mails the outbox gave up on (counted per kind by the outbox itself): staff send them again on its page. */
  async function failedReminderMails(): Promise<CockpitItem> {
    const { kinds } = await strapi.plugin('outbox').service('outbox').overview(1);
    const reminders = (kinds as { kind: string; failed: number }[]).find((k) => k.kind === REMINDER_KIND);
    return { key: 'failedReminderMails', count: reminders?.failed ?? 0, href: pluginPage('outbox') };
  }

  /**
   * Public activities taking enrolments (open, before the deadline, a date to
   * come) with no place left: the enrolment service's own public summary,
   * the same one hasPlaces=true reads; per date, every upcoming date is full.
   */
  async function fullActivities(): Promise<CockpitItem> {
    const enrolment = strapi.service('api::enrolment.enrolment') as any;
    const open: { activity: string }[] = await query(SETTINGS).findMany({ where: { open: true, capacity: { $notNull: true } }, select: ['activity'] });
    let count = 0;
    for (const { activity } of open) {
      const summary = await enrolment.summary(activity);
      const full = (left: number | null) => left !== null && left <= 0;
      if (summary.open && full(summary.placesLeft) && (summary.occurrences ?? []).every((o: { placesLeft: number | null }) => full(o.placesLeft))) count += 1;
    }
    return { key: 'fullActivities', count, href: listOf(ACTIVITY) };
  }

  return {
    async items(): Promise<CockpitItem[]> {
      const items = [organisationsAwaitingApproval, reportsAwaitingDecision, initiativesAwaitingReply, staleListings, expiringSoon, failedReminderMails, fullActivities];
      return Promise.all(items.map((item) => item()));
    },
  };
};
