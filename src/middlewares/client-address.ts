import type { Core } from '@strapi/strapi';
import { clientAddress, normaliseAddress, PRIVATE_NETWORKS, proxyTrust, type ProxyTrust } from '../limits/client-address';
import { settings } from '../lib/settings';

const FORWARDED = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port', 'forwarded'];

/** The proxies to trust: TRUSTED_PROXIES, else (IS_PROXIED alone) private networks only, else none. */
function trustedEntries(strapi: Core.Strapi): string[] {
  const { enabled, trusted } = settings(strapi).proxies;
  if (!enabled) return [];
  return trusted.length ? trusted : PRIVATE_NETWORKS;
}

/**
 * First in the chain: decides who the client is before anything counts or
 * logs it. A peer that is not a trusted proxy has its X-Forwarded-* headers
 * removed, so it can choose neither its IP (rate limits), nor https (Secure
 * cookies), nor the host. Behind a trusted proxy the client is the right-most
 * untrusted address in X-Forwarded-For.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const { enabled, trusted } = settings(strapi).proxies;
  if (enabled && !trusted.length) {
    strapi.log.warn('[proxy] IS_PROXIED=true without TRUSTED_PROXIES: only proxies on private networks are trusted; set TRUSTED_PROXIES to your proxy addresses');
  }
  // Built again only when the setting changes (tests change it at run time).
  let memo: { key: string; trust: ProxyTrust } = { key: '', trust: proxyTrust([]) };
  const trust = () => {
    const entries = trustedEntries(strapi);
    const key = entries.join(',');
    if (memo.key !== key) memo = { key, trust: proxyTrust(entries) };
    return memo.trust;
  };
  trust();

  return async (ctx: any, next: () => Promise<void>) => {
    const peer = normaliseAddress(ctx.req.socket.remoteAddress ?? '');
    const current = trust();
    if (!current.trusts(peer)) {
      for (const header of FORWARDED) delete ctx.req.headers[header];
      ctx.request.ip = peer;
    } else {
      ctx.request.ip = clientAddress(peer, ctx.get('X-Forwarded-For') || undefined, current);
    }
    await next();
  };
};
