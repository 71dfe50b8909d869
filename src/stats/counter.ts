import type { Knex } from 'knex';
import { townDay, type Day } from './days';
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

  const countOf = (day: Day, subject: Subject) => {
    const key = keyOf(day, subject);
    let row = daily.get(key);
    if (!row) daily.set(key, (row = { day, ...subject, views: 0, visitors: 0 }));
    return row;
  };

  /** Runs `count` for this visitor's hash today, in the background; a failure is logged, not thrown at a public read. */
  const withVisitor = (visitor: Visitor, count: (day: Day, hash: string, lists: SeenSet) => Promise<void>) => {
    const day = townDay(now());
    const running = salts
      .saltFor(day)
      .then((salt) => count(day, visitorHash(salt, visitor.ip, visitor.userAgent), visitor.optOut ? optedOut : seen))
      .catch((error: Error) => log.warn(`[stats] a view was not counted: ${error.message}`))
      .finally(() => inFlight.delete(running));
    inFlight.add(running);
  };

  return {
    view(visitor, subject) {
      withVisitor(visitor, async (day, hash, lists) => {
        const keys = [`${subject.kind}:${subject.item}|${hash}`];
        if (!visitor.optOut) keys.push(`${SITE.kind}|${hash}`);
        const [firstView, firstVisit] = await lists.add(day, keys);
        if (firstView) {
          const row = countOf(day, subject);
          row.views += 1;
          if (!visitor.optOut) row.visitors += 1;
          countOf(day, SITE).views += 1;
        }
        if (firstVisit) countOf(day, SITE).visitors += 1;
      });
    },

    search(visitor, text, zeroResults) {
      withVisitor(visitor, async (day, hash, lists) => {
        const [first] = await lists.add(day, [`search:${text}|${hash}`]);
        if (!first) return;
        const key = `${day}\t${text}`;
        let row = searches.get(key);
        if (!row) searches.set(key, (row = { day, query: text, searches: 0, zeroResults: 0 }));
        row.searches += 1;
        if (zeroResults) row.zeroResults += 1;
      });
    },

    async flush() {
      const today = townDay(now());
      seen.forgetBefore(today);
      optedOut.forgetBefore(today);
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
