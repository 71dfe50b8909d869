import { compactFloating, fromFloating, startOfLocalDay, toFloating } from '../local-time';
import { lastOccurrenceStart, occurrenceStarts, parseRecurrence } from '../recurrence';

describe('Amsterdam wall-clock time', () => {
  it('converts instants to the local clock and back, in summer and in winter', () => {
    const summer = new Date('2026-07-01T17:00:00Z');
    const winter = new Date('2026-12-01T18:00:00Z');
    expect(compactFloating(toFloating(summer))).toBe('20260701T190000');
    expect(compactFloating(toFloating(winter))).toBe('20261201T190000');
    expect(fromFloating(toFloating(summer))).toEqual(summer);
    expect(fromFloating(new Date('2026-10-27T19:00:00Z'))).toEqual(new Date('2026-10-27T18:00:00Z'));
    expect(fromFloating(new Date('2026-10-20T19:00:00Z'))).toEqual(new Date('2026-10-20T17:00:00Z'));
  });

  it('finds local midnight on the days the clocks change', () => {
    expect(startOfLocalDay(new Date('2026-10-25T12:00:00Z'))).toEqual(new Date('2026-10-24T22:00:00Z'));
    expect(startOfLocalDay(new Date('2026-10-26T12:00:00Z'))).toEqual(new Date('2026-10-25T23:00:00Z'));
    expect(startOfLocalDay(new Date('2026-03-29T12:00:00Z'))).toEqual(new Date('2026-03-28T23:00:00Z'));
  });
});

describe('parseRecurrence', () => {
  it.each([
    ['FREQ=WEEKLY;BYDAY=TU', 'FREQ=WEEKLY;BYDAY=TU'],
    ['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=WE', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE'],
    ['FREQ=MONTHLY;BYDAY=1SA', 'FREQ=MONTHLY;BYDAY=1SA'],
    ['FREQ=WEEKLY;BYDAY=MO,FR;COUNT=10', 'FREQ=WEEKLY;BYDAY=MO,FR;COUNT=10'],
    // A date-only or local UNTIL becomes the UTC instant RFC 5545 requires next to a TZID start.
    ['FREQ=WEEKLY;UNTIL=20261231;BYDAY=TU', 'FREQ=WEEKLY;UNTIL=20261231T225959Z;BYDAY=TU'],
    ['FREQ=WEEKLY;UNTIL=20260701T190000;BYDAY=TU', 'FREQ=WEEKLY;UNTIL=20260701T170000Z;BYDAY=TU'],
    ['FREQ=WEEKLY;UNTIL=20260701T170000Z;BYDAY=TU', 'FREQ=WEEKLY;UNTIL=20260701T170000Z;BYDAY=TU'],
  ])('accepts %s as %s', (raw, rule) => {
    expect(parseRecurrence(raw)?.rule).toBe(rule);
  });

  it.each([
    'FREQ=WEEKLY;BYDAY=XX',
    'FREQ=WEEKLY;COUNT=abc',
    'FREQ=WEEKLY;INTERVAL=0',
    'FREQ=HOURLY',
    'BYDAY=TU',
    'FREQ=WEEKLY;FREQ=DAILY',
    'FREQ=WEEKLY;COUNT=3;UNTIL=20261231',
    'FREQ=WEEKLY;X-NAME=1',
    'FREQ=WEEKLY;BYDAY=TU\r\nBEGIN:VEVENT',
    'garbage',
  ])('refuses %j', (raw) => {
    expect(parseRecurrence(raw)).toBeNull();
  });

  it('treats empty values as no recurrence', () => {
    expect(parseRecurrence('')).toBeNull();
    expect(parseRecurrence(null)).toBeNull();
  });
});

describe('occurrenceStarts', () => {
  const weekly = parseRecurrence('FREQ=WEEKLY;BYDAY=TU')!;
  // Tuesday 6 October 2026, 19:00 in Amsterdam (summer time); the clocks go back on Sunday 25 October.
  const start = new Date('2026-10-06T17:00:00Z');

  it('keeps a weekly 19:00 at 19:00 local time across the change to winter time', () => {
    const starts = occurrenceStarts(start, weekly, { from: new Date('2026-10-12T00:00:00Z'), to: new Date('2026-11-04T00:00:00Z'), max: 100 });
    expect(starts.map((d) => d.toISOString())).toEqual([
      '2026-10-13T17:00:00.000Z',
      '2026-10-20T17:00:00.000Z',
      '2026-10-27T18:00:00.000Z',
      '2026-11-03T18:00:00.000Z',
    ]);
  });

  it('includes an occurrence still going on at the start of the range, and stops at UNTIL and at max', () => {
    const hour = 3600_000;
    const ongoing = occurrenceStarts(start, weekly, { from: new Date('2026-10-13T17:30:00Z'), to: new Date('2026-10-14T00:00:00Z'), durationMs: hour, max: 10 });
    expect(ongoing).toEqual([new Date('2026-10-13T17:00:00Z')]);
    const until = parseRecurrence('FREQ=WEEKLY;BYDAY=TU;UNTIL=20261020')!;
    expect(occurrenceStarts(start, until, { from: start, to: new Date('2026-12-01T00:00:00Z'), max: 100 })).toHaveLength(3);
    expect(occurrenceStarts(start, weekly, { from: start, to: new Date('2027-12-01T00:00:00Z'), max: 5 })).toHaveLength(5);
  });

  it('expands "the first Saturday of the month" in local time', () => {
    const monthly = parseRecurrence('FREQ=MONTHLY;BYDAY=1SA')!;
    const starts = occurrenceStarts(new Date('2026-09-05T08:00:00Z'), monthly, { from: new Date('2026-10-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z'), max: 10 });
    expect(starts.map((d) => d.toISOString())).toEqual(['2026-10-03T08:00:00.000Z', '2026-11-07T09:00:00.000Z']);
  });
});

describe('lastOccurrenceStart', () => {
  const start = new Date('2026-10-06T17:00:00Z'); // Tuesday 19:00 in Amsterdam (summer time)
  it('finds the last of a counted rule, on the wall clock across the clock change', () => {
    expect(lastOccurrenceStart(start, 'FREQ=WEEKLY;COUNT=5')?.toISOString()).toBe('2026-11-03T18:00:00.000Z');
  });
  it('finds the last before UNTIL', () => {
    expect(lastOccurrenceStart(start, 'FREQ=WEEKLY;UNTIL=20261020')?.toISOString()).toBe('2026-10-20T17:00:00.000Z');
  });
  it('has none for an open-ended or unreadable rule', () => {
    expect(lastOccurrenceStart(start, 'FREQ=WEEKLY;BYDAY=TU')).toBeNull();
    expect(lastOccurrenceStart(start, 'FREQ=WEEKLY;COUNT=abc')).toBeNull();
  });
});
