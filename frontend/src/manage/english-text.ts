import { request } from '../api';
import { h } from '../dom';
import { field, onSubmit, statusArea, type FieldOptions } from '../forms';
import { t } from '../i18n';

/** The main forms edit the Dutch text, the town's own language; the English text is a version of its own. */
export const DUTCH = { locale: 'nl' } as const;
export const ENGLISH = { locale: 'en' } as const;

/**
 * The English text of an organisation or activity, in a fold of its own:
 * only the fields that differ per language. Saving creates the English
 * version the first time (the API gives it the same organiser and
 * categories); an item without one is not on the English site.
 */
export function englishTextForm(route: string, fields: FieldOptions[]): HTMLElement {
  const status = statusArea();
  const form = h(
    'form',
    { class: 'english-text' },
    h('p', { class: 'hint' }, t('englishTextHint')),
    fields.map((options) => field(options)),
    h('button', { type: 'submit' }, t('saveEnglishText')),
    status
  );
  // Spelling checks and screen readers treat what is typed here as English.
  for (const control of form.querySelectorAll<HTMLElement>('input, textarea')) control.lang = 'en';
  onSubmit(form, status, async (values) => {
    await request(route, { method: 'PUT', auth: true, query: ENGLISH, body: { data: values } });
    return t('saved');
  });
  return h('details', { class: 'english-text-fold' }, h('summary', {}, t('englishTextHeading')), form);
}
