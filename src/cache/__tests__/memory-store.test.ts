import { createMemoryStore } from '../memory-store';
import { decodeResponse, encodeResponse, type CachedResponse } from '../store';

const response = (text: string): CachedResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  etag: `"${text}"`,
  body: Buffer.from(text),
});

function setup(options: { ttlSeconds?: number; maxEntries?: number } = {}) {
  let t = 1_000_000;
  const store = createMemoryStore({ ttlSeconds: options.ttlSeconds ?? 60, maxEntries: options.maxEntries ?? 10, now: () => t });
  return { store, advance: (ms: number) => (t += ms) };
}

describe('memory cache store', () => {
  it('returns what was stored under the same generation and key', async () => {
    const { store } = setup();
    const generation = store.generation()!;
    await store.set(generation, 'GET /a', response('a'));
    expect(await store.get(generation, 'GET /a')).toEqual(response('a'));
    expect(await store.get(generation, 'GET /b')).toBeUndefined();
  });

  it('forgets everything on a bump, and ignores answers computed before it', async () => {
    const { store } = setup();
    const before = store.generation()!;
    await store.set(before, 'GET /a', response('old'));
    await store.bump();
    const after = store.generation()!;
    expect(after).not.toBe(before);
    expect(await store.get(after, 'GET /a')).toBeUndefined();
    expect(await store.get(before, 'GET /a')).toBeUndefined();
    await store.set(before, 'GET /a', response('late'));
    expect(await store.get(before, 'GET /a')).toBeUndefined();
  });

  it('drops entries after their TTL', async () => {
    const { store, advance } = setup({ ttlSeconds: 30 });
    await store.set(0, 'GET /a', response('a'));
    advance(29_999);
    expect(await store.get(0, 'GET /a')).toBeDefined();
    advance(1);
    expect(await store.get(0, 'GET /a')).toBeUndefined();
  });

  it('evicts the least recently used entry when full', async () => {
    const { store } = setup({ maxEntries: 2 });
    await store.set(0, 'GET /a', response('a'));
    await store.set(0, 'GET /b', response('b'));
    await store.get(0, 'GET /a'); // a is now more recent than b
    await store.set(0, 'GET /c', response('c'));
    expect(await store.get(0, 'GET /b')).toBeUndefined();
    expect(await store.get(0, 'GET /a')).toBeDefined();
    expect(await store.get(0, 'GET /c')).toBeDefined();
  });
});

describe('cached response encoding', () => {
  it('round-trips headers and binary bodies, newlines included', () => {
    const original: CachedResponse = {
      status: 200,
      headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'inline' },
      etag: '"x"',
      body: Buffer.from([0x42, 0x0a, 0x00, 0xff, 0x0a]),
    };
    expect(decodeResponse(encodeResponse(original))).toEqual(original);
  });
});
