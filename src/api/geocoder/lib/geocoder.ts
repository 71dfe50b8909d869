/**
 * Address lookup through the geocoder a town configures (GEOCODER_URL).
 * Three answers are read, so a town can use what it already has: PDOK's
 * Locatieserver (Dutch addresses, free), Nominatim (OpenStreetMap, JSON) and
 * any GeoJSON FeatureCollection of points (Photon, Pelias, Nominatim's
 * format=geojson). The editor always sees the point on the map and confirms
 * it: a lookup only fills the coordinates of a form.
 */
export interface GeocoderSettings {
  /** Empty: no lookup; editors place the point on the map. `{query}` marks where the address goes, else it is added as `q`. */
  url: string;
  timeoutMs: number;
}

export interface Place {
  label: string;
  latitude: number;
  longitude: number;
}

export const MAX_PLACES = 5;
const MAX_LABEL = 200;
/** More than any real answer for five places; a larger body is not read to the end. */
const MAX_ANSWER_BYTES = 1_000_000;

/** Thrown when the geocoder could not be asked or gave no answer we read. */
export class GeocoderUnavailable extends Error {
  constructor(
    message: string,
    readonly timedOut = false
  ) {
    super(message);
  }
}

/** The configured URL with the address in it; throws on a URL that is not http(s), so a typo stops the server at start. */
export function geocoderUrl(template: string, query: string): URL {
  const hasPlaceholder = template.includes('{query}');
  const url = URL.canParse(template) ? new URL(hasPlaceholder ? template.replace('{query}', encodeURIComponent(query)) : template) : null;
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') throw new Error(`GEOCODER_URL must be an http(s) URL, not "${template}"`);
  if (!hasPlaceholder) url.searchParams.set('q', query);
  return url;
}

const isCoordinate = (value: number, limit: number) => Number.isFinite(value) && Math.abs(value) <= limit;
const label = (value: unknown) => (typeof value === 'string' ? value.trim().slice(0, MAX_LABEL) : '');

function place(labelValue: unknown, latitude: unknown, longitude: unknown): Place | null {
  const lat = Number(latitude);
  const lng = Number(longitude);
  const text = label(labelValue);
  if (latitude === null || longitude === null || latitude === '' || longitude === '') return null;
  if (!text || !isCoordinate(lat, 90) || !isCoordinate(lng, 180)) return null;
  return { label: text, latitude: lat, longitude: lng };
}

/** PDOK writes its point as WKT: "POINT(5.1214 52.0907)", longitude first. */
function wktPoint(value: unknown): [number, number] | null {
  const match = typeof value === 'string' ? /^POINT\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)$/i.exec(value.trim()) : null;
  return match ? [Number(match[1]), Number(match[2])] : null;
}

type Doc = Record<string, unknown>;
const isObject = (value: unknown): value is Doc => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The places in a geocoder's answer, best first, at most MAX_PLACES; entries
 * without a name or valid coordinates are left out. Null when the answer has
 * none of the three shapes (the URL points at something else).
 */
export function readPlaces(answer: unknown): Place[] | null {
  let places: (Place | null)[];
  if (Array.isArray(answer)) {
    // Nominatim: [{ display_name, lat, lon }]
    places = answer.filter(isObject).map((item) => place(item.display_name ?? item.name, item.lat, item.lon));
  } else if (isObject(answer) && isObject(answer.response) && Array.isArray(answer.response.docs)) {
    // PDOK Locatieserver: { response: { docs: [{ weergavenaam, centroide_ll }] } }
    places = answer.response.docs.filter(isObject).map((doc) => {
      const point = wktPoint(doc.centroide_ll);
      return point ? place(doc.weergavenaam, point[1], point[0]) : null;
    });
  } else if (isObject(answer) && Array.isArray(answer.features)) {
    // GeoJSON: { features: [{ geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { label | display_name | name } }] }
    places = answer.features.filter(isObject).map((feature) => {
      const geometry = isObject(feature.geometry) ? feature.geometry : {};
      const properties = isObject(feature.properties) ? feature.properties : {};
      const coordinates = geometry.type === 'Point' && Array.isArray(geometry.coordinates) ? geometry.coordinates : [];
      return place(properties.label ?? properties.display_name ?? properties.weergavenaam ?? properties.name, coordinates[1], coordinates[0]);
    });
  } else {
    return null;
  }
  return places.filter((item): item is Place => item !== null).slice(0, MAX_PLACES);
}

async function readBody(response: Response): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_ANSWER_BYTES) throw new GeocoderUnavailable(`the geocoder answered ${declared} bytes`);
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_ANSWER_BYTES) {
      await reader.cancel();
      throw new GeocoderUnavailable(`the geocoder answered more than ${MAX_ANSWER_BYTES} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Asks the geocoder; throws GeocoderUnavailable when it is down, slow, or answers something we cannot read. */
export async function lookUp(config: GeocoderSettings, query: string, language: string, userAgent: string): Promise<Place[]> {
  const signal = AbortSignal.timeout(config.timeoutMs);
  let response: Response;
  let body: string;
  try {
    response = await fetch(geocoderUrl(config.url, query), {
      signal,
      redirect: 'error',
      headers: { Accept: 'application/json', 'Accept-Language': language, 'User-Agent': userAgent },
    });
    body = await readBody(response);
  } catch (error) {
    if (error instanceof GeocoderUnavailable) throw error;
    const timedOut = signal.aborted;
    throw new GeocoderUnavailable(timedOut ? `the geocoder did not answer within ${config.timeoutMs} ms` : `the geocoder could not be reached: ${(error as Error).message}`, timedOut);
  }
  if (!response.ok) throw new GeocoderUnavailable(`the geocoder answered HTTP ${response.status}`);
  let answer: unknown;
  try {
    answer = JSON.parse(body);
  } catch {
    throw new GeocoderUnavailable('the geocoder answered something other than JSON');
  }
  const places = readPlaces(answer);
  if (!places) throw new GeocoderUnavailable('the geocoder answered JSON that is neither Nominatim, PDOK Locatieserver nor GeoJSON');
  return places;
}
