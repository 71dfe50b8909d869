import crypto from 'node:crypto';
import { PERIOD } from './periods';

/**
 * The confirm link carries organisation and period, signed with the
 * plugin's secret: nothing to store per mail, and a forged or altered link
 * fails the signature. Single use is the send log's confirmedAt.
 */
const sign = (secret: string, payload: string) => crypto.createHmac('sha256', secret).update(payload).digest('base64url');

export function createConfirmToken(secret: string, organisation: string, period: string): string {
  const payload = `${organisation}.${period}`;
  return `${Buffer.from(payload).toString('base64url')}.${sign(secret, payload)}`;
}

export function readConfirmToken(secret: string, token: unknown): { organisation: string; period: string } | null {
  if (typeof token !== 'string' || token.length > 300) return null;
  const [encoded, signature] = token.split('.');
  if (!encoded || !signature) return null;
  const payload = Buffer.from(encoded, 'base64url').toString();
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  const [organisation, period] = payload.split('.');
  if (!/^[a-z0-9]{24}$/.test(organisation ?? '') || !PERIOD.test(period ?? '')) return null;
  return { organisation, period };
}
