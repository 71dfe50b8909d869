import type Redis from 'ioredis';
import type { Day } from './days';
import { endOfDayInstant } from './visitors';

/**
 * Who has been counted today for what: `add` answers, per key, whether it is
 * new. Keys are `subject|visitor hash`; the lists hold one day only.
 */
export interface SeenSet {
  /** At once in memory; a promise when the lists are elsewhere (Redis). */
  add(day: Day, keys: string[]): boolean[] | Promise<boolean[]>;
  /** Forgets every day before `today`. */
  forgetBefore(today: Day): void;
}

export function memorySeen(): SeenSet {
  const days = new Map<Day, Set<string>>();
  return {
    add(day, keys) {
      let seen = days.get(day);
      if (!seen) days.set(day, (seen = new Set()));
      return keys.map((key) => !seen.has(key) && Boolean(seen.add(key)));
    },
    forgetBefore(today) {
      for (const day of days.keys()) if (day < today) days.delete(day);
    },
  };
}

/** Shared by the instances, so a visitor who reaches two of them counts once; a day's list expires with the day. */
export function redisSeen(redis: Redis, prefix: string, fallback: SeenSet = memorySeen()): SeenSet {
  return {
    async add(day, keys) {
      const key = `${prefix}seen:${day}`;
      try {
        const pipeline = redis.pipeline();
        for (const member of keys) pipeline.sadd(key, member);
        pipeline.pexpireat(key, endOfDayInstant(day).getTime());
        const replies = (await pipeline.exec()) ?? [];
        if (replies.some(([error]) => error)) throw new Error('Redis refused a command');
        return keys.map((_, i) => replies[i][1] === 1);
      } catch {
        // Redis away: this instance decides alone until it is back.
        return fallback.add(day, keys);
      }
    },
    forgetBefore: (today) => fallback.forgetBefore(today),
  };
}
