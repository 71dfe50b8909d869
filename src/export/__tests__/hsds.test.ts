import { hsdsId, scheduleOf, toHsds } from '../hsds';

const activity = (extra: Record<string, unknown>) => ({ documentId: 'a1', title: 'Koffie', en: null, ...extra }) as any;

describe('HSDS mapping', () => {
  it('derives stable UUIDs from documentIds', () => {
    expect(hsdsId('service', 'abc')).toBe(hsdsId('service', 'abc'));
    expect(hsdsId('service', 'abc')).not.toBe(hsdsId('organization', 'abc'));
    expect(hsdsId('service', 'abc')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('a one-off activity becomes a schedule valid on its day, with Amsterdam opening hours', () => {
    expect(scheduleOf(activity({ startsAt: '2027-07-05T08:00:00.000Z', endsAt: '2027-07-05T10:30:00.000Z' }), 's')).toMatchObject({
      valid_from: '2027-07-05',
      valid_to: '2027-07-05',
      opens_at: '10:00+02:00',
      closes_at: '12:30+02:00',
      timezone: 2,
    });
  });

  it('a recurring activity keeps its RRULE fields; a rule HSDS cannot express keeps only its description', () => {
    expect(scheduleOf(activity({ startsAt: '2027-01-02T09:00:00.000Z', recurrence: 'FREQ=MONTHLY;BYDAY=1SA;COUNT=6' }), 's')).toMatchObject({ freq: 'MONTHLY', byday: '1SA', count: 6, interval: 1, until: null });
    expect(scheduleOf(activity({ startsAt: '2027-01-02T09:00:00.000Z', recurrence: 'FREQ=DAILY' }), 's')).toMatchObject({ freq: null, description: 'FREQ=DAILY' });
    expect(scheduleOf(activity({ startsAt: null }), 's')).toBeNull();
  });

  it('hangs services on their organisation and leaves out activities without a public one', () => {
    const page = toHsds([{ documentId: 'o1', name: 'Org', en: null } as any], [activity({ organisation: { documentId: 'o1' } }), activity({ documentId: 'a2', title: 'Wees', organisation: null })]);
    expect(page).toMatchObject({ total_items: 1, contents: [{ name: 'Org', description: '', services: [{ name: 'Koffie', status: 'active' }] }] });
  });
});
