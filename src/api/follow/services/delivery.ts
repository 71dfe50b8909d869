import type { Core } from '@strapi/strapi';
import { outboxOf, type MailKind, type SendOutcome } from '@buurtplein/plugin-kit';
import { followNewsMail, type NewsEntry } from '../../../mail/follow-templates';
import { frontendLink, languageOf, type Language } from '../../../mail';
import { DAY, settings } from '../../../lib/settings';
import { followLinks, type FollowerKey } from '../lib/links';
import { indexBySubject, type EventIndex, type FollowedSubject, type Frequency } from '../lib/matching';
import { periodNamed, previousPeriod, type DigestFrequency, type DigestPeriod } from '../lib/periods';
import { toFloating } from '../../../discovery/local-time';
import { newsEntries, newsFor, type Entry, type StoredEvent } from '../lib/news-entries';
import { FOLLOW_EVENT } from '../lib/events';
import { FOLLOW } from './following';

export const IMMEDIATE_KIND = 'follow.immediate';
export const DIGEST_KIND = 'follow.digest';
/** An event not delivered at once within a day is left to the outbox's failed list: the minute job stops retrying it. */
const IMMEDIATE_RETRY_WINDOW = DAY;
const PAGE = 1000;
/** Digests sent at once by one run: SMTP round trips overlap (the reminders' default too). */
const SEND_CONCURRENCY = 8;
/** Past this many, reading all follows is cheaper than a list of targets in every page's query. */
const MAX_TARGETS = 5000;
const USER = 'plugin::users-permissions.user';

export interface Follower {
  key: FollowerKey;
  address: string;
  language: Language;
  follows: FollowedSubject[];
}

type ImmediatePayload = { event: number; follower: FollowerKey };
type DigestPayload = { follower: FollowerKey; frequency: DigestFrequency; period: string };

export type DeliverySummary = Record<SendOutcome, number> & { followers: number; events: number; due: number; durationMs: number };
export interface DigestRun extends DeliverySummary {
  period: string;
  /** Dry run: who would get a digest, and how many entries. */
  wouldSend: { address: string; entries: number }[];
}

const emptySummary = (): DeliverySummary => ({ followers: 0, events: 0, due: 0, sent: 0, failed: 0, already: 0, unsubscribed: 0, durationMs: 0 });

/**
 * Sends followers what they follow: each event once to each follower, at the
 * soonest frequency of their follows that applies (lib/matching). At once:
 * a job every minute, one mail per (event, follower). Digests: one mail per
 * (follower, day or week), bundling that period's events. The outbox makes
 * each of those exactly once across instances, crashes and SMTP failures,
 * and mails only what the public may still read when it is sent.
 */
