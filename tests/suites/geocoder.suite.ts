import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { api } from '../helpers/fixtures';
import { strapi } from '../helpers/strapi';

/**
 * A real HTTP geocoder on loopback answering as PDOK, Nominatim or Photon
 * would, or failing the ways a real one does. The suite points the running
 * CMS at it through the same setting GEOCODER_URL fills.
 */
type Behaviour = (request: http.IncomingMessage, response: http.ServerResponse) => void;
const json = (body: unknown, status = 200): Behaviour => (_request, response) => {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(body));
};

const PDOK = {
  response: {
    numFound: 2,
    docs: [
      { weergavenaam: 'Stationsplein 1, 3818LE Amersfoort', centroide_ll: 'POINT(5.37402 52.15372)' },
      { weergavenaam: 'Stationsplein, Amersfoort', centroide_ll: 'POINT(5.3741 52.1539)' },
    ],
  },
};
const NOMINATIM = [{ display_name: 'Stationsplein, Amersfoort, Utrecht, Nederland', lat: '52.1537', lon: '5.3740' }];
const PHOTON = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Point', coordinates: [5.374, 52.1537] }, properties: { name: 'Stationsplein' } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [500, 52] }, properties: { name: 'Not on earth' } },
  ],
};

describe('address lookup for the editors\' forms (#15.4): GET /api/geocoder/search', () => {
  let server: http.Server;
  let behaviour: Behaviour = json(PDOK);
  const seen: { url: string; headers: http.IncomingHttpHeaders }[] = [];
  let base = '';
  let before: unknown;
  const useGeocoder = (url: string, timeoutMs = 2000) => strapi().config.set('buurtplein.geocoder', { url, timeoutMs });
  const lookUp = (q: unknown, extra: Record<string, unknown> = {}) => api().get('/api/geocoder/search').query({ q, ...extra });

  beforeAll(async () => {
    before = strapi().config.get('buurtplein.geocoder');
    server = http.createServer((request, response) => {
      seen.push({ url: request.url ?? '', headers: request.headers });
      behaviour(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    strapi().config.set('buurtplein.geocoder', before);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    seen.length = 0;
    behaviour = json(PDOK);
    useGeocoder(`${base}/search/v3_1/free?rows=5&q={query}`);
  });

  it('without GEOCODER_URL the site is told there is none, and a lookup is a coded 404', async () => {
    useGeocoder('');
    expect((await api().get('/api/geocoder').expect(200)).body.data).toEqual({ available: false });
    const res = await lookUp('Stationsplein 1').expect(404);
    expect(res.body.error.details.code).toBe('geocoder.not_configured');
    expect(seen).toHaveLength(0);
  });

  it('reads PDOK Locatieserver: the address goes where {query} is, points come back as latitude/longitude', async () => {
    expect((await api().get('/api/geocoder').expect(200)).body.data).toEqual({ available: true });
    const res = await lookUp('Stationsplein 1, Amersfoort & co', { locale: 'en' }).expect(200);
    expect(res.body.data).toEqual([
      { label: 'Stationsplein 1, 3818LE Amersfoort', latitude: 52.15372, longitude: 5.37402 },
      { label: 'Stationsplein, Amersfoort', latitude: 52.1539, longitude: 5.3741 },
    ]);
    expect(seen[0].url).toBe('/search/v3_1/free?rows=5&q=Stationsplein%201%2C%20Amersfoort%20%26%20co');
    expect(seen[0].headers['accept-language']).toBe('en');
    expect(seen[0].headers['user-agent']).toMatch(/^buurtplein \(\+http/);
  });

  it('reads Nominatim, adding q when the URL has no {query}', async () => {
    behaviour = json(NOMINATIM);
    useGeocoder(`${base}/search?format=jsonv2&countrycodes=nl`);
    const res = await lookUp('Stationsplein').expect(200);
    expect(res.body.data).toEqual([{ label: 'Stationsplein, Amersfoort, Utrecht, Nederland', latitude: 52.1537, longitude: 5.374 }]);
    expect(new URL(seen[0].url, base).searchParams.get('q')).toBe('Stationsplein');
    expect(new URL(seen[0].url, base).searchParams.get('format')).toBe('jsonv2');
  });

  it('reads GeoJSON (Photon) and leaves out points that are not on earth', async () => {
    behaviour = json(PHOTON);
    const res = await lookUp('Stationsplein').expect(200);
    expect(res.body.data).toEqual([{ label: 'Stationsplein', latitude: 52.1537, longitude: 5.374 }]);
  });

  it('nothing found is an empty list, not an error', async () => {
    behaviour = json({ response: { numFound: 0, docs: [] } });
    expect((await lookUp('Nergensstraat 99').expect(200)).body.data).toEqual([]);
  });

  it.each([
    ['no q', {}],
    ['a q too short to mean anything', { q: 'ab' }],
    ['a q of more than 200 characters', { q: 'x'.repeat(201) }],
    ['q given twice', { q: ['Stationsplein', 'Markt'] }],
    ['an unknown parameter', { q: 'Stationsplein', url: 'http://169.254.169.254/' }],
    ['an unknown locale', { q: 'Stationsplein', locale: 'de' }],
  ])('%s is a 400 and the geocoder is not asked', async (_name, query) => {
    const res = await api().get('/api/geocoder/search').query(query).expect(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(seen).toHaveLength(0);
  });

  it.each([
    ['answers HTTP 500', json({ error: 'down' }, 500), 502],
    ['answers HTML', (_q: http.IncomingMessage, r: http.ServerResponse) => r.end('<html>maintenance</html>'), 502],
    ['answers JSON of another shape', json({ results: [] }), 502],
    ['redirects elsewhere', (_q: http.IncomingMessage, r: http.ServerResponse) => r.writeHead(302, { Location: 'http://169.254.169.254/' }).end(), 502],
    ['answers more than a megabyte', json({ response: { docs: [{ weergavenaam: 'x'.repeat(1_100_000), centroide_ll: 'POINT(5 52)' }] } }), 502],
  ])('a geocoder that %s gives a coded answer the site explains', async (_name, failing, status) => {
    behaviour = failing as Behaviour;
    const res = await lookUp('Stationsplein').expect(status);
    expect(res.body.error.details.code).toBe('geocoder.unavailable');
    expect(res.body.error.message).not.toMatch(/127\.0\.0\.1|maintenance/);
  });

  it('a geocoder that does not answer in time gives a 504, within the timeout', async () => {
    behaviour = () => undefined;
    useGeocoder(`${base}/slow?q={query}`, 300);
    const started = Date.now();
    const res = await lookUp('Stationsplein').expect(504);
    expect(res.body.error.details.code).toBe('geocoder.unavailable');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a geocoder that cannot be reached gives a 502', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    useGeocoder(`http://127.0.0.1:${port}/?q={query}`);
    expect((await lookUp('Stationsplein').expect(502)).body.error.details.code).toBe('geocoder.unavailable');
  });
});
