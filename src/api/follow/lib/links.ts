import { signedTokens } from '@buurtplein/plugin-kit';
import { DAY } from '../../../lib/settings';

const CONFIRM_LINK_DAYS = 7;

/** Who follows: an account (`u:<id>`) or an address that confirmed (`e:<address>`). */
export type FollowerKey = `u:${number}` | `e:${string}`;
export const isFollowerKey = (value: unknown): value is FollowerKey => typeof value === 'string' && /^(u:[1-9]\d*|e:.+@.+)$/.test(value);

/**
 * The links in follow mails, signed (MAIL_LINK_SECRET) under a domain each:
 * a token of another flow (a login link, a confirmation) never fits.
 * - confirm: the address and when the link expires (7 days);
 * - manage: the follower and when the mail was made. It does not expire (an
 *   old mail's "stop" must still work), and "stop everything" ends only the
 *   follows that existed then: an old mail never ends a follow begun later.
 */
export function followLinks(secret: string) {
  const confirm = signedTokens(secret, 'follow-confirm');
  const manage = signedTokens(secret, 'follow-manage');
  return {
    confirmToken: (email: string, now = Date.now()) => confirm.create([email, now + CONFIRM_LINK_DAYS * DAY]),
    readConfirm(token: unknown, now = Date.now()): { email: string; issuedAt: number } | 'expired' | null {
      const [email, expiresAt, ...extra] = confirm.read(token) ?? [];
      if (typeof email !== 'string' || typeof expiresAt !== 'number' || extra.length) return null;
      return expiresAt <= now ? 'expired' : { email, issuedAt: expiresAt - CONFIRM_LINK_DAYS * DAY };
    },
    manageToken: (follower: FollowerKey, now = Date.now()) => manage.create([follower, now]),
    readManage(token: unknown): { follower: FollowerKey; issuedAt: number } | null {
      const [follower, issuedAt, ...extra] = manage.read(token) ?? [];
      return isFollowerKey(follower) && typeof issuedAt === 'number' && !extra.length ? { follower, issuedAt } : null;
    },
  };
}
