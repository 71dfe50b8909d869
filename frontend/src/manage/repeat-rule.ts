import { h } from '../dom';
import { describeRule, ORDINALS } from '../format';
import { nextId } from '../forms';
import { t, type Key } from '../i18n';
import { choiceFromRule, NTHS, ruleFromChoice, WEEKDAYS, type Every, type RepeatChoice, type Weekday } from './repeat-choices';

const options = (values: readonly string[], label: (value: string) => string, selected: string) =>
  values.map((value) => h('option', { value, selected: value === selected }, label(value)));

const DAY_KEYS: Record<Weekday, Key> = { MO: 'dayMO', TU: 'dayTU', WE: 'dayWE', TH: 'dayTH', FR: 'dayFR', SA: 'daySA', SU: 'daySU' };
const EVERY_KEYS: Record<Every, Key> = { none: 'repeatNone', week: 'repeatWeek', twoWeeks: 'repeatTwoWeeks', month: 'repeatMonth' };

/**
 * "Herhaling" as choices (how often, which weekday, which one of the month),
 * never a raw RRULE; the rule itself travels in a hidden `recurrence` field,
 * and the choice is said in words below the choices. A stored rule the
 * choices cannot make stays as it is until the editor picks another.
 */
export function repeatRuleField(current: string | null | undefined): HTMLElement {
  const chosen = choiceFromRule(current);
  const start = chosen ?? { every: 'none', day: 'MO', nth: '1' };
  const hidden = h('input', { type: 'hidden', name: 'recurrence', value: current ?? '' });
  const said = h('p', { class: 'hint', 'aria-live': 'polite' });
  const labelled = (key: Key, control: HTMLSelectElement) => {
    const id = nextId(key);
    control.id = id;
    return h('div', { class: 'field' }, h('label', { for: id }, t(key)), control);
  };
  const every = h('select', {}, options(['none', 'week', 'twoWeeks', 'month'], (value) => t(EVERY_KEYS[value as Every]), chosen ? start.every : ''));
  if (!chosen) every.prepend(h('option', { value: '', selected: true }, t('repeatOther')));
  const day = h('select', {}, options(WEEKDAYS, (value) => t(DAY_KEYS[value as Weekday]), start.day));
  const nth = h('select', {}, options(NTHS, (value) => t(ORDINALS[value]), start.nth));
  const dayField = labelled('repeatDayLabel', day);
  const nthField = labelled('repeatNthLabel', nth);
  const update = () => {
    if (every.value) hidden.value = ruleFromChoice({ every: every.value as Every, day: day.value as Weekday, nth: nth.value as RepeatChoice['nth'] }) ?? '';
    dayField.hidden = every.value === 'none' || every.value === '';
    nthField.hidden = every.value !== 'month';
    said.textContent = hidden.value ? t('recurring', { rule: describeRule(hidden.value) ?? t('ruleIrregular') }) : t('repeatOnce');
  };
  for (const control of [every, day, nth]) control.addEventListener('change', update);
  update();
  return h('fieldset', { class: 'repeat-rule' }, h('legend', {}, t('repeatLegend')), labelled('repeatEveryLabel', every), dayField, nthField, said, hidden);
}
