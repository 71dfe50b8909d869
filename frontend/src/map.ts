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

/**
 * A Leaflet map that only supplements a list with the same items: markers
 * carry the list's numbers, are reachable by Tab (Enter opens a link), and
 * neighbourhood outlines give a background when there are no tiles.
 */
export function createMap(container: HTMLElement, areas: MapArea[] = []): SiteMap {
  container.classList.add('map');
  container.setAttribute('role', 'region');
  container.setAttribute('aria-label', t('mapLabel'));
  const map = L.map(container, { scrollWheelZoom: false, zoomSnap: 0.5 });
  if (tileUrl) L.tileLayer(tileUrl, { attribution: import.meta.env.VITE_TILE_ATTRIBUTION || OSM_ATTRIBUTION, maxZoom: 19 }).addTo(map);

  const outlines = L.featureGroup().addTo(map);
  for (const area of areas) {
    if (!area.boundary) continue;
    L.geoJSON(area.boundary, { interactive: false, style: { color: '#1d4f91', weight: 1.5, fillColor: '#dbe7f5', fillOpacity: 0.6 } })
      .bindTooltip(area.name, { permanent: true, direction: 'center', className: 'area-label' })
      .addTo(outlines);
  }
  const markers = L.featureGroup().addTo(map);

  const fit = () => {
    const bounds = markers.getLayers().length ? markers.getBounds() : outlines.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
    else map.setView(FALLBACK_CENTRE, 13);
  };

  fit();
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
      fit();
    },
  };
}
