import { createMemoryStore, createRateLimiter, normaliseEmail, type RateLimitRule } from '../rate-limit';

function setup(rules?: RateLimitRule[]) {
  let t = 1_000_000;
  const now = () => t;
  const store = createMemoryStore({ now });
  const limiter = createRateLimiter({
    store,
    now,
    rules: rules ?? [
      { name: 'login-ip', windowMs: 60_000, max: 3, key: ({ ip }) => ip },
      { name: 'login-email', windowMs: 600_000, max: 5, key: ({ email }) => normaliseEmail(email) ?? null },
    ],
  });
  return { limiter, store, advance: (ms: number) => (t += ms) };
}

describe('createRateLimiter', () => {
  it('allows max hits, then refuses with the time left in the window', async () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 3; i++) expect(await limiter.check({ ip: '1.1.1.1' })).toEqual({ allowed: true });
    advance(20_500);
    expect(await limiter.check({ ip: '1.1.1.1' })).toEqual({ allowed: false, rule: 'login-ip', retryAfterSeconds: 40 });
    advance(39_000);
    expect(await limiter.check({ ip: '1.1.1.1' })).toEqual({ allowed: false, rule: 'login-ip', retryAfterSeconds: 1 });
  });

  it('resets when the window expires, and refused hits do not extend it', async () => {
    const { limiter, advance } = setup();
    for (let i = 0; i < 10; i++) await limiter.check({ ip: '1.1.1.1' });
    advance(60_000);
    expect(await limiter.check({ ip: '1.1.1.1' })).toEqual({ allowed: true });
  });

  it('counts each IP separately', async () => {
    const { limiter } = setup();
    for (let i = 0; i < 3; i++) await limiter.check({ ip: '1.1.1.1' });
    expect((await limiter.check({ ip: '1.1.1.1' })).allowed).toBe(false);
    expect(await limiter.check({ ip: '2.2.2.2' })).toEqual({ allowed: true });
  });

  it('limits an email across IPs, case-insensitively, and reports the longest wait', async () => {
    const { limiter } = setup();
    const emails = ['ann@example.org', 'Ann@Example.org', ' ANN@EXAMPLE.ORG ', 'ann@example.org', 'ann@example.org'];
    for (const [i, email] of emails.entries()) expect(await limiter.check({ ip: `10.0.0.${i}`, email })).toEqual({ allowed: true });
    expect(await limiter.check({ ip: '10.0.0.9', email: 'ANN@example.org' })).toEqual({ allowed: false, rule: 'login-email', retryAfterSeconds: 600 });
    expect(await limiter.check({ ip: '10.0.0.9', email: 'bob@example.org' })).toEqual({ allowed: true });
  });

  it('skips the email rule when there is no email', async () => {
    const { limiter } = setup([
      { name: 'email-only', windowMs: 60_000, max: 1, key: ({ email }) => normaliseEmail(email) ?? null },
    ]);
    for (let i = 0; i < 5; i++) expect(await limiter.check({ ip: '1.1.1.1' })).toEqual({ allowed: true });
    for (let i = 0; i < 5; i++) expect(await limiter.check({ ip: '1.1.1.1', email: '  ' })).toEqual({ allowed: true });
    expect(await limiter.check({ ip: '1.1.1.1', email: 'a@b.c' })).toEqual({ allowed: true });
    expect((await limiter.check({ ip: '1.1.1.1', email: 'a@b.c' })).allowed).toBe(false);
  });

  it('keeps counters of different rules apart even for the same key', async () => {
    const { limiter } = setup([
      { name: 'a', windowMs: 60_000, max: 1, key: ({ ip }) => ip },
      { name: 'b', windowMs: 60_000, max: 2, key: ({ ip }) => ip },
    ]);
    expect(await limiter.check({ ip: 'x' })).toEqual({ allowed: true });
    expect(await limiter.check({ ip: 'x' })).toEqual({ allowed: false, rule: 'a', retryAfterSeconds: 60 });
  });

  it('rejects duplicate or invalid rules', () => {
    const store = createMemoryStore();
    const rule: RateLimitRule = { name: 'r', windowMs: 1000, max: 1, key: ({ ip }) => ip };
    expect(() => createRateLimiter({ store, rules: [rule, rule] })).toThrow(/Duplicate/);
    expect(() => createRateLimiter({ store, rules: [{ ...rule, windowMs: 0 }] })).toThrow(/windowMs/);
  });
});

describe('createMemoryStore', () => {
  it('starts a new window after expiry and clears on reset', async () => {
    let t = 0;
    const store = createMemoryStore({ now: () => t, sweepIntervalMs: 10 });
    expect(await store.hit('k', 100)).toEqual({ count: 1, resetAt: 100 });
    expect(await store.hit('k', 100)).toEqual({ count: 2, resetAt: 100 });
    t = 100;
    expect(await store.hit('k', 100)).toEqual({ count: 1, resetAt: 200 });
    await store.reset?.();
    expect(await store.hit('k', 100)).toEqual({ count: 1, resetAt: 200 });
  });

  it('sweeps on hit and schedules no timers, so it cannot keep the process alive', async () => {
    jest.useFakeTimers();
    try {
      let t = 0;
      const store = createMemoryStore({ now: () => t, sweepIntervalMs: 50 });
      await store.hit('old', 10);
      t = 60;
      await store.hit('new', 10);
      expect(jest.getTimerCount()).toBe(0);
      expect(await store.hit('old', 10)).toEqual({ count: 1, resetAt: 70 });
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('normaliseEmail', () => {
  it('trims and lowercases strings, and drops everything else', () => {
    expect(normaliseEmail('  Ann@Example.ORG ')).toBe('ann@example.org');
    expect(normaliseEmail('   ')).toBeUndefined();
    expect(normaliseEmail(undefined)).toBeUndefined();
    expect(normaliseEmail(42)).toBeUndefined();
  });

  it('counts plus-addresses and quoted local parts as the one mailbox they reach', () => {
    for (const variant of ['ann+1@example.org', 'Ann+news+x@Example.org', '"ann"@example.org', '"Ann+z"@EXAMPLE.org', 'ann@example.org.']) {
      expect(normaliseEmail(variant)).toBe('ann@example.org');
    }
    expect(normaliseEmail('bob@example.org')).not.toBe(normaliseEmail('ann@example.org'));
    expect(normaliseEmail({ $ne: null })).toBeUndefined();
  });

  it('counts the dots of a Gmail address, and googlemail.com, as the one mailbox Gmail delivers to', () => {
    for (const variant of ['a.n.n@gmail.com', 'A.nn+x@GoogleMail.com', '"a.nn"@gmail.com', ' ann@gmail.com. ']) {
      expect(normaliseEmail(variant)).toBe('ann@gmail.com');
    }
    // Elsewhere a dot is part of the name.
    expect(normaliseEmail('a.nn@example.org')).toBe('a.nn@example.org');
  });
});
