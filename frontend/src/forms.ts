import { ApiError } from './api';
import { h, notice, replace } from './dom';
import { t } from './i18n';

let sequence = 0;
export const nextId = (name: string) => `f-${name}-${++sequence}`;

export interface FieldOptions {
  name: string;
  label: string;
  type?: string;
  value?: string | number | null;
  required?: boolean;
  hint?: string;
  autocomplete?: string;
  multiline?: boolean;
}

/** A labelled input with its hint and an (empty) error message, both tied to it by aria-describedby. */
export function field({ name, label, type = 'text', value, required, hint, autocomplete, multiline }: FieldOptions): HTMLElement {
  const id = nextId(name);
  const described = [hint ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' ');
  const attrs = { id, name, required: !!required, autocomplete, 'aria-describedby': described };
  const control = multiline
    ? h('textarea', { ...attrs, rows: 5 }, value == null ? '' : String(value))
    : h('input', { ...attrs, type, value: value == null ? '' : String(value), step: type === 'number' ? 'any' : null });
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label, required ? h('span', { class: 'required', 'aria-hidden': 'true' }, ' *') : null),
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    h('p', { class: 'error', id: `${id}-error` }),
    control
  );
}

export interface Choice {
  value: string;
  label: string;
}

/** A labelled <select>; `empty` is the "all"/"none" option. */
export function select(name: string, label: string, choices: Choice[], selected = '', empty?: string): HTMLElement {
  const id = nextId(name);
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    h(
      'select',
      { id, name },
      empty !== undefined ? h('option', { value: '' }, empty) : null,
      choices.map((choice) => h('option', { value: choice.value, selected: choice.value === selected }, choice.label))
    )
  );
}

/** Checkboxes in a fieldset with a legend (several categories or neighbourhoods). */
export function checkboxes(name: string, legend: string, choices: Choice[], checked: string[] = []): HTMLElement {
  return h(
    'fieldset',
    { class: 'choices', 'data-name': name },
    h('legend', {}, legend),
    h('p', { class: 'error', id: `${name}-error-${++sequence}` }),
    choices.map((choice) => {
      const id = nextId(name);
      return h(
        'div',
        { class: 'choice' },
        h('input', { type: 'checkbox', id, name, value: choice.value, checked: checked.includes(choice.value) }),
        h('label', { for: id }, choice.label)
      );
    })
  );
}

/** The form's values: one string per field, checkbox groups as arrays, empty strings as null. */
export function values(form: HTMLFormElement): Record<string, string | string[] | null> {
  const result: Record<string, string | string[] | null> = {};
  for (const group of form.querySelectorAll<HTMLFieldSetElement>('fieldset.choices')) result[group.dataset.name!] = [];
  for (const [name, value] of new FormData(form).entries()) {
    const text = String(value).trim();
    const existing = result[name];
    if (Array.isArray(existing)) existing.push(text);
    else result[name] = text === '' ? null : text;
  }
  return result;
}

function clearErrors(form: HTMLFormElement) {
  for (const message of form.querySelectorAll('.error')) message.textContent = '';
  for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
}

/** The API's validation messages are English (and name fields by their API names): shown in the reader's words. */
function fieldMessage(message: string): string {
  const tooLong = /at most (\d+) characters/.exec(message);
  if (tooLong) return t('tooLong', { max: tooLong[1] });
  if (/required/.test(message)) return t('required');
  if (/Passwords do not match/.test(message)) return t('passwordsDiffer');
  if (/Password must be less than/.test(message)) return t('passwordTooLong');
  const tooShort = /password must have at least (\d+) characters/i.exec(message);
  if (tooShort) return t('passwordTooShort', { min: tooShort[1] });
  if (/email/i.test(message)) return t('invalidEmail');
  if (/http:\/\/ or https:\/\//.test(message)) return t('invalidUrl');
  if (/must be a date/.test(message)) return t('invalidDate');
  if (/latitude and longitude go together/.test(message)) return t('pointIncomplete');
  return t('invalidField');
}

/** Shows each field's message next to it and a summary in the form's status area, and moves focus to the first problem. */
export function showErrors(form: HTMLFormElement, status: HTMLElement, error: unknown) {
  clearErrors(form);
  if (!(error instanceof ApiError)) {
    replace(status, notice(t('loadFailed', { message: (error as Error).message }), 'error'));
    return;
  }
  const problems = error.details.errors ?? [];
  let first: HTMLElement | null = null;
  for (const problem of problems) {
    const name = problem.path?.[0];
    const control = name ? form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`) : null;
    if (!control) continue;
    const container = control.closest('.field, fieldset');
    const message = container?.querySelector('.error');
    if (message) message.textContent = fieldMessage(problem.message);
    control.setAttribute('aria-invalid', 'true');
    first ??= control;
  }
  const summary = error.status === 429 ? t('tooManyRequests') : first ? t('formErrors') : error.message;
  replace(status, notice(summary, 'error'));
  first?.focus();
}

/**
 * Wires a form to an async action: disables the submit button while busy,
 * shows field errors from the API, and the success message in `status`.
 */
export function onSubmit(form: HTMLFormElement, status: HTMLElement, action: (data: ReturnType<typeof values>) => Promise<string | void>) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector<HTMLButtonElement>('button[type=submit]');
    if (button) button.disabled = true;
    try {
      clearErrors(form);
      const message = await action(values(form));
      replace(status, message ? notice(message) : '');
    } catch (error) {
      showErrors(form, status, error);
    } finally {
      if (button) button.disabled = false;
    }
  });
}

/** An empty area where a form announces its result. */
export const statusArea = () => h('div', { class: 'form-status', 'aria-live': 'polite' });
