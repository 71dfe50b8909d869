import { randomBytes } from 'node:crypto';
import knexFactory, { type Knex } from 'knex';
import { openRedis, closeRedis } from '../../lib/redis';
import { createViewCounter, SITE, type Visitor } from '../counter';
import { addDays, dayClock, parseDay, periodStart, quarterOf, townDay } from '../days';
import { normaliseSearch } from '../search-text';
import { memorySeen, redisSeen } from '../seen';
import { DAILY, ensureStatsTables, SEARCHES } from '../store';
import { memorySalts, redisSalts, visitorHash } from '../visitors';

const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const PG_URL = process.env.KIT_TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A real PostgreSQL in a schema of its own. Not SQLite: `npm test` runs every
 * file in one process, and better-sqlite3's native addon keeps the error class
 * of the first file that loads it, so opening SQLite here silenced the app's
 * SQLite errors (unique violations) in the integration run, and the other way
 * round. The counter on SQLite is tested by the stats suite.
 */
async function openDatabase(): Promise<{ knex: Knex; done: () => Promise<void> }> {
  const schema = `stats_unit_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = knexFactory({ client: 'pg', connection: PG_URL });
  await admin.raw('CREATE SCHEMA ??', [schema]);
  await admin.destroy();
  const knex = knexFactory({ client: 'pg', connection: PG_URL, searchPath: [schema], pool: { min: 0, max: 4 } });
  await ensureStatsTables(knex);
  return {
    knex,
    done: async () => {
      await knex.raw('DROP SCHEMA IF EXISTS ?? CASCADE', [schema]);
      await knex.destroy();
    },
  };
}
const silent = { warn: () => {} };
const resident: Visitor = { ip: '203.0.113.7', userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0', optOut: false };
const activity = { kind: 'activity', item: 'a'.repeat(24) };

describe('the town day and ranges', () => {
  it('starts a day at midnight in Amsterdam, not UTC', () => {
    expect(townDay(new Date('2026-12-03T22:59:59Z'))).toBe('2026-12-03');
    expect(townDay(new Date('2026-12-03T23:00:00Z'))).toBe('2026-12-04');
    expect(townDay(new Date('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
    expect(townDay(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('keeps the day between its midnights only, also when the clock goes back', () => {
    let now = new Date('2026-12-03T22:59:59.999Z');
    const today = dayClock(() => now);
    expect(today()).toBe('2026-12-03');
    now = new Date('2026-12-03T23:00:00Z');
    expect(today()).toBe('2026-12-04');
    now = new Date('2026-12-03T22:30:00Z');
    expect(today()).toBe('2026-12-03');
    // The night the clocks go back has 25 hours.
    now = new Date('2026-10-25T22:59:00Z');
    expect(today()).toBe('2026-10-25');
    now = new Date('2026-10-24T22:00:00Z');
    expect(today()).toBe('2026-10-25');
  });

  it('accepts only real calendar dates', () => {
    expect(parseDay('2028-02-29')).toBe('2028-02-29');
    for (const value of ['2026-02-29', '2026-13-01', '2026-1-1', ' 2026-01-01', '2026-01-01T00:00', 20260101, null]) expect(parseDay(value)).toBeNull();
  });

  it('starts weeks on Monday and names quarters', () => {
    expect(periodStart('2026-12-06', 'week')).toBe('2026-11-30');
    expect(periodStart('2026-11-30', 'week')).toBe('2026-11-30');
    expect(periodStart('2026-12-06', 'month')).toBe('2026-12-01');
    expect(quarterOf('2026-12-04')).toEqual({ name: '2026-Q4', from: '2026-10-01', to: '2026-12-31' });
    expect(quarterOf('2028-02-29')).toEqual({ name: '2028-Q1', from: '2028-01-01', to: '2028-03-31' });
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('visitor hashes', () => {
  it('never hash one visitor alike on two days: each day has a new random salt', async () => {
    const salts = memorySalts();
    const monday = await salts.saltFor('2026-11-30');
    expect(await salts.saltFor('2026-11-30')).toBe(monday);
    const tuesday = await salts.saltFor('2026-12-01');
    expect(tuesday.equals(monday)).toBe(false);
    const hash = (salt: Buffer) => visitorHash(salt, resident.ip, resident.userAgent);
    expect(hash(tuesday)).not.toBe(hash(monday));
    // The hash holds neither the address nor the browser, and is not the unsalted hash of them.
    expect(hash(monday)).toMatch(/^[\w-]{22}$/);
    expect(hash(monday)).not.toContain('203');
    expect(hash(monday)).not.toBe(visitorHash(Buffer.alloc(0), resident.ip, resident.userAgent));
  });

  it('keeps one salt, the current day\'s: an old day\'s salt cannot be asked for again', async () => {
    const salts = memorySalts();
    const first = await salts.saltFor('2026-11-30');
    await salts.saltFor('2026-12-01');
    expect((await salts.saltFor('2026-11-30')).equals(first)).toBe(false);
  });
});

describe('searches as kept', () => {
  it('normalises text and refuses what looks like an address or phone number', () => {
    expect(normaliseSearch('  Zwemmen!!  voor   KINDEREN? ')).toBe('zwemmen voor kinderen');
    expect(normaliseSearch('Café')).toBe('café');
    expect(normaliseSearch('x'.repeat(500))).toHaveLength(100);
    for (const text of ['jan@example.org', '06 1234 5678', '0612345678', '!!!', '', 42]) expect(normaliseSearch(text)).toBeNull();
    // A postcode alone is a place, not a person.
    expect(normaliseSearch('3811 AB')).toBe('3811 ab');
  });
});

describe('the view counter on a real database', () => {
  let knex: Knex;
  let done: () => Promise<void>;
  let now: Date;

  beforeEach(async () => {
    ({ knex, done } = await openDatabase());
    now = new Date('2026-12-03T10:00:00Z');
  });
  afterEach(() => done());

  const counter = (overrides = {}) =>
    createViewCounter({ knex: () => knex, salts: memorySalts(), seen: memorySeen(), optedOut: memorySeen(), log: silent, now: () => now, ...overrides });
  const rows = async () =>
    (await knex(DAILY).select().orderBy(['day', 'kind'])).map((r: any) => ({ ...r, views: Number(r.views), visitors: Number(r.visitors) }));

  it('counts the same visitor on the next day as a new visitor', async () => {
    const views = counter();
    views.view(resident, activity);
    views.view(resident, activity);
    await views.settle();
    now = new Date('2026-12-04T10:00:00Z');
    views.view(resident, activity);
    await views.settle();
    await views.flush();
    expect(await rows()).toEqual([
      { day: '2026-12-03', kind: 'activity', item: activity.item, views: 1, visitors: 1 },
      { day: '2026-12-03', kind: 'site', item: '', views: 1, visitors: 1 },
      { day: '2026-12-04', kind: 'activity', item: activity.item, views: 1, visitors: 1 },
      { day: '2026-12-04', kind: 'site', item: '', views: 1, visitors: 1 },
    ]);
  });

  it('adds to what earlier flushes wrote, and keeps counts when a flush fails', async () => {
    const views = counter();
    views.view(resident, activity);
    await views.settle();
    await views.flush();
    views.view({ ...resident, userAgent: 'curl/8' }, activity);
    await views.settle();
    await knex.schema.renameTable(DAILY, 'away');
    await expect(views.flush()).rejects.toThrow();
    await knex.schema.renameTable('away', DAILY);
    // Nothing half-written: the failed flush's transaction left the first flush's counts as they were.
    expect((await rows()).find((r) => r.kind === 'activity')).toMatchObject({ views: 1, visitors: 1 });
    views.view({ ...resident, userAgent: 'Safari' }, activity);
    await views.settle();
    await views.flush();
    expect((await rows()).filter((r) => r.kind !== SITE.kind)).toEqual([{ day: '2026-12-03', kind: 'activity', item: activity.item, views: 3, visitors: 3 }]);
  });

  it('flushes nothing when nothing was counted, and a search only once per visitor', async () => {
    const views = counter();
    expect(await views.flush()).toEqual({ rows: 0, views: 0 });
    views.search(resident, 'zwemmen', false);
    views.search(resident, 'zwemmen', false);
    views.search({ ...resident, optOut: true, userAgent: 'other' }, 'zwemmen', true);
    await views.settle();
    expect(await views.flush()).toEqual({ rows: 1, views: 0 });
    const [search] = await knex(SEARCHES).select();
    expect({ ...search, searches: Number(search.searches), zero_results: Number(search.zero_results) }).toEqual({ day: '2026-12-03', query: 'zwemmen', searches: 2, zero_results: 1 });
  });
});

describe('several instances sharing Redis', () => {
  const prefix = `test:stats:${randomBytes(4).toString('hex')}:`;
  const redis = openRedis(REDIS_URL, { enableOfflineQueue: true });
  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length) await redis.del(...keys);
    await closeRedis(redis);
  });

  it('share the day\'s salt, which expires when the day is over', async () => {
    const [one, two] = [redisSalts(redis, prefix), redisSalts(redis, prefix)];
    const salt = await one.saltFor(townDay());
    expect((await two.saltFor(townDay())).equals(salt)).toBe(true);
    const ttl = await redis.pttl(`${prefix}salt:${townDay()}`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(26 * 3600 * 1000);
  });

  it('count a visitor who reaches both once', async () => {
    const { knex, done } = await openDatabase();
    try {
      const instance = () => createViewCounter({ knex: () => knex, salts: redisSalts(redis, prefix), seen: redisSeen(redis, prefix), optedOut: memorySeen(), log: silent });
      const [one, two] = [instance(), instance()];
      one.view(resident, activity);
      two.view(resident, activity);
      two.view({ ...resident, userAgent: 'curl/8' }, activity);
      await Promise.all([one.settle(), two.settle()]);
      await Promise.all([one.flush(), two.flush()]);
      for (const kind of ['activity', 'site']) {
        const row = await knex(DAILY).where({ kind }).first();
        expect([Number(row.views), Number(row.visitors)]).toEqual([2, 2]);
      }
    } finally {
      await done();
    }
  });

  it('fall back to counting alone while Redis is away', async () => {
    const away = openRedis('redis://127.0.0.1:1');
    away.on('error', () => {});
    try {
      const seen = redisSeen(away, prefix);
      expect(await seen.add(townDay(), ['a', 'a', 'b'])).toEqual([true, false, true]);
      expect((await redisSalts(away, prefix).saltFor(townDay())).length).toBe(32);
    } finally {
      await closeRedis(away);
    }
  });
});
