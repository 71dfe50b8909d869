import { ApiError, request } from '../api';
import { h, replace } from '../dom';
import { lang, t } from '../i18n';

export interface FoundPlace {
  label: string;
  latitude: number;
  longitude: number;
}

/** The address as the enclosing form has it now: street, postal code and town in one line. */
function addressOf(form: HTMLFormElement | null): string {
  const value = (name: string) => {
    const element = form?.elements.namedItem(name);
    return element instanceof HTMLInputElement ? element.value.trim() : '';
  };
  return ['address', 'postalCode', 'city'].map(value).filter(Boolean).join(', ');
}

/**
 * "Zoek op adres": asks the town's geocoder (GET /api/geocoder/search) for
 * the address typed in the same form. One place is placed at once, several
 * are offered as buttons; the editor checks the point on the map either way.
 */
export function addressLookup(place: (found: FoundPlace) => void): HTMLElement {
  const results = h('div', { class: 'address-results', 'aria-live': 'polite' });
  const choose = (found: FoundPlace) => {
    place(found);
    replace(results, h('p', {}, t('addressChosen', { label: found.label })));
  };
  const button = h('button', { type: 'button' }, t('findAddress'));
  button.addEventListener('click', async () => {
    const address = addressOf(button.closest('form'));
    if (!address) return replace(results, h('p', { class: 'notice notice-error' }, t('addressFirst')));
    replace(results, h('p', {}, t('addressSearching')));
    try {
      const { data } = await request<{ data: FoundPlace[] }>('/api/geocoder/search', { query: { q: address, locale: lang } });
      if (data.length === 0) return replace(results, h('p', { class: 'notice notice-error' }, t('addressNotFound')));
      if (data.length === 1) return choose(data[0]);
      replace(
        results,
        h('p', {}, t('addressResults')),
        h('ul', { class: 'plain-list' }, data.map((found) => h('li', {}, h('button', { type: 'button', class: 'link-button', onclick: () => choose(found) }, found.label))))
      );
    } catch (error) {
      replace(results, h('p', { class: 'notice notice-error' }, error instanceof ApiError || error instanceof Error ? error.message : String(error)));
    }
  });
  return h('div', { class: 'address-lookup' }, h('p', { class: 'hint' }, t('findAddressHint')), button, results);
}
