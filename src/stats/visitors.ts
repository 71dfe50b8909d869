import { createHash, randomBytes } from 'node:crypto';
import type Redis from 'ioredis';
import { fromFloating } from '../discovery/local-time';
import { addDays, type Day } from './days';

/**
 * Unique visitors without cookies and without personal data, as Plausible and
 * Fathom count them: a visitor is a hash of (salt, IP, user agent), and the
 * salt is random, made for one day and never written to the database. Once the
 * day is over the salt is gone, so nobody (ourselves included) can tell which
 * IP a hash was, nor link one day's visitor to the next day's.
 */
export interface Salts {
  /** A Buffer at once when the salt is at hand (always in memory), else a promise of it. */
  saltFor(day: Day): Buffer | Promise<Buffer>;
}

/** When a day's salt and seen-lists may go: an hour after the day ends in the town. */
export const endOfDayInstant = (day: Day) => fromFloating(new Date(`${addDays(day, 1)}T01:00:00Z`));

/** One instance: the salt lives in this process only; a restart starts a new one (returning visitors count again that day). */
export function memorySalts(): Salts {
  let current: { day: Day; salt: Buffer } | undefined;
  return {
    saltFor(day) {
      if (current?.day !== day) current = { day, salt: randomBytes(32) };
      return current.salt;
    },
  };
}

/**
 * Several instances: they must hash a visitor alike, so the day's salt is in
 * Redis (set once, by whoever comes first) and expires when the day is over.
 * While Redis is away the instance uses a salt of its own.
 */
export function redisSalts(redis: Redis, prefix: string): Salts {
  const local = memorySalts();
  let current: { day: Day; salt: Buffer | Promise<Buffer> } | undefined;
  const fetchSalt = async (day: Day): Promise<Buffer> => {
    const key = `${prefix}salt:${day}`;
    try {
      await redis.set(key, randomBytes(32).toString('hex'), 'PXAT', endOfDayInstant(day).getTime(), 'NX');
      const stored = await redis.get(key);
      if (stored) return Buffer.from(stored, 'hex');
    } catch {
      // Counted with a salt of our own until the next day: unique visitors may be counted once per instance.
    }
    return local.saltFor(day);
  };
  return {
    saltFor(day) {
      if (current?.day !== day) {
        const entry: { day: Day; salt: Buffer | Promise<Buffer> } = { day, salt: fetchSalt(day) };
        // Once fetched, hand it out as is: no promise per view for the rest of the day.
        void (entry.salt as Promise<Buffer>).then((salt) => (entry.salt = salt));
        current = entry;
      }
      return current.salt;
    },
  };
}

/** The visitor's hash for that day's salt. The IP and user agent are not kept. */
export const visitorHash = (salt: Buffer, ip: string, userAgent: string) =>
  createHash('sha256').update(salt).update(ip).update('\0').update(userAgent).digest('base64url').slice(0, 22);

/** DNT: 1 or Sec-GPC: 1 ask not to be tracked: such a view counts, the visitor does not. */
export const asksNotToBeTracked = (header: (name: string) => string | undefined) => header('dnt') === '1' || header('sec-gpc') === '1';
