import crypto from 'node:crypto';

export type TokenValue = string | number;

/**
 * Link tokens that carry their values, signed with HMAC-SHA256 under a
 * domain of their own: nothing is stored per mail, a token changed by one
 * character fails, and a token made for one flow (an unsubscribe) never
 * passes in another (a cancel link). Single use, where a flow needs it, is
 * the state the token points at, not the token.
 */
export function signedTokens(secret: string, domain: string) {
  const sign = (payload: string) => crypto.createHmac('sha256', secret).update(`${domain}:${payload}`).digest('base64url');
  return {
    create(values: TokenValue[]): string {
      const payload = JSON.stringify(values);
      return `${Buffer.from(payload).toString('base64url')}.${sign(payload)}`;
    },
    /** The values, or null for anything not made by `create` with this secret and domain. */
    read(token: unknown): TokenValue[] | null {
      if (typeof token !== 'string' || token.length > 1000) return null;
      const [encoded, signature, extra] = token.split('.');
      if (!encoded || !signature || extra !== undefined) return null;
      const payload = Buffer.from(encoded, 'base64url').toString();
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
      try {
        const values: unknown = JSON.parse(payload);
        return Array.isArray(values) && values.every((v) => typeof v === 'string' || typeof v === 'number') ? values : null;
      } catch {
        return null;
      }
    },
  };
}
