import { createMemoryStore } from '../memory-store';
import { EVERYTHING } from '../scopes';
import { decodeResponse, encodeResponse, type CachedResponse } from '../store';

const response = (text: string): CachedResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  etag: `"${text}"`,
  body: Buffer.from(text),
});

function setup(options: { ttlSeconds?: number; maxEntries?: number; maxBytes?: number } = {}) {
  let t = 1_000_000;
  const store = createMemoryStore({
    ttlSeconds: options.ttlSeconds ?? 60,
    maxEntries: options.maxEntries ?? 10,
    maxBytes: options.maxBytes ?? 1_000_000,
    sweepIntervalMs: 1000,
    now: () => t,
  });
  return { store, advance: (ms: number) => (t += ms) };
}

const ALL = [EVERYTHING];

describe('memory cache store', () => {
  it('returns what was stored under the same stamp and key', async () => {
    const { store } = setup();
    const stamp = store.stamp(ALL);
    await store.set(stamp, 'GET /a', response('a'));
    expect(await store.get(stamp, 'GET /a')).toEqual(response('a'));
    expect(await store.get(stamp, 'GET /b')).toBeUndefined();
  });

  it('forgets everything on a bump of everything, and ignores answers computed before it', async () => {
    const { store } = setup();
    const before = store.stamp(['all', 'type:x']);
    await store.bump(['type:x']);
    await store.set(store.stamp(['all', 'type:x']), 'GET /a', response('old'));
    await store.bump(ALL);
    const after = store.stamp(['all', 'type:x']);
    expect(after.text).not.toBe(before.text);
    expect(store.size()).toBe(0);
    expect(await store.get(after, 'GET /a')).toBeUndefined();
    await store.set(before, 'GET /a', response('late'));
    expect(await store.get(before, 'GET /a')).toBeUndefined();
    // The other scopes start over, yet no older stamp comes back: everything's generation is in each.
    expect(after.text).toBe('1.0');
    expect(before.text).toBe('0.0');
  });

  it('drops only the answers whose scopes a bump touches', async () => {
    const { store } = setup();
    const one = store.stamp(['all', 'type:a', 'doc:a:1']);
    const two = store.stamp(['all', 'type:a', 'doc:a:2']);
    const other = store.stamp(['all', 'type:b', 'list:b']);
    for (const [stamp, key] of [[one, 'GET /a/1'], [two, 'GET /a/2'], [other, 'GET /b']] as const) await store.set(stamp, key, response(key));
    await store.bump(['doc:a:1']);
    expect(await store.get(store.stamp(one.scopes), 'GET /a/1')).toBeUndefined();
    expect(await store.get(store.stamp(two.scopes), 'GET /a/2')).toEqual(response('GET /a/2'));
    expect(await store.get(store.stamp(other.scopes), 'GET /b')).toEqual(response('GET /b'));
    // An answer made before the bump is not kept after it.
    await store.set(one, 'GET /a/1', response('late'));
    expect(await store.get(store.stamp(one.scopes), 'GET /a/1')).toBeUndefined();
    await store.bump(['type:a']);
    expect(await store.get(store.stamp(two.scopes), 'GET /a/2')).toBeUndefined();
    expect(await store.get(store.stamp(other.scopes), 'GET /b')).toBeDefined();
  });

  it('drops entries after their TTL', async () => {
    const { store, advance } = setup({ ttlSeconds: 30 });
    const stamp = store.stamp(ALL);
    await store.set(stamp, 'GET /a', response('a'));
    advance(29_999);
    expect(await store.get(stamp, 'GET /a')).toBeDefined();
    advance(1);
    expect(await store.get(stamp, 'GET /a')).toBeUndefined();
  });

  it('evicts the least recently used entry when full', async () => {
    const { store } = setup({ maxEntries: 2 });
    const stamp = store.stamp(ALL);
    await store.set(stamp, 'GET /a', response('a'));
    await store.set(stamp, 'GET /b', response('b'));
    await store.get(stamp, 'GET /a'); // a is now more recent than b
    await store.set(stamp, 'GET /c', response('c'));
    expect(await store.get(stamp, 'GET /b')).toBeUndefined();
    expect(await store.get(stamp, 'GET /a')).toBeDefined();
    expect(await store.get(stamp, 'GET /c')).toBeDefined();
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

describe('memory cache store: bounded in bytes', () => {
  const big = (text: string, kb: number) => ({ ...response(text), body: Buffer.alloc(kb * 1024, 'x') });

  it('drops the least recently used entries when the answers together pass maxBytes', async () => {
    const { store } = setup({ maxEntries: 1000, maxBytes: 300 * 1024 });
    const generation = store.stamp(ALL);
    for (let i = 0; i < 10; i++) await store.set(generation, `GET /junk?${i}`, big(String(i), 100));
    expect(store.bytes()).toBeLessThanOrEqual(300 * 1024);
    expect(store.size()).toBe(2);
    expect(await store.get(generation, 'GET /junk?9')).toBeDefined();
    expect(await store.get(generation, 'GET /junk?0')).toBeUndefined();
  });

  it('does not keep one answer larger than the whole budget', async () => {
    const { store } = setup({ maxBytes: 50 * 1024 });
    await store.set(store.stamp(ALL), 'GET /huge', big('h', 60));
    expect(store.size()).toBe(0);
    expect(store.bytes()).toBe(0);
  });

  it('sweeps expired entries during writes, and counts bytes back down', async () => {
    const { store, advance } = setup({ ttlSeconds: 10, maxBytes: 10_000_000 });
    const generation = store.stamp(ALL);
    for (let i = 0; i < 5; i++) await store.set(generation, `GET /old?${i}`, big(String(i), 10));
    advance(11_000);
    await store.set(generation, 'GET /new', big('n', 10));
    expect(store.size()).toBe(1);
    expect(store.bytes()).toBeGreaterThan(10 * 1024);
    expect(store.bytes()).toBeLessThan(11 * 1024);
    await store.bump(ALL);
    expect(store.bytes()).toBe(0);
  });
});
