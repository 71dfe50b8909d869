import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { insertRow } from '@buurtplein/plugin-kit';
import { coded } from '../../../lib/error-codes';

const UID = 'api::account.one-time-token';

export type TokenPurpose = 'magic-link' | 'password-reset' | 'invitation' | 'claim' | 'two-factor' | 'two-factor-setup' | 'enrolment-confirm';
export interface TokenRecord {
  id: number;
  purpose: TokenPurpose;
  email: string | null;
  userId: number | null;
  organisation: string | null;
  locale: string | null;
  payload: Record<string, unknown> | null;
  expiresAt: string;
  usedAt: string | null;
  attempts: number;
}
export const TOKEN_PROBLEMS = {
  invalid: 'This link is not valid. Ask for a new one.',
  expired: 'This link has expired. Ask for a new one.',
  used: 'This link has already been used. Ask for a new one.',
} as const;

export type TokenCheck = { ok: true; record: TokenRecord } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

export interface TokenInput {
  purpose: TokenPurpose;
  ttlMs: number;
  email?: string;
  userId?: number;
  organisation?: string;
  locale?: string;
  payload?: Record<string, unknown>;
}

// Only the hash is stored: a database leak does not leak working links.
const hash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
const isToken = (token: unknown): token is string => typeof token === 'string' && token.length > 0 && token.length <= 200;

/**
 * Single-use secrets, each bound to one purpose: a token made for one flow
 * (a login link, a two-factor challenge) is unknown to every other flow.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const tokens = () => strapi.db.query(UID as any);

  async function explain(purpose: TokenPurpose, token: unknown): Promise<TokenCheck> {
    const record = isToken(token) ? await tokens().findOne({ where: { tokenHash: hash(token), purpose } }) : null;
    if (!record) return { ok: false, reason: 'invalid' };
    if (record.usedAt) return { ok: false, reason: 'used' };
    if (new Date(record.expiresAt).getTime() <= Date.now()) return { ok: false, reason: 'expired' };
    return { ok: true, record };
  }

  return {
    async issue(input: TokenInput) {
      const token = crypto.randomBytes(32).toString('base64url');
      const expiresAt = new Date(Date.now() + input.ttlMs);
      const { ttlMs: _ttl, ...fields } = input;
      // One INSERT: every mail with a link makes one, some (enrolment) two.
      await insertRow(strapi, UID, { ...fields, tokenHash: hash(token), expiresAt, attempts: 0 });
      return { token, expiresAt };
    },

    /** Valid right now, without using it up (a two-factor challenge may take a few tries). */
    check: explain,

    /**
     * Uses the token up. One conditional UPDATE decides, so two requests
     * racing with the same link cannot both succeed.
     */
    async consume(purpose: TokenPurpose, token: unknown): Promise<TokenCheck> {
      if (!isToken(token)) return { ok: false, reason: 'invalid' };
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
    async redeem(purpose: TokenPurpose, token: unknown): Promise<TokenRecord> {
      const result = await this.consume(purpose, token);
      if (!result.ok) throw new errors.ValidationError(TOKEN_PROBLEMS[result.reason], coded(`link.${result.reason}`, { reason: result.reason }));
      return result.record;
    },

    /**
     * Counts one failed try against a token (a wrong code for a challenge) and
     * uses it up at the `max`th, so guessing is bounded per token. Each failure
     * is counted exactly once, however many arrive at the same time: the
     * update only applies to the count it read.
     */
    async countFailure(record: TokenRecord, max: number): Promise<{ attemptsLeft: number }> {
      // Rows from before the attempts column have null there: it counts as 0.
      const counted = (seen: number) => (seen === 0 ? { $or: [{ attempts: 0 }, { attempts: { $null: true } }] } : { attempts: seen });
      for (let seen = record.attempts ?? 0; ; ) {
        const attempts = seen + 1;
        const { count } = await tokens().updateMany({
          where: { id: record.id, ...counted(seen) },
          data: attempts >= max ? { attempts, usedAt: new Date() } : { attempts },
        });
        if (count === 1) return { attemptsLeft: Math.max(0, max - attempts) };
        const current = await tokens().findOne({ where: { id: record.id }, select: ['attempts'] });
        if (!current) return { attemptsLeft: 0 };
        seen = current.attempts ?? 0;
      }
    },

    /** Every unused token of `purpose` for this person stops working (e.g. older reset links after a reset). */
    async revokeAll(purpose: TokenPurpose, where: { email?: string; userId?: number }) {
      await tokens().updateMany({ where: { purpose, usedAt: { $null: true }, ...where }, data: { usedAt: new Date() } });
    },

    /** Tokens are worthless once expired; keep the table small. */
    async deleteExpired(olderThan = new Date(Date.now() - 24 * 3600 * 1000)) {
      return tokens().deleteMany({ where: { expiresAt: { $lt: olderThan } } });
    },
  };
};
