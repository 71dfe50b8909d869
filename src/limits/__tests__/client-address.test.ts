import { clientAddress, normaliseAddress, proxyTrust, rateLimitKey } from '../client-address';

describe('client address behind proxies', () => {
  const trust = proxyTrust(['10.0.0.0/8', '2001:db8::/32', '192.0.2.7']);

  it('trusts addresses and blocks, IPv4 and IPv6, also as IPv4-mapped IPv6', () => {
    expect(trust.trusts('10.1.2.3')).toBe(true);
    expect(trust.trusts('::ffff:10.1.2.3')).toBe(true);
    expect(trust.trusts('192.0.2.7')).toBe(true);
    expect(trust.trusts('192.0.2.8')).toBe(false);
    expect(trust.trusts('2001:db8:1::5')).toBe(true);
    expect(trust.trusts('2001:db9::5')).toBe(false);
    expect(trust.trusts('not-an-ip')).toBe(false);
  });

  it('refuses what is not an address or block, naming the entry', () => {
    for (const entry of ['10.0.0.0/33', 'example.org', '10.0.0/8', '::1/129', '1.2.3.4/8/1', '']) {
      expect(() => proxyTrust([entry])).toThrow(/TRUSTED_PROXIES/);
    }
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(clientAddress('203.0.113.9', '1.1.1.1', trust)).toBe('203.0.113.9');
    expect(clientAddress('::ffff:203.0.113.9', '1.1.1.1', trust)).toBe('203.0.113.9');
  });

  it('takes the right-most address that is not a trusted proxy, whatever the client put in front', () => {
    expect(clientAddress('10.0.0.2', '203.0.113.9', trust)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', '6.6.6.6, 203.0.113.9', trust)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', '6.6.6.6, 203.0.113.9, 10.0.0.3', trust)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', 'junk, 203.0.113.9', trust)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', '203.0.113.9:5678', trust)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.2', '[2001:db9::7]:443, 10.0.0.3', trust)).toBe('2001:db9::7');
    // Only proxies in the chain: the left-most is the nearest thing to a client there is.
    expect(clientAddress('10.0.0.2', '10.0.0.9, 10.0.0.3', trust)).toBe('10.0.0.9');
    expect(clientAddress('10.0.0.2', undefined, trust)).toBe('10.0.0.2');
  });

  it('never takes text that is no address as the client: it counts as the trusted hop that passed it on', () => {
    expect(clientAddress('10.0.0.2', 'junk', trust)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', 'junk, 10.0.0.3', trust)).toBe('10.0.0.3');
    expect(clientAddress('10.0.0.2', '203.0.113.9, junk-1', trust)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', 'unknown', trust)).toBe('10.0.0.2');
  });

  it('counts an IPv6 client by its /64', () => {
    expect(rateLimitKey('2001:db8:aa:bb:1:2:3:4')).toBe('2001:db8:aa:bb::/64');
    expect(rateLimitKey('2001:db8:aa:bb::ffff')).toBe('2001:db8:aa:bb::/64');
    expect(rateLimitKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitKey('203.0.113.9')).toBe('203.0.113.9');
    expect(normaliseAddress('[2001:db8::1]')).toBe('2001:db8::1');
  });
});
