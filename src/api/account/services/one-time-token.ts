import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const UID = 'api::account.one-time-token';

export type TokenPurpose = 'magic-link' | 'invitation' | 'claim' | 'two-factor';
export interface TokenRecord {
  id: number;
  purpose: TokenPurpose;
  email: string | null;
  userId: number | null;
  organisation: string | null;
  locale: string | null;
  expiresAt: string;
  usedAt: string | null;
}
export const TOKEN_PROBLEMS = {
  invalid: 'This link is not valid. Ask for a new one.',
  expired: 'This link has expired. Ask for a new one.',
  used: 'This link has already been used. Ask for a new one.',
} as const;

export type TokenCheck = { ok: true; record: TokenRecord } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

// Only the hash is stored: a database leak does not leak working links.
const hash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const tokens = () => strapi.db.query(UID as any);

  async function explain(purpose: TokenPurpose, token: string): Promise<TokenCheck> {
    const record = typeof token === 'string' && token ? await tokens().findOne({ where: { tokenHash: hash(token), purpose } }) : null;
    if (!record) return { ok: false, reason: 'invalid' };
    if (record.usedAt) return { ok: false, reason: 'used' };
    if (new Date(record.expiresAt).getTime() <= Date.now()) return { ok: false, reason: 'expired' };
    return { ok: true, record };
  }

  return {
    async issue(input: { purpose: TokenPurpose; ttlMs: number; email?: string; userId?: number; organisation?: string; locale?: string }) {
      const token = crypto.randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + input.ttlMs);
      const { ttlMs: _ttl, ...fields } = input;
      await tokens().create({ data: { ...fields, tokenHash: hash(token), expiresAt } });
      return { token, expiresAt };
    },

    /** Valid right now, without using it up (a two-factor challenge may take a few tries). */
    check: explain,

    /**
     * Uses the token up. One conditional UPDATE decides, so two requests
     * racing with the same link cannot both succeed.
     */
    async consume(purpose: TokenPurpose, token: string): Promise<TokenCheck> {
      if (typeof token !== 'string' || !token) return { ok: false, reason: 'invalid' };
      const now = new Date();
      const { count } = await tokens().updateMany({
        where: { tokenHash: hash(token), purpose, usedAt: { $null: true }, expiresAt: { $gt: now } },
        data: { usedAt: now },
      });
      if (count !== 1) return explain(purpose, token);
      const record = await tokens().findOne({ where: { tokenHash: hash(token) } });
      return { ok: true, record };
    },

    /** Uses the token up, or answers 400 saying whether it was unknown, expired or used. */
    async redeem(purpose: TokenPurpose, token: string): Promise<TokenRecord> {
      const result = await this.consume(purpose, token);
      if (!result.ok) throw new errors.ValidationError(TOKEN_PROBLEMS[result.reason], { reason: result.reason });
      return result.record;
    },

    /** Tokens are worthless once expired; keep the table small. */
    async deleteExpired(olderThan = new Date(Date.now() - 24 * 3600 * 1000)) {
      return tokens().deleteMany({ where: { expiresAt: { $lt: olderThan } } });
    },
  };
};
