import crypto from 'node:crypto';
import type { Language } from '@buurtplein/plugin-kit';

export interface Unsubscription {
  list: string;
  email: string;
  language: Language;
}

/**
 * The unsubscribe link carries list, address and language, signed with the
 * plugin's secret: nothing stored per mail, and a link changed to another
 * address or list fails the signature. Leaving twice is harmless, so the
 * link may be used again.
 */
const sign = (secret: string, payload: string) => crypto.createHmac('sha256', secret).update(`unsubscribe:${payload}`).digest('base64url');

export function createUnsubscribeToken(secret: string, { list, email, language }: Unsubscription): string {
  const payload = JSON.stringify([list, email.toLowerCase(), language]);
  return `${Buffer.from(payload).toString('base64url')}.${sign(secret, payload)}`;
}

export function readUnsubscribeToken(secret: string, token: unknown): Unsubscription | null {
  if (typeof token !== 'string' || token.length > 1000) return null;
  const [encoded, signature, extra] = token.split('.');
  if (!encoded || !signature || extra !== undefined) return null;
  const payload = Buffer.from(encoded, 'base64url').toString();
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  try {
    const [list, email, language] = JSON.parse(payload);
    if (typeof list !== 'string' || typeof email !== 'string' || (language !== 'nl' && language !== 'en')) return null;
    return { list, email, language };
  } catch {
    return null;
  }
}
