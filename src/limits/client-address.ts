import { BlockList, isIP } from 'node:net';

/** What IS_PROXIED=true trusts when TRUSTED_PROXIES is not set: only proxies on this host or a private network. */
export const PRIVATE_NETWORKS = ['127.0.0.0/8', '10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '::1/128', 'fc00::/7'];

export interface ProxyTrust {
  trusts(address: string): boolean;
}

/**
 * `::ffff:10.0.0.1` (IPv4 on an IPv6 socket) is 10.0.0.1; a zone
 * (`fe80::1%eth0`) and a port (`10.0.0.1:5678`, `[2001:db8::1]:443`, as some
 * proxies write X-Forwarded-For) are not part of the address.
 */
export function normaliseAddress(address: string): string {
  const bare = address
    .trim()
    .replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, '$1')
    .replace(/^\[(.*)\](?::\d+)?$/, '$1')
    .replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  return mapped ? mapped[1] : bare;
}

/** TRUSTED_PROXIES entries: an address or a CIDR block, IPv4 or IPv6. A wrong entry stops the server with its name. */
export function proxyTrust(entries: string[]): ProxyTrust {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits, extra] = entry.trim().split('/');
    const family = isIP(normaliseAddress(address ?? ''));
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    if (!family || extra !== undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR block (e.g. 10.0.0.5, 10.0.0.0/8, fd00::/8)`);
    }
    list.addSubnet(normaliseAddress(address), prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return {
    trusts(address) {
      const normal = normaliseAddress(address);
      const family = isIP(normal);
      return family !== 0 && list.check(normal, family === 6 ? 'ipv6' : 'ipv4');
    },
  };
}

/**
 * Who the client is: the peer itself, unless it is a trusted proxy; then the
 * right-most address in X-Forwarded-For that is not a trusted proxy. Every
 * proxy appends the address it saw, so what lies left of that was written by
 * the client and proves nothing. An entry that is no IP address was not
 * written by a proxy of ours: the client is then the last trusted hop before
 * it, so made-up text can never become a budget of its own.
 */
export function clientAddress(peer: string, forwardedFor: string | undefined, trust: ProxyTrust): string {
  let client = normaliseAddress(peer);
  if (!trust.trusts(client) || !forwardedFor) return client;
  const chain = forwardedFor.split(',').map(normaliseAddress).filter(Boolean);
  for (let i = chain.length - 1; i >= 0; i--) {
    if (!isIP(chain[i])) return client;
    client = chain[i];
    if (!trust.trusts(client)) return client;
  }
  // Only proxies in the chain: the left-most is the nearest thing to a client there is.
  return client;
}

/**
 * The key a rate limit counts a client by. One IPv6 subscriber gets a whole
 * /64 (and can pick any address in it), so an IPv6 client counts by its /64.
 */
export function rateLimitKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => parseInt(g || '0', 16).toString(16)).join(':')}::/64`;
}
