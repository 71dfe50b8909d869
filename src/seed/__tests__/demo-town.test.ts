import { occurrenceStarts, parseRecurrence } from '../../discovery/recurrence';
import { buildDemoTown, weekStart } from '../demo-town';

const DAY = 24 * 3600 * 1000;

const anchor = new Date('2026-11-25T15:00:00Z');

describe('buildDemoTown', () => {
  const town = buildDemoTown({ anchor });

  it('has the size of a real launch: 200 organisations, 350 activities, 50 initiatives', () => {
    expect(town.organisations).toHaveLength(200);
    expect(town.activities).toHaveLength(350);
    expect(town.initiatives).toHaveLength(50);
    expect(town.neighbourhoods).toHaveLength(10);
    expect(town.subsidies.length).toBeGreaterThanOrEqual(3);
    expect(town.categories.map((c) => c.name.en)).toEqual([
      'Meals', 'Transport', 'Sport', 'Resident initiatives', 'Meeting', 'Courses', 'Informal care',
    ]);
  });

  it('is the same every time (fixed seed) and within the same week', () => {
    expect(buildDemoTown({ anchor })).toEqual(town);
    expect(buildDemoTown({ anchor: new Date('2026-11-29T23:00:00Z') })).toEqual(town);
  });

  it('has unique keys and slugs', () => {
    for (const list of [town.organisations, town.activities, town.initiatives]) {
      const slugs = list.map((i) => i.slug);
      expect(new Set(slugs).size).toBe(slugs.length);
    }
    expect(new Set(town.organisations.map((o) => o.externalId)).size).toBe(200);
  });

  it('mixes recurring, ended and upcoming activities', () => {
    const start = weekStart(anchor).getTime();
    const recurring = town.activities.filter((a) => a.recurrence);
    const ended = town.activities.filter((a) => a.endsAt && Date.parse(a.endsAt) < start);
    const upcoming = town.activities.filter((a) => !a.recurrence && Date.parse(a.startsAt) >= start);
    expect(recurring.length).toBeGreaterThan(50);
    expect(ended.length).toBeGreaterThan(20);
    expect(upcoming.length).toBeGreaterThan(100);
    for (const a of recurring) expect(a.recurrence).toMatch(/^FREQ=(WEEKLY|MONTHLY)/);
  });

  it('starts every recurring activity on a date its rule names, at its wall-clock hour', () => {
    const recurring = town.activities.filter((a) => a.recurrence);
    const weekdays = new Set<string>();
    for (const a of recurring) {
      const start = new Date(a.startsAt);
      const [first] = occurrenceStarts(start, parseRecurrence(a.recurrence)!, { from: start, to: new Date(start.getTime() + 40 * DAY), max: 1 });
      expect({ slug: a.slug, start: first?.toISOString() }).toEqual({ slug: a.slug, start: a.startsAt });
      const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'Europe/Amsterdam' }).format(start).slice(0, 2).toUpperCase();
      expect(a.recurrence).toContain(weekday);
      weekdays.add(weekday);
    }
    expect(weekdays.size).toBeGreaterThan(3);
  });

  it('puts everything near its neighbourhood, with English next to Dutch', () => {
    const bySlug = new Map(town.neighbourhoods.map((n) => [n.slug, n]));
    for (const org of town.organisations) {
      const home = bySlug.get(org.neighbourhoods[0])!;
      expect(Math.abs(org.latitude - home.latitude)).toBeLessThan(0.01);
      expect(org.description.nl).not.toBe(org.description.en);
      expect(org.reminderEmail).not.toBe(org.email);
    }
    expect(new Set(town.initiatives.map((i) => i.stage))).toEqual(new Set(['idea', 'elaboration', 'running', 'done']));
  });

  it('scales for the benchmark', () => {
    const big = buildDemoTown({ anchor, scale: 10 });
    expect(big.organisations).toHaveLength(2000);
    expect(big.activities).toHaveLength(3500);
    expect(new Set(big.organisations.map((o) => o.slug)).size).toBe(2000);
  });
});
