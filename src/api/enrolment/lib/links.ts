import { signedTokens } from '@buurtplein/plugin-kit';
import type { Language } from '../../../mail';
import { DAY } from '../../../lib/settings';

const LIST_LINK_DAYS = 60;

/**
 * The links in enrolment mails carry what they are for, signed
 * (MAIL_LINK_SECRET): no token rows per mail. A cancel link names the
 * enrolment and the place it was given, so it stops working once that place
 * is cancelled, also when the person enrols again later (a new place).
 */
export function enrolmentLinks(secret: string) {
  const cancel = signedTokens(secret, 'enrolment-cancel');
  const list = signedTokens(secret, 'enrolment-list');
  return {
    cancelToken: ({ id, place, email }: { id: number; place: number | null; email: string }) => cancel.create([id, place ?? 0, email]),
    readCancel(token: unknown): { id: number; place: number; email: string } | null {
      const [id, place, email, ...extra] = cancel.read(token) ?? [];
      return typeof id === 'number' && typeof place === 'number' && typeof email === 'string' && !extra.length ? { id, place, email } : null;
    },
    /** Valid for LIST_LINK_DAYS: it shows and cancels every enrolment of the address. */
    listToken: (email: string, language: Language, now = Date.now()) => list.create([email, language, now + LIST_LINK_DAYS * DAY]),
    readList(token: unknown, now = Date.now()): { email: string; language: Language } | 'expired' | null {
      const [email, language, expiresAt, ...extra] = list.read(token) ?? [];
      if (typeof email !== 'string' || (language !== 'nl' && language !== 'en') || typeof expiresAt !== 'number' || extra.length) return null;
      return expiresAt <= now ? 'expired' : { email, language };
    },
  };
}
