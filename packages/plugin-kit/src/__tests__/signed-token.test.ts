import crypto from 'node:crypto';
import { signedTokens } from '../signed-token';

describe('plugin-kit signedTokens: values in the link, signed per domain', () => {
  const cancel = signedTokens('secret', 'enrolment-cancel');

  it('reads back what it made', () => {
    expect(cancel.read(cancel.create([12, 3, 'anna@example.org']))).toEqual([12, 3, 'anna@example.org']);
  });

  it('refuses a token of another domain or secret, an altered one, one cut short or with extra parts, and non-tokens', () => {
    const token = cancel.create([12, 3, 'anna@example.org']);
    expect(signedTokens('secret', 'unsubscribe').read(token)).toBeNull();
    expect(signedTokens('other', 'enrolment-cancel').read(token)).toBeNull();
    const [payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify([13, 3, 'anna@example.org'])).toString('base64url');
    expect(cancel.read(`${forged}.${signature}`)).toBeNull();
    expect(cancel.read(`${payload}.${signature.slice(0, -2)}`)).toBeNull();
    expect(cancel.read(`${token}.x`)).toBeNull();
    for (const junk of [undefined, null, 42, {}, '', '.', 'a'.repeat(1001)]) expect(cancel.read(junk)).toBeNull();
  });

  it('holds only lists of text and numbers', () => {
    const sign = (payload: string) => crypto.createHmac('sha256', 'secret').update(`enrolment-cancel:${payload}`).digest('base64url');
    const made = (payload: string) => `${Buffer.from(payload).toString('base64url')}.${sign(payload)}`;
    expect(cancel.read(made('{"id":1}'))).toBeNull();
    expect(cancel.read(made('[1,{"a":2}]'))).toBeNull();
    expect(cancel.read(made('not json'))).toBeNull();
  });
});
