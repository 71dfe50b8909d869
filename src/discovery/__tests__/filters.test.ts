import { boxAround, distanceKm, parseFindingFilters } from '../filters';

const message = (query: Record<string, unknown>) => {
  try {
    parseFindingFilters(query);
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  return 'accepted';
};

describe('parseFindingFilters', () => {
  it('gives defaults for an empty query', () => {
    expect(parseFindingFilters({})).toEqual({ locale: 'nl', page: 1, pageSize: 25, category: undefined, neighbourhood: undefined, from: undefined, to: undefined });
  });

  it('parses every filter', () => {
    const f = parseFindingFilters({
      category: 'sport-en-bewegen',
      neighbourhood: 'de-hoven',
      organisation: 'wandelclub',
      near: '52.09, 5.12',
      radius: '3.5',
      bbox: '5.0,52.0,5.2,52.2',
      from: '2026-11-23',
      to: '2026-11-30T18:00:00+01:00',
      free: 'true',
      locale: 'en',
      page: '2',
      pageSize: '10',
    });
    expect(f).toMatchObject({
      category: 'sport-en-bewegen',
      neighbourhood: 'de-hoven',
      organisation: 'wandelclub',
      near: { lat: 52.09, lng: 5.12, radiusKm: 3.5 },
      bbox: { minLng: 5, minLat: 52, maxLng: 5.2, maxLat: 52.2 },
      free: true,
      locale: 'en',
      page: 2,
      pageSize: 10,
    });
    expect(f.from!.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(f.to!.toISOString()).toBe('2026-11-30T17:00:00.000Z');
  });

  it.each([
    [{ locale: 'de' }, 'locale'],
    [{ category: 'Sport & Spel' }, 'category'],
    [{ category: ['a', 'b'] }, 'category'],
    [{ near: '52.1' }, 'near'],
    [{ near: '95,5' }, 'near'],
    [{ near: '52,5', radius: '500' }, 'radius'],
    [{ radius: '2' }, 'radius'],
    [{ bbox: '5.2,52.0,5.0,52.2' }, 'bbox'],
    [{ from: 'tomorrow' }, 'from'],
    [{ from: '2026-02-30x' }, 'from'],
    [{ from: '2026-12-01', to: '2026-11-01' }, 'to'],
    [{ free: 'yes' }, 'free'],
    [{ pageSize: '1000' }, 'pageSize'],
    [{ page: '0' }, 'page'],
    [{ organisation: 'not a slug!' }, 'organisation'],
  ])('refuses %j with a message naming the parameter', (query, param) => {
    expect(message(query)).toMatch(new RegExp(`^ValidationError: ${param}: `));
  });
});

describe('geometry helpers', () => {
  it('measures the distance between two points', () => {
    // Utrecht Dom tower to Amersfoort station, about 20 km apart.
    expect(distanceKm({ lat: 52.0907, lng: 5.1214 }, { lat: 52.1535, lng: 5.3723 })).toBeCloseTo(18.3, 0);
  });

  it('draws a box that contains the whole radius', () => {
    const centre = { lat: 52.09, lng: 5.12, radiusKm: 5 };
    const box = boxAround(centre);
    expect(distanceKm(centre, { lat: box.maxLat, lng: centre.lng })).toBeCloseTo(5, 1);
    expect(distanceKm(centre, { lat: centre.lat, lng: box.minLng })).toBeCloseTo(5, 1);
  });
});
