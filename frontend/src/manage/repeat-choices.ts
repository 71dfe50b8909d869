/** The activity form's repeat choices and the RRULE each stands for (no DOM: unit-tested on its own). */
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type Every = 'none' | 'week' | 'twoWeeks' | 'month';
export const NTHS = ['1', '2', '3', '4', '-1'] as const;

/** What the form's three choices say: how often, on which weekday, and (monthly) which one of the month. */
export interface RepeatChoice {
  every: Every;
  day: Weekday;
  nth: (typeof NTHS)[number];
}

/** The RRULE a choice stands for (null: once, no rule). */
export function ruleFromChoice({ every, day, nth }: RepeatChoice): string | null {
  if (every === 'week') return `FREQ=WEEKLY;BYDAY=${day}`;
  if (every === 'twoWeeks') return `FREQ=WEEKLY;INTERVAL=2;BYDAY=${day}`;
  if (every === 'month') return `FREQ=MONTHLY;BYDAY=${nth}${day}`;
  return null;
}

/** The choice a stored rule is, or null for a rule these choices cannot make (it is then kept as it is). */
export function choiceFromRule(rule: string | null | undefined): RepeatChoice | null {
  const fallback: RepeatChoice = { every: 'none', day: 'MO', nth: '1' };
  if (!rule) return fallback;
  for (const every of ['week', 'twoWeeks', 'month'] as const) {
    for (const day of WEEKDAYS) {
      for (const nth of every === 'month' ? NTHS : (['1'] as const)) {
        const choice = { every, day, nth };
        if (ruleFromChoice(choice) === rule.replace(/^RRULE:/i, '').toUpperCase()) return choice;
      }
    }
  }
  return null;
}
