/** The activity form's repeat choices and the RRULE they stand for, both ways. */
import { choiceFromRule, NTHS, ruleFromChoice, WEEKDAYS } from '../manage/repeat-choices';

describe('repeat choices', () => {
  it.each([
    [{ every: 'week', day: 'TH', nth: '1' }, 'FREQ=WEEKLY;BYDAY=TH'],
    [{ every: 'twoWeeks', day: 'WE', nth: '1' }, 'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE'],
    [{ every: 'month', day: 'SA', nth: '1' }, 'FREQ=MONTHLY;BYDAY=1SA'],
    [{ every: 'month', day: 'MO', nth: '-1' }, 'FREQ=MONTHLY;BYDAY=-1MO'],
    [{ every: 'none', day: 'MO', nth: '1' }, null],
  ] as const)('%j is %s', (choice, rule) => {
    expect(ruleFromChoice(choice)).toBe(rule);
  });

  it('reads back every rule it makes, so editing keeps the choice', () => {
    for (const every of ['week', 'twoWeeks', 'month'] as const) {
      for (const day of WEEKDAYS) {
        for (const nth of every === 'month' ? NTHS : (['1'] as const)) {
          const rule = ruleFromChoice({ every, day, nth })!;
          expect(choiceFromRule(rule)).toEqual({ every, day, nth });
          expect(choiceFromRule(`RRULE:${rule.toLowerCase()}`)).toEqual({ every, day, nth });
        }
      }
    }
  });

  it('says "once" for no rule, and keeps a rule it cannot make as it is (null)', () => {
    expect(choiceFromRule(null)).toMatchObject({ every: 'none' });
    expect(choiceFromRule('')).toMatchObject({ every: 'none' });
    expect(choiceFromRule('FREQ=DAILY')).toBeNull();
    expect(choiceFromRule('FREQ=WEEKLY;BYDAY=TU,TH')).toBeNull();
  });
});