const delivery = ({ strapi }: { strapi: Core.Strapi }) => {
  const outbox = () => outboxOf(strapi, 'following');
  const links = () => followLinks(settings(strapi).mailLinkSecret);

  const toEvent = (row: Record<string, any>): StoredEvent => ({
    id: row.id,
    kind: row.kind,
    item: row.item,
    detail: row.detail ?? '',
    subjects: typeof row.subjects === 'string' ? JSON.parse(row.subjects) : row.subjects,
    createdAt: new Date(row.createdAt),
  });

  /**
   * Confirmed follows of these frequencies, one follower at a time, read a
   * page at a time (memory stays flat in the number of followers): addresses
   * by address, accounts by id, with the account's address if it may still
   * get mail (confirmed, not blocked). Only the follows of these events'
   * subjects are needed (no other follow changes who hears what, or when).
   */
  async function* followers(frequencies: readonly Frequency[], { only, events }: { only?: FollowerKey; events?: StoredEvent[] } = {}): AsyncGenerator<Follower> {
    const targets = events && [...new Set(events.flatMap((event) => event.subjects.map((subject) => subject.slice(subject.indexOf(':') + 1))))];
    if (targets && !targets.length) return;
    const ofTargets = targets && targets.length <= MAX_TARGETS ? { target: { $in: targets } } : {};
    const query = strapi.db.query(FOLLOW as any);
    const select = ['id', 'type', 'target', 'frequency', 'language', 'confirmedAt', 'userId', 'email'];
    for (const by of ['email', 'userId'] as const) {
      if (only && (only.startsWith('u:') ? by !== 'userId' : by !== 'email')) continue;
      const onlyWhere = only ? { [by]: by === 'userId' ? Number(only.slice(2)) : only.slice(2) } : { [by]: { $notNull: true } };
      const base = { ...onlyWhere, ...(by === 'email' ? { userId: { $null: true } } : {}), confirmedAt: { $notNull: true }, frequency: { $in: frequencies }, ...ofTargets };
      let current = null as Follower | null;
      let after: { value: unknown; id: number } | null = null;
      for (;;) {
        const keyset = after ? { $or: [{ [by]: { $gt: after.value } }, { [by]: after.value, id: { $gt: after.id } }] } : {};
        const rows: Record<string, any>[] = await query.findMany({ where: { ...base, ...keyset }, select, orderBy: [{ [by]: 'asc' }, { id: 'asc' }], limit: PAGE });
        if (!rows.length) break;
        after = { value: rows[rows.length - 1][by], id: rows[rows.length - 1].id };
        const addresses = by === 'userId' ? await accountAddresses(rows.map((row) => row.userId)) : null;
        for (const row of rows) {
          const key: FollowerKey = by === 'userId' ? `u:${row.userId}` : `e:${row.email}`;
          if (current?.key !== key) {
            if (current && current.address) yield current;
            current = { key, address: addresses ? (addresses.get(row.userId) ?? '') : row.email, language: languageOf(row.language), follows: [] };
          }
          // The newest follow's language wins: rows come oldest first.
          current.language = languageOf(row.language);
          current.follows.push({ subject: `${row.type}:${row.target}`, frequency: row.frequency, since: new Date(row.confirmedAt) });
        }
        if (rows.length < PAGE) break;
      }
      if (current && current.address) yield current;
    }
  }

  async function accountAddresses(userIds: number[]): Promise<Map<number, string>> {
    const users: { id: number; email: string; confirmed: unknown; blocked: unknown }[] = await strapi.db
      .query(USER as any)
      .findMany({ where: { id: { $in: [...new Set(userIds)] } }, select: ['id', 'email', 'confirmed', 'blocked'] });
    return new Map(users.filter((u) => u.confirmed && !u.blocked).map((u) => [u.id, u.email.toLowerCase()]));
  }

  const manageLink = (follower: FollowerKey, language: Language) => frontendLink(strapi, '/follow.html', { manage: links().manageToken(follower), lang: language });

  const compose = (language: Language, entries: NewsEntry[], follower: FollowerKey, digest?: { frequency: DigestFrequency; period: string }) =>
    followNewsMail(language, settings(strapi).formOfAddress, { entries, digest, manageLink: manageLink(follower, language) });

  const unsubscribeUrl = (follower: FollowerKey) => {
    const base = String(strapi.config.get('server.url') || `http://localhost:${strapi.config.get('server.port')}`).replace(/\/+$/, '');
    return `${base}/api/follows/unsubscribe?token=${links().manageToken(follower)}`;
  };

  /** The events of a period, with their entries: read once per digest run, and again for a mail composed outside one (a staff retry). */
  interface Window {
    period: string;
    events: StoredEvent[];
    bySubject: EventIndex<StoredEvent>;
    entries: Map<number, Entry>;
    /** A run's digests being sent now, by follower: compose uses them rather than reading the follower again. */
    told: Map<FollowerKey, Entry[]>;
  }
  let runWindow: Window | null = null;
  async function windowOf(period: DigestPeriod): Promise<Window> {
    if (runWindow?.period === `${period.frequency}:${period.name}`) return runWindow;
    const rows = await strapi.db.query(FOLLOW_EVENT as any).findMany({ where: { createdAt: { $gte: period.from, $lt: period.to } }, orderBy: { id: 'asc' } });
    const events = rows.map(toEvent);
    return { period: `${period.frequency}:${period.name}`, events, bySubject: indexBySubject(events), entries: await newsEntries(strapi, events), told: new Map() };
  }

  /** A digest composed outside its run (a staff retry): its period and follower read anew. */
  async function digestOutsideRun(key: FollowerKey, frequency: DigestFrequency, name: string): Promise<Entry[]> {
    const period = periodNamed(frequency, name);
    if (!period) throw new Error(`no ${frequency} period ${name}`);
    const window = await windowOf(period);
    return newsFor(await followerNamed(key), window.bySubject, window.entries, frequency).map((event) => window.entries.get(event.id)!);
  }

  async function followerNamed(key: FollowerKey): Promise<Follower> {
    for await (const follower of followers(['immediate', 'daily', 'weekly'], { only: key })) return follower;
    throw new Error(`${key} follows nothing any more, or can no longer get mail`);
  }

  const immediateKind: MailKind<ImmediatePayload> = {
    label: { nl: 'Volgen: bericht', en: 'Following: news' },
    unsubscribeUrl: ({ follower }) => unsubscribeUrl(follower),
    async compose({ event, follower }, to) {
      const row = await strapi.db.query(FOLLOW_EVENT as any).findOne({ where: { id: event } });
      const entry = row && (await newsEntries(strapi, [toEvent(row)])).get(event);
      if (!entry || entry.notFor === follower) throw new Error(`event ${event} is gone or its item is no longer public`);
      return compose(to.language, [entry], follower);
    },
  };

  const digestKind: MailKind<DigestPayload> = {
    label: { nl: 'Volgen: overzicht', en: 'Following: digest' },
    unsubscribeUrl: ({ follower }) => unsubscribeUrl(follower),
    async compose({ follower: key, frequency, period: name }, to) {
      const running = runWindow?.period === `${frequency}:${name}` ? runWindow.told.get(key) : undefined;
      const told = running ?? (await digestOutsideRun(key, frequency, name));
      if (!told.length) throw new Error(`nothing new for ${key} in ${name}`);
      return compose(to.language, told, key, { frequency, period: name });
    },
  };

  const service = {
    /** The kinds as the outbox has them (a bench composes a sample digest with the same code). */
    mailKinds: { immediate: immediateKind, digest: digestKind },

    register() {
      outbox().registerKind(IMMEDIATE_KIND, immediateKind);
      outbox().registerKind(DIGEST_KIND, digestKind);
    },

    /**
     * Every minute, on every instance: events not yet delivered at once (of
     * the last day) to their at-once followers. An event is done when no mail
     * of it failed; a failed one is tried again next minute (the outbox takes
     * a failed mail over), and after a day it waits for staff.
     */
    async runImmediate({ now = new Date() }: { now?: Date } = {}): Promise<DeliverySummary> {
      const started = Date.now();
      const summary = emptySummary();
      const rows = await strapi.db.query(FOLLOW_EVENT as any).findMany({
        where: { immediateDoneAt: { $null: true }, createdAt: { $gt: new Date(now.getTime() - IMMEDIATE_RETRY_WINDOW) } },
        orderBy: { id: 'asc' },
        limit: PAGE,
      });
      if (!rows.length) return summary;
      const events = rows.map(toEvent);
      const entries = await newsEntries(strapi, events);
      summary.events = events.length;
      const failedEvents = new Set<number>();
      const bySubject = indexBySubject(events);
      for await (const follower of followers(['immediate'], { events })) {
        summary.followers += 1;
        for (const event of newsFor(follower, bySubject, entries, 'immediate')) {
          summary.due += 1;
          const outcome = await outbox().send<ImmediatePayload>({ kind: IMMEDIATE_KIND, ref: String(event.id), round: follower.key, to: follower.address, language: follower.language, payload: { event: event.id, follower: follower.key } });
          summary[outcome] += 1;
          if (outcome === 'failed') failedEvents.add(event.id);
        }
      }
      const done = events.filter((event) => !failedEvents.has(event.id)).map((event) => event.id);
      if (done.length) await strapi.db.query(FOLLOW_EVENT as any).updateMany({ where: { id: { $in: done } }, data: { immediateDoneAt: now } });
      summary.durationMs = Date.now() - started;
      if (summary.due) strapi.log.info(`[follow] at once: ${summary.events} event(s), ${summary.sent} sent, ${summary.already} sent before, ${summary.failed} failed`);
      return summary;
    },

    /**
     * The digests of one day or week: every follower with news in it at this
     * frequency gets one mail; nobody gets an empty one. Safe to run again
     * and on several instances at once (the outbox sends each digest once).
     */
    async runDigests({ period, dryRun = false, log = () => {} }: { period: DigestPeriod; dryRun?: boolean; log?: (line: string) => void }): Promise<DigestRun> {
      const started = Date.now();
      const result: DigestRun = { ...emptySummary(), period: period.name, wouldSend: [] };
      const round = `${period.frequency}:${period.name}`;
      runWindow = await windowOf(period);
      try {
        result.events = runWindow.events.length;
        log(`${period.frequency} digest ${period.name}: ${result.events} event(s) from ${period.from.toISOString()} to ${period.to.toISOString()}`);
        const window = runWindow;
        const each = followers(['immediate', 'daily', 'weekly'], { events: window.events });
        // SEND_CONCURRENCY senders take followers from one reader (an async generator hands each out once).
        const sender = async () => {
          for (let next = await each.next(); !next.done; next = await each.next()) {
            const follower = next.value;
            result.followers += 1;
            const told = newsFor(follower, window.bySubject, window.entries, period.frequency);
            if (!told.length) continue;
            result.due += 1;
            if (dryRun) {
              if (!(await outbox().handled(DIGEST_KIND, [follower.key], round)).size) result.wouldSend.push({ address: follower.address, entries: told.length });
            } else {
              // compose (called by the outbox) takes these instead of reading the follower again.
              window.told.set(follower.key, told.map((event) => window.entries.get(event.id)!));
              const payload: DigestPayload = { follower: follower.key, frequency: period.frequency, period: period.name };
              result[await outbox().send({ kind: DIGEST_KIND, ref: follower.key, round, to: follower.address, language: follower.language, payload })] += 1;
              window.told.delete(follower.key);
            }
            if (result.due % 1000 === 0) log(`  ${result.due} digest(s) so far (${result.followers} followers read)`);
          }
        };
        await Promise.all(Array.from({ length: SEND_CONCURRENCY }, sender));
      } finally {
        runWindow = null;
      }
      result.durationMs = Date.now() - started;
      return result;
    },

    /** The named day or week (default: the last one that ended), or null for a name that is none, or has not ended. */
    digestPeriod(frequency: DigestFrequency, name?: string, now = new Date()): DigestPeriod | null {
      const period = name === undefined ? previousPeriod(frequency, now) : periodNamed(frequency, name);
      return period && period.to <= now ? period : null;
    },

    /** The morning job: yesterday's daily digests, and on Monday last week's weekly ones. */
    async runScheduledDigests(now = new Date()) {
      const frequencies: DigestFrequency[] = toFloating(now).getUTCDay() === 1 ? ['daily', 'weekly'] : ['daily'];
      for (const frequency of frequencies) {
        const run = await service.runDigests({ period: previousPeriod(frequency, now) });
        strapi.log.info(`[follow] ${frequency} digests ${run.period}: ${run.due} due, ${run.sent} sent, ${run.already} sent before, ${run.failed} failed`);
      }
    },
  };
  return service;
};

export type Delivery = ReturnType<typeof delivery>;
export default delivery;
