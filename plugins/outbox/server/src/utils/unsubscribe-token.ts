import { signedTokens, type Language } from '@buurtplein/plugin-kit';

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
const tokens = (secret: string) => signedTokens(secret, 'unsubscribe');

export function createUnsubscribeToken(secret: string, { list, email, language }: Unsubscription): string {
  return tokens(secret).create([list, email.toLowerCase(), language]);
}

export function readUnsubscribeToken(secret: string, token: unknown): Unsubscription | null {
  const [list, email, language, ...extra] = tokens(secret).read(token) ?? [];
  if (typeof list !== 'string' || typeof email !== 'string' || (language !== 'nl' && language !== 'en') || extra.length) return null;
  return { list, email, language };
}
