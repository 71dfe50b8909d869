import type { Knex } from 'knex';
import { dayClock, type Day } from './days';
import type { SeenSet } from './seen';
import { addCounts, type DailyCount, type SearchCount } from './store';
import { visitorHash, type Salts } from './visitors';

/** The one who asked: where from and with what, and whether they asked not to be tracked. */
export interface Visitor {
  ip: string;
  userAgent: string;
  optOut: boolean;
}

/** What was viewed: an item (`activity`, documentId), a feed or an embed (`feed`, `latest.rss`). */
export interface Subject {
  kind: string;
  item: string;
}

/** The whole site's row: its visitors are the day's unique visitors over everything. */
export const SITE: Subject = { kind: 'site', item: '' };

export interface FlushResult {
  rows: number;
  views: number;
}

export interface ViewCounter {
  /** Counts a view, at most once per visitor, subject and day. Never throws and never makes the caller wait. */
  view(visitor: Visitor, subject: Subject): void;
  /** Counts a search (first page only), once per visitor, text and day. */
  search(visitor: Visitor, text: string, zeroResults: boolean): void;
  /** Writes what is counted so far in one transaction; on failure keeps it for the next flush. */
  flush(): Promise<FlushResult>;
  /** Waits for views still being counted (Redis lookups), e.g. before a last flush. */
  settle(): Promise<void>;
}

interface Options {
  knex: () => Knex;
  salts: Salts;
  seen: SeenSet;
  /** Views of opted-out visitors are kept apart: counted once a day here, never shared or stored. */
  optedOut: SeenSet;
  log: { warn(message: string): void };
  now?: () => Date;
}

const keyOf = (day: Day, subject: Subject) => `${day}\t${subject.kind}\t${subject.item}`;

export function createViewCounter({ knex, salts, seen, optedOut, log, now = () => new Date() }: Options): ViewCounter {
  let daily = new Map<string, DailyCount>();
  let searches = new Map<string, SearchCount>();
  const inFlight = new Set<Promise<void>>();
  const today = dayClock(now);

  const countOf = (day: Day, subject: Subject) => {
    const key = keyOf(day, subject);
    let row = daily.get(key);
    if (!row) daily.set(key, (row = { day, ...subject, views: 0, visitors: 0 }));
    return row;
  };

  /**
   * Runs `count` with this visitor's hash today. In memory that is all
   * synchronous: no promise per view. With Redis it runs in the background;
   * a failure is logged, never thrown at a public read.
   */
  const withVisitor = (visitor: Visitor, count: (day: Day, hash: string, lists: SeenSet) => void | Promise<void>) => {
    const day = today();
    const lists = visitor.optOut ? optedOut : seen;
    const run = (salt: Buffer) => count(day, visitorHash(salt, visitor.ip, visitor.userAgent), lists);
    const warn = (error: Error) => log.warn(`[stats] a view was not counted: ${error.message}`);
    try {
      const salt = salts.saltFor(day);
      const pending = Buffer.isBuffer(salt) ? run(salt) : salt.then(run);
      if (!pending) return;
      const running = pending.catch(warn).finally(() => inFlight.delete(running));
      inFlight.add(running);
    } catch (error) {
      warn(error as Error);
    }
  };

  /** `then` without a promise when the answer is already there. */
  const whenSeen = (answer: boolean[] | Promise<boolean[]>, use: (firsts: boolean[]) => void): void | Promise<void> =>
    Array.isArray(answer) ? use(answer) : answer.then(use);

  return {
    view(visitor, subject) {
      withVisitor(visitor, (day, hash, lists) => {
        const keys = [`${subject.kind}:${subject.item}|${hash}`];
        if (!visitor.optOut) keys.push(`${SITE.kind}|${hash}`);
        return whenSeen(lists.add(day, keys), ([firstView, firstVisit]) => {
          if (firstView) {
            const row = countOf(day, subject);
            row.views += 1;
            if (!visitor.optOut) row.visitors += 1;
            countOf(day, SITE).views += 1;
          }
          if (firstVisit) countOf(day, SITE).visitors += 1;
        });
      });
    },

    search(visitor, text, zeroResults) {
      withVisitor(visitor, (day, hash, lists) =>
        whenSeen(lists.add(day, [`search:${text}|${hash}`]), ([first]) => {
          if (!first) return;
          const key = `${day}\t${text}`;
          let row = searches.get(key);
          if (!row) searches.set(key, (row = { day, query: text, searches: 0, zeroResults: 0 }));
          row.searches += 1;
          if (zeroResults) row.zeroResults += 1;
        })
      );
    },

    async flush() {
      const day = today();
      seen.forgetBefore(day);
      optedOut.forgetBefore(day);
      if (!daily.size && !searches.size) return { rows: 0, views: 0 };
      const taken = { daily, searches };
      daily = new Map();
      searches = new Map();
      const rows = [...taken.daily.values()];
      try {
        await knex().transaction((trx) => addCounts(trx, rows, [...taken.searches.values()]));
      } catch (error) {
        // Nothing is lost: the counts go back in and the next flush tries again.
        for (const row of rows) {
          const kept = countOf(row.day, row);
          kept.views += row.views;
          kept.visitors += row.visitors;
        }
        for (const [key, row] of taken.searches) {
          const kept = searches.get(key);
          if (kept) {
            kept.searches += row.searches;
            kept.zeroResults += row.zeroResults;
          } else searches.set(key, row);
        }
        throw error;
      }
      return { rows: rows.length + taken.searches.size, views: rows.filter((r) => r.kind !== SITE.kind).reduce((sum, r) => sum + r.views, 0) };
    },

    async settle() {
      while (inFlight.size) await Promise.all([...inFlight]);
    },
  };
}
