import type { PublicActivity } from '../../../discovery/public-items';
import { parseRecurrence } from '../../../discovery/recurrence';
import { chooseOccurrence, SERIES, upcomingOccurrences } from '../lib/occurrence';

const NOW = new Date('2026-12-04T12:00:00Z');
const activity = (fields: Partial<PublicActivity>): PublicActivity => ({ documentId: 'a'.repeat(24), startsAt: null, endsAt: null, recurrence: null, ...fields }) as PublicActivity;
// Tuesdays 19:00 in Amsterdam from 8 December 2026, four times: across no DST change, so 18:00 UTC each.
const weekly = activity({ startsAt: new Date('2026-12-08T18:00:00Z'), endsAt: new Date('2026-12-08T20:00:00Z'), recurrence: parseRecurrence('FREQ=WEEKLY;COUNT=4') });

describe('which occurrence an enrolment is for', () => {
  it('is the series for a one-off, or when the organisation enrols for the whole series; until it is over', () => {
    const once = activity({ startsAt: new Date('2026-12-10T18:00:00Z'), endsAt: new Date('2026-12-10T20:00:00Z') });
    expect(chooseOccurrence(once, true, 'ignored', NOW)).toEqual({ key: SERIES, start: once.startsAt, end: once.endsAt });
    expect(chooseOccurrence(weekly, false, undefined, NOW)).toMatchObject({ key: SERIES });
    expect(chooseOccurrence(once, false, undefined, new Date('2026-12-11T00:00:00Z'))).toEqual({ problem: 'past' });
    expect(chooseOccurrence(weekly, false, undefined, new Date('2027-01-01T00:00:00Z'))).toEqual({ problem: 'past' });
    expect(chooseOccurrence(activity({}), false, undefined, NOW)).toMatchObject({ key: SERIES, start: null });
  });

  it('per date: only one of the RRULE\'s own starts, to the second, still to come', () => {
    expect(chooseOccurrence(weekly, true, undefined, NOW)).toEqual({ problem: 'occurrence_required' });
    expect(chooseOccurrence(weekly, true, '2026-12-15T18:00:00.000Z', NOW)).toEqual({
      key: '2026-12-15T18:00:00.000Z',
      start: new Date('2026-12-15T18:00:00Z'),
      end: new Date('2026-12-15T20:00:00Z'),
    });
    expect(chooseOccurrence(weekly, true, '2026-12-15T18:00:01Z', NOW)).toEqual({ problem: 'not_an_occurrence' });
    expect(chooseOccurrence(weekly, true, '2026-12-16T18:00:00Z', NOW)).toEqual({ problem: 'not_an_occurrence' });
    expect(chooseOccurrence(weekly, true, '2027-01-05T18:00:00Z', NOW)).toEqual({ problem: 'not_an_occurrence' }); // the fifth: COUNT=4
    expect(chooseOccurrence(weekly, true, 'volgende week', NOW)).toEqual({ problem: 'not_an_occurrence' });
    expect(chooseOccurrence(weekly, true, '2026-12-08T18:00:00Z', new Date('2026-12-09T00:00:00Z'))).toEqual({ problem: 'past' });
  });

  it('lists the dates still to come, at most as many as asked', () => {
    expect(upcomingOccurrences(weekly, true, 10, NOW).map((o) => o.key)).toEqual([
      '2026-12-08T18:00:00.000Z',
      '2026-12-15T18:00:00.000Z',
      '2026-12-22T18:00:00.000Z',
      '2026-12-29T18:00:00.000Z',
    ]);
    expect(upcomingOccurrences(weekly, true, 2, new Date('2026-12-10T00:00:00Z')).map((o) => o.key)).toEqual(['2026-12-15T18:00:00.000Z', '2026-12-22T18:00:00.000Z']);
    expect(upcomingOccurrences(weekly, false, 10, NOW).map((o) => o.key)).toEqual([SERIES]);
    expect(upcomingOccurrences(weekly, false, 10, new Date('2027-02-01T00:00:00Z'))).toEqual([]);
  });
});
