import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { h } from './dom';
import { t } from './i18n';

const OSM_TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';
const tileUrl = import.meta.env.VITE_TILE_URL ?? OSM_TILES;
const FALLBACK_CENTRE: L.LatLngTuple = [52.1561, 5.3878];

export interface MapPoint {
  lat: number;
  lng: number;
  /** Shown on the marker; the same number as the item in the list. */
  label: string;
  title: string;
  href: string;
}

export interface MapArea {
  name: string;
  href?: string;
  boundary?: GeoJSON.Polygon | GeoJSON.MultiPolygon | null;
}

export interface SiteMap {
  showPoints(points: MapPoint[]): void;
}

/** A Leaflet map with the town's tiles (if any) and neighbourhood outlines as background, a region named `label`. */
function baseMap(container: HTMLElement, areas: MapArea[], label: string) {
  container.classList.add('map');
  container.setAttribute('role', 'region');
  container.setAttribute('aria-label', label);
  const map = L.map(container, { scrollWheelZoom: false, zoomSnap: 0.5 });
  if (tileUrl) L.tileLayer(tileUrl, { attribution: import.meta.env.VITE_TILE_ATTRIBUTION || OSM_ATTRIBUTION, maxZoom: 19 }).addTo(map);
  const outlines = L.featureGroup().addTo(map);
  for (const area of areas) {
    if (!area.boundary) continue;
    L.geoJSON(area.boundary, { interactive: false, style: { color: '#1d4f91', weight: 1.5, fillColor: '#dbe7f5', fillOpacity: 0.6 } })
      .bindTooltip(area.name, { permanent: true, direction: 'center', className: 'area-label' })
      .addTo(outlines);
  }
  /** Shows `bounds`, else the outlines, else the town's centre. */
  const fit = (bounds?: L.LatLngBounds) => {
    const target = bounds?.isValid() ? bounds : outlines.getBounds();
    if (target.isValid()) map.fitBounds(target, { padding: [24, 24], maxZoom: 16 });
    else map.setView(FALLBACK_CENTRE, 13);
  };
  return { map, fit };
}

/**
 * A Leaflet map that only supplements a list with the same items: markers
 * carry the list's numbers, are reachable by Tab (Enter opens a link), and
 * neighbourhood outlines give a background when there are no tiles.
 */
export function createMap(container: HTMLElement, areas: MapArea[] = []): SiteMap {
  const { map, fit } = baseMap(container, areas, t('mapLabel'));
  const markers = L.featureGroup().addTo(map);
  const fitMarkers = () => fit(markers.getLayers().length ? markers.getBounds() : undefined);

  fitMarkers();
  return {
    showPoints(points) {
      markers.clearLayers();
      for (const point of points) {
        const icon = L.divIcon({ className: 'marker', html: `<span>${point.label}</span>`, iconSize: [28, 28] });
        const link = h('a', { href: point.href }, point.title);
        const marker = L.marker([point.lat, point.lng], { icon, title: `${point.label}. ${point.title}`, keyboard: true }).bindPopup(link);
        // Enter on a marker opens its popup: focus moves to the link in it, and Escape brings it back to the marker.
        marker.on('popupopen', () => link.focus());
        link.addEventListener('keydown', (event) => {
          if (event.key !== 'Escape') return;
          marker.closePopup();
          marker.getElement()?.focus();
        });
        marker.addTo(markers);
      }
      fitMarkers();
    },
  };
}

export interface PointMap {
  /** Moves the marker (null removes it), e.g. after the coordinates were typed. */
  show(point: { lat: number; lng: number } | null): void;
}

/**
 * A map to place one point on, a region named `label` (unique on the page):
 * a click (or tap) puts the marker there and reports it. Keyboard users type
 * the coordinates in the fields beside it.
 */
export function createPointMap(container: HTMLElement, areas: MapArea[], label: string, onPlace: (point: { lat: number; lng: number }) => void): PointMap {
  const { map, fit } = baseMap(container, areas, label);
  let marker: L.Marker | null = null;
  const show = (point: { lat: number; lng: number } | null) => {
    marker?.remove();
    marker = point ? L.marker([point.lat, point.lng], { icon: L.divIcon({ className: 'marker marker-point', iconSize: [20, 20] }), keyboard: false }).addTo(map) : null;
  };
  map.on('click', (event: L.LeafletMouseEvent) => {
    const point = { lat: Number(event.latlng.lat.toFixed(6)), lng: Number(event.latlng.lng.toFixed(6)) };
    show(point);
    onPlace(point);
  });
  fit();
  return { show };
}
