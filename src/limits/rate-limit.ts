export interface RateLimitHit {
  count: number;
  /** Epoch ms at which the current window ends. */
  resetAt: number;
}

/** Kept minimal so a Redis store (INCR + PEXPIRE NX) can implement it in one round trip. */
export interface RateLimitStore {
  hit(key: string, windowMs: number): Promise<RateLimitHit>;
  reset?(): Promise<void>;
  close?(): Promise<void>;
}

export interface MemoryStoreOptions {
  now?: () => number;
  /** How often, at most, a hit also drops expired keys. */
  sweepIntervalMs?: number;
}

/**
 * Per-process only: with several app instances each keeps its own counts, so the effective
 * limit is multiplied by the instance count (see createRedisStore for a shared one). Expired keys are swept during hits instead of
 * by a timer, so the store never keeps the process alive and works with a fake clock.
 */
export function createMemoryStore({ now = Date.now, sweepIntervalMs = 60_000 }: MemoryStoreOptions = {}): RateLimitStore {
  const entries = new Map<string, RateLimitHit>();
  let nextSweepAt = now() + sweepIntervalMs;

  return {
    async hit(key, windowMs) {
      const t = now();
      if (t >= nextSweepAt) {
        for (const [k, entry] of entries) if (entry.resetAt <= t) entries.delete(k);
        nextSweepAt = t + sweepIntervalMs;
      }
      let entry = entries.get(key);
      if (!entry || entry.resetAt <= t) {
        entry = { count: 0, resetAt: t + windowMs };
        entries.set(key, entry);
      }
      entry.count += 1;
      return { ...entry };
    },
    async reset() {
      entries.clear();
    },
  };
}

export interface RateLimitInput {
  ip: string;
  email?: string;
  /** The signed-in account, for limits per person whatever address they come from. */
  userId?: number;
}

export interface RateLimitRule {
  /** Also namespaces the store key, so rules on the same IP never share a counter. */
  name: string;
  windowMs: number;
  max: number;
  /** null skips the rule for this request, e.g. a per-email rule when the body has no email. */
  key: (input: RateLimitInput) => string | null;
}

export type RateLimitResult = { allowed: true } | { allowed: false; rule: string; retryAfterSeconds: number };

export interface RateLimiter {
  check(input: RateLimitInput): Promise<RateLimitResult>;
}

export interface RateLimiterOptions {
  store: RateLimitStore;
  rules: RateLimitRule[];
  now?: () => number;
}

export function createRateLimiter({ store, rules, now = Date.now }: RateLimiterOptions): RateLimiter {
  const names = new Set<string>();
  for (const rule of rules) {
    if (names.has(rule.name)) throw new Error(`Duplicate rate-limit rule name "${rule.name}"`);
    if (!(rule.windowMs > 0) || !(rule.max >= 0)) throw new Error(`Rate-limit rule "${rule.name}" needs windowMs > 0 and max >= 0`);
    names.add(rule.name);
  }

  return {
    async check(input) {
      // Every applicable rule is hit, even once one has refused: it costs one parallel round
      // trip instead of a sequential chain, and it means a per-email counter still sees attempts
      // from an IP that is already blocked. Refused hits do not extend a lockout, because a
      // fixed window's resetAt does not move when the count goes up.
      const applicable = rules.flatMap((rule) => {
        const key = rule.key(input);
        return key === null ? [] : [{ rule, key }];
      });
      const hits = await Promise.all(applicable.map(({ rule, key }) => store.hit(`${rule.name}:${key}`, rule.windowMs)));

      const t = now();
      let refusal: { allowed: false; rule: string; retryAfterSeconds: number } | null = null;
      for (let i = 0; i < hits.length; i++) {
        const { rule } = applicable[i];
        if (hits[i].count <= rule.max) continue;
        const retryAfterSeconds = Math.max(1, Math.ceil((hits[i].resetAt - t) / 1000));
        // Report the longest wait, so a client honouring Retry-After is not refused again.
        if (!refusal || retryAfterSeconds > refusal.retryAfterSeconds) refusal = { allowed: false, rule: rule.name, retryAfterSeconds };
      }
      return refusal ?? { allowed: true };
    },
  };
}

/** Gmail ignores dots in the local part and treats googlemail.com as gmail.com. */
const GMAIL_DOMAINS = ['gmail.com', 'googlemail.com'];

/**
 * One mailbox, one budget: "Ann+1@Example.org ", "ann+2@example.org",
 * "\"ann\"@example.org" and "ann@example.org." all reach ann@example.org, and
 * "a.n.n@gmail.com" reaches ann@gmail.com, so each set counts as one.
 */
export function normaliseEmail(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const email = value.trim().toLowerCase();
  if (email === '') return undefined;
  const at = email.lastIndexOf('@');
  if (at < 0) return email;
  const local = email.slice(0, at).replace(/^"(.*)"$/, '$1').replace(/\\(.)/g, '$1').split('+')[0];
  const domain = email.slice(at + 1).replace(/\.$/, '');
  return GMAIL_DOMAINS.includes(domain) ? `${local.replace(/\./g, '')}@gmail.com` : `${local}@${domain}`;
}
