import { signedTokens } from '@buurtplein/plugin-kit';
import { DAY } from '../../../lib/settings';

const CONFIRM_LINK_DAYS = 7;

/**
 * The confirmation link of a follow by email carries the address and when it
 * expires, signed (MAIL_LINK_SECRET) under a domain of its own: a token of
 * another flow never confirms a follow.
 */
export function followLinks(secret: string) {
  const confirm = signedTokens(secret, 'follow-confirm');
  return {
    confirmToken: (email: string, now = Date.now()) => confirm.create([email, now + CONFIRM_LINK_DAYS * DAY]),
    readConfirm(token: unknown, now = Date.now()): { email: string } | 'expired' | null {
      const [email, expiresAt, ...extra] = confirm.read(token) ?? [];
      if (typeof email !== 'string' || typeof expiresAt !== 'number' || extra.length) return null;
      return expiresAt <= now ? 'expired' : { email };
    },
  };
}
