import { addDays, townDay, townMidnight, townWeek } from '../town-days';

const amsterdamWeekday = (instant: Date) =>
  new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'Europe/Amsterdam' }).format(instant);

describe.each(['America/New_York', 'Pacific/Auckland', 'Europe/Amsterdam'])('town days with the browser in %s', (zone) => {
  const original = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = original;
  });

  it('reads the calendar day on the town clock', () => {
    // 23:30 UTC on 9 December is already 10 December in Amsterdam.
    expect(townDay(new Date('2026-12-09T23:30:00Z'))).toBe('2026-12-10');
    expect(townDay(new Date('2026-12-10T22:59:59Z'))).toBe('2026-12-10');
  });

  it('starts a town day at Amsterdam midnight, also on daylight-saving days', () => {
    expect(townMidnight('2026-12-10').toISOString()).toBe('2026-12-09T23:00:00.000Z');
    expect(townMidnight('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    expect(townMidnight('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(townMidnight('2026-10-25').toISOString()).toBe('2026-10-24T22:00:00.000Z');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });

  it.each([
    ['2026-12-10T12:00:00Z'],
    ['2026-12-06T23:30:00Z'], // Monday 00:30 in Amsterdam, still Sunday in New York
    ['2026-12-13T22:30:00Z'], // Sunday 23:30 in Amsterdam, Monday in Auckland
  ])('gives a Monday-to-Sunday week on the town clock around %s', (now) => {
    for (const offset of [-1, 0, 1, 20]) {
      const { from, to } = townWeek(offset, new Date(now));
      expect(amsterdamWeekday(from)).toBe('Monday');
      expect(amsterdamWeekday(to)).toBe('Sunday');
      expect(townDay(from)).toBe(addDays(townDay(to), -6));
      expect(townDay(new Date(to.getTime() + 1))).toBe(addDays(townDay(from), 7));
      expect(to.getTime() + 1).toBe(townMidnight(addDays(townDay(from), 7)).getTime());
    }
    const { from } = townWeek(0, new Date(now));
    expect(from.getTime()).toBeLessThanOrEqual(Date.parse(now));
    expect(Date.parse(now) - from.getTime()).toBeLessThan(7 * 24 * 3600 * 1000);
  });
});
