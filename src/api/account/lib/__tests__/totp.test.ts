import { base32Decode, base32Encode, generateTotpSecret, otpauthUri, totpCode, verifyTotp } from '../totp';

const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890', 'ascii'));

describe('totpCode', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('matches RFC 6238 Appendix B (SHA1) at T=%i', (seconds, expected) => {
    expect(totpCode(RFC_SECRET, seconds * 1000, 8)).toBe(expected);
  });

  it('defaults to 6 digits (the low digits of the 8-digit value)', () => {
    expect(totpCode(RFC_SECRET, 59_000)).toBe('287082');
  });

  it('refuses unsupported digit counts and empty secrets', () => {
    expect(() => totpCode(RFC_SECRET, 0, 5)).toThrow(RangeError);
    expect(() => totpCode('', 0)).toThrow(/empty/);
  });
});

describe('base32', () => {
  it('encodes RFC 4648 test vectors without padding', () => {
    expect(base32Encode(Buffer.from(''))).toBe('');
    expect(base32Encode(Buffer.from('f'))).toBe('MY');
    expect(base32Encode(Buffer.from('foob'))).toBe('MZXW6YQ');
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
  });

  it('round-trips random bytes of every length', () => {
    for (let length = 0; length <= 41; length++) {
      const bytes = Buffer.from(Array.from({ length }, (_, i) => (i * 97 + length * 13) & 0xff));
      expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    }
  });

  it('ignores case, spaces and padding, and names invalid characters', () => {
    expect(base32Decode('mzxw 6ytb oi======').toString()).toBe('foobar');
    expect(() => base32Decode('MZXW1')).toThrow('Invalid base32 character "1"');
  });

  it('generates 20-byte secrets', () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(secret)).toHaveLength(20);
    expect(generateTotpSecret()).not.toBe(secret);
  });
});

describe('verifyTotp', () => {
  const secret = generateTotpSecret();
  const now = 1_700_000_000_000;
  const step = Math.floor(now / 30_000);

  it('returns the matched step within the window', () => {
    expect(verifyTotp(secret, totpCode(secret, now), { atMs: now })).toBe(step);
    expect(verifyTotp(secret, totpCode(secret, now - 30_000), { atMs: now })).toBe(step - 1);
    expect(verifyTotp(secret, totpCode(secret, now + 30_000), { atMs: now })).toBe(step + 1);
  });

  it('refuses codes outside the window', () => {
    expect(verifyTotp(secret, totpCode(secret, now - 60_000), { atMs: now })).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, now + 60_000), { atMs: now })).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, now - 30_000), { atMs: now, window: 0 })).toBeNull();
    expect(verifyTotp(secret, totpCode(secret, now - 60_000), { atMs: now, window: 2 })).toBe(step - 2);
  });

  it('accepts codes with surrounding or grouping spaces', () => {
    const code = totpCode(secret, now);
    expect(verifyTotp(secret, ` ${code} `, { atMs: now })).toBe(step);
    expect(verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, { atMs: now })).toBe(step);
  });

  it.each(['12345', 'abcdef', '1234567', '', '12345a', '１２３４５６'])('refuses malformed code %p', (code) => {
    expect(verifyTotp(secret, code, { atMs: now })).toBeNull();
  });

  it('refuses the 8-digit form of a valid code', () => {
    expect(verifyTotp(secret, totpCode(secret, now, 8), { atMs: now })).toBeNull();
  });
});

describe('otpauthUri', () => {
  it('builds an encoded key URI', () => {
    expect(otpauthUri({ secret: 'jbsw y3dp', account: 'ann+test@example.org', issuer: 'Buurtplein Zwolle' })).toBe(
      'otpauth://totp/Buurtplein%20Zwolle:ann%2Btest%40example.org?secret=JBSWY3DP&issuer=Buurtplein%20Zwolle&algorithm=SHA1&digits=6&period=30'
    );
  });

  it('refuses colons in the label and invalid secrets', () => {
    expect(() => otpauthUri({ secret: 'JBSWY3DP', account: 'a:b', issuer: 'X' })).toThrow(/":"/);
    expect(() => otpauthUri({ secret: 'JBSWY3D1', account: 'a', issuer: 'X' })).toThrow(/base32/);
  });
});
