import { eventsAt, frequencyFor, indexBySubject, type FollowedSubject } from '../matching';
import { periodNamed, previousPeriod } from '../periods';

const at = (iso: string) => new Date(iso);
const event = (id: number, subjects: string[], createdAt = '2026-12-02T10:00:00Z') => ({ id, subjects, createdAt: at(createdAt) });
const follow = (subject: string, frequency: FollowedSubject['frequency'], since = '2026-12-01T00:00:00Z'): FollowedSubject => ({ subject, frequency, since: at(since) });

describe('which follower hears of which event, and when', () => {
  it('an event reaches a follower once, at the soonest of their matching follows', () => {
    const follows = [follow('neighbourhood:noord', 'weekly'), follow('initiative:bankje', 'immediate'), follow('category:sport', 'daily')];
    expect(frequencyFor(follows, event(1, ['neighbourhood:noord', 'initiative:bankje']))).toBe('immediate');
    expect(frequencyFor(follows, event(2, ['neighbourhood:noord', 'category:sport']))).toBe('daily');
    expect(frequencyFor(follows, event(3, ['neighbourhood:noord']))).toBe('weekly');
    expect(frequencyFor(follows, event(4, ['neighbourhood:zuid']))).toBeNull();
    const events = [1, 2, 3, 4].map((id) => event(id, [['neighbourhood:noord', 'initiative:bankje'], ['category:sport'], ['neighbourhood:noord'], []][id - 1]));
    const index = indexBySubject(events);
    expect(eventsAt(follows, index, 'weekly').map((e) => e.id)).toEqual([3]);
    expect(eventsAt(follows, index, 'daily').map((e) => e.id)).toEqual([2]);
    expect(eventsAt(follows, index, 'immediate').map((e) => e.id)).toEqual([1]);
    // An event two follows lead to is one candidate, in id order.
    const both = indexBySubject([event(9, ['neighbourhood:noord', 'category:sport']), event(5, ['category:sport'])]);
    expect(eventsAt(follows, both, 'daily').map((e) => e.id)).toEqual([5, 9]);
  });

  it('a follow counts only for what happened after it began', () => {
    const follows = [follow('group:tuin', 'immediate', '2026-12-02T12:00:00Z'), follow('category:sport', 'weekly', '2026-11-01T00:00:00Z')];
    expect(frequencyFor(follows, event(1, ['group:tuin'], '2026-12-02T11:59:59Z'))).toBeNull();
    expect(frequencyFor(follows, event(2, ['group:tuin'], '2026-12-02T12:00:00Z'))).toBe('immediate');
    // The at-once follow had not begun: the older weekly one applies.
    expect(frequencyFor(follows, event(3, ['group:tuin', 'category:sport'], '2026-12-01T08:00:00Z'))).toBe('weekly');
  });
});

describe('digest periods on Amsterdam’s calendar', () => {
  it('a daily digest bundles yesterday, midnight to midnight in Amsterdam', () => {
    const period = previousPeriod('daily', at('2026-12-04T06:00:00Z'));
    expect(period).toEqual({ frequency: 'daily', name: '2026-12-03', from: at('2026-12-02T23:00:00Z'), to: at('2026-12-03T23:00:00Z') });
    // 00:30 in Amsterdam is still 3 December in UTC: the day before is the 3rd's yesterday by Amsterdam's clock.
    expect(previousPeriod('daily', at('2026-12-03T23:30:00Z')).name).toBe('2026-12-03');
    // A summer day starts at 22:00 UTC.
    expect(previousPeriod('daily', at('2026-07-02T12:00:00Z')).from).toEqual(at('2026-06-30T22:00:00Z'));
  });

  it('a weekly digest bundles the last whole ISO week, also across a year and a clock change', () => {
    expect(previousPeriod('weekly', at('2026-12-07T06:00:00Z'))).toEqual({ frequency: 'weekly', name: '2026-W49', from: at('2026-11-29T23:00:00Z'), to: at('2026-12-06T23:00:00Z') });
    // Still Sunday 6 December: the week that ended is W48.
    expect(previousPeriod('weekly', at('2026-12-06T22:00:00Z')).name).toBe('2026-W48');
    expect(previousPeriod('weekly', at('2027-01-05T12:00:00Z')).name).toBe('2026-W53');
    const autumn = periodNamed('weekly', '2026-W43')!;
    expect([autumn.from, autumn.to]).toEqual([at('2026-10-18T22:00:00Z'), at('2026-10-25T23:00:00Z')]);
  });

  it('names a period back, and refuses what is no day or week', () => {
    for (const now of ['2026-01-01T10:00:00Z', '2026-03-30T10:00:00Z', '2027-01-04T10:00:00Z']) {
      for (const frequency of ['daily', 'weekly'] as const) {
        const period = previousPeriod(frequency, at(now));
        expect(periodNamed(frequency, period.name)).toEqual(period);
      }
    }
    for (const name of ['2026-02-30', '2026-13-01', '2026-12-3', 'gisteren', '2026-W49']) expect(periodNamed('daily', name)).toBeNull();
    for (const name of ['2026-W00', '2026-W54', '2025-W53', '2026-12-03', '2026-w49']) expect(periodNamed('weekly', name)).toBeNull();
    expect(periodNamed('weekly', '2026-W53')).not.toBeNull();
  });
});
