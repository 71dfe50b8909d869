import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding: authenticator apps accept it and it keeps otpauth URIs clean. */
export function base32Encode(buf: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of buf) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Lenient on input people copy by hand (case, spaces, padding) but strict on anything else, so a typo fails loudly instead of yielding a wrong key. */
export function base32Decode(str: string): Buffer {
  const clean = str.replace(/[\s=]/g, '').toUpperCase();
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32_ALPHABET.indexOf(char);
    if (index === -1) throw new Error(`Invalid base32 character ${JSON.stringify(char)}`);
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** 160 bits: the HMAC-SHA1 block-size recommendation of RFC 4226 §4. */
export function generateTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

function hotp(key: Buffer, counter: number, digits: number): string {
  // Written as two 32-bit halves because BigInt literals need an ES2020 target.
  const message = Buffer.alloc(8);
  message.writeUInt32BE(Math.floor(counter / 0x100000000), 0);
  message.writeUInt32BE(counter >>> 0, 4);
  const hmac = createHmac('sha1', key).update(message).digest();
  const offset = hmac[hmac.length - 1] & 0x0f;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

function decodeSecret(secretBase32: string): Buffer {
  const key = base32Decode(secretBase32);
  // An empty key would still produce codes, silently accepting a broken enrolment.
  if (key.length === 0) throw new Error('TOTP secret is empty');
  return key;
}

/** digits is configurable (6–8) only so the RFC 6238 8-digit vectors can be checked; users always get 6. */
export function totpCode(secretBase32: string, atMs: number = Date.now(), digits = 6, stepSeconds = 30): string {
  if (!Number.isInteger(digits) || digits < 6 || digits > 8) throw new RangeError('digits must be 6, 7 or 8');
  if (!(stepSeconds > 0)) throw new RangeError('stepSeconds must be positive');
  return hotp(decodeSecret(secretBase32), Math.floor(atMs / 1000 / stepSeconds), digits);
}

export interface VerifyTotpOptions {
  atMs?: number;
  /** Steps accepted either side of now, to absorb clock drift and typing time. */
  window?: number;
}

/**
 * Returns the matched time-step counter rather than a boolean so callers can store it
 * and refuse a second login with the same code (RFC 6238 §5.2).
 */
export function verifyTotp(secretBase32: string, code: string, { atMs = Date.now(), window = 1 }: VerifyTotpOptions = {}): number | null {
  if (typeof code !== 'string') return null;
  // Apps display codes as "123 456", so inner spaces are dropped as well as outer ones.
  const candidate = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(candidate)) return null;
  const key = decodeSecret(secretBase32);
  const given = Buffer.from(candidate);
  const current = Math.floor(atMs / 30_000);
  let matched: number | null = null;
  // Nearest steps first so a collision prefers the current step; no early exit so timing does not reveal which step matched.
  for (let distance = 0; distance <= window; distance++) {
    for (const counter of distance === 0 ? [current] : [current - distance, current + distance]) {
      if (counter < 0) continue;
      const expected = Buffer.from(hotp(key, counter, 6));
      if (timingSafeEqual(expected, given) && matched === null) matched = counter;
    }
  }
  return matched;
}

export interface OtpauthUriInput {
  secret: string;
  account: string;
  issuer: string;
}

/** Key URI format understood by Google Authenticator, Aegis, 1Password etc. */
export function otpauthUri({ secret, account, issuer }: OtpauthUriInput): string {
  // The label uses ':' as separator and several apps decode before splitting, so an encoded colon is not enough.
  if (issuer.includes(':') || account.includes(':')) throw new Error('issuer and account must not contain ":"');
  decodeSecret(secret); // fail at enrolment rather than when the user's first code is rejected
  const cleanSecret = secret.replace(/[\s=]/g, '').toUpperCase();
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = [
    `secret=${encodeURIComponent(cleanSecret)}`,
    `issuer=${encodeURIComponent(issuer)}`,
    'algorithm=SHA1',
    'digits=6',
    'period=30',
  ].join('&');
  return `otpauth://totp/${label}?${params}`;
}
