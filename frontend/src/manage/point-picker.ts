import { h } from '../dom';
import { field } from '../forms';
import { t } from '../i18n';
import { createPointMap, type MapArea, type PointMap } from '../map';
import { addressLookup } from './address-lookup';

const inputOf = (element: HTMLElement) => element.querySelector('input')!;

/**
 * Where the organisation or activity is on the map. Click the map to place
 * the point, or type (or, by keyboard, adjust) latitude and longitude; the
 * map follows. Empty coordinates mean "not on the map yet", said in words.
 * `name` tells this map from others on the page (each form has one). Where
 * the town has a geocoder, "Zoek op adres" fills the point from the form's address.
 */
export function pointPicker(
  areas: MapArea[],
  current: { latitude?: number | null; longitude?: number | null },
  name: string,
  options: { geocoder?: boolean } = {}
): HTMLElement {
  const latitude = field({ name: 'latitude', label: t('latitudeLabel'), type: 'number', value: current.latitude });
  const longitude = field({ name: 'longitude', label: t('longitudeLabel'), type: 'number', value: current.longitude });
  const state = h('p', { class: 'point-state', 'aria-live': 'polite' });
  const mapElement = h('div', { class: 'point-map' });
  const read = () => {
    const lat = inputOf(latitude).value.trim();
    const lng = inputOf(longitude).value.trim();
    return lat && lng && Number.isFinite(Number(lat)) && Number.isFinite(Number(lng)) ? { lat: Number(lat), lng: Number(lng) } : null;
  };
  const describe = () => {
    state.textContent = read() ? t('pointPlaced') : t('notOnMapYet');
  };
  let map: PointMap | null = null;
  const changed = () => {
    map?.show(read());
    describe();
  };
  const setPoint = (lat: string, lng: string) => {
    inputOf(latitude).value = lat;
    inputOf(longitude).value = lng;
    changed();
  };
  const clear = h('button', { type: 'button', class: 'link-button' }, t('removePoint'));
  const lookup = options.geocoder ? addressLookup((found) => setPoint(String(found.latitude), String(found.longitude))) : null;
  const fieldset = h(
    'fieldset',
    { class: 'point-picker' },
    h('legend', {}, t('pointLegend')),
    h('p', { class: 'hint' }, t('pointHint')),
    lookup,
    mapElement,
    latitude,
    longitude,
    clear,
    state
  );
  for (const input of [inputOf(latitude), inputOf(longitude)]) input.addEventListener('input', changed);
  clear.addEventListener('click', () => setPoint('', ''));
  describe();
  // Leaflet measures its container: draw the map when it first comes into view (a closed <details> hides it).
  const observer = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    observer.disconnect();
    map = createPointMap(mapElement, areas, t('pointMapLabel', { name }), (point) => setPoint(String(point.lat), String(point.lng)));
    map.show(read());
  });
  observer.observe(mapElement);
  return fieldset;
}
