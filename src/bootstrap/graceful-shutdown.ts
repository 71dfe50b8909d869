import type { Core } from '@strapi/strapi';
import { drainable } from '../lib/drain-http';
import { settings } from '../lib/settings';

/** A stop signal's usual grace period is 30 s (Docker, systemd, Kubernetes); the outbox may still need 10 after this. */
const DRAIN_MS = 15_000;

/** The HTTP server's connections and shutdown, for instances behind a load balancer (docs/scaling.md). */
export function serveBehindLoadBalancer(strapi: Core.Strapi) {
  keepIdleConnections(strapi);
  drainRequestsOnShutdown(strapi);
}

/**
 * A load balancer reuses its idle connections to an instance; if the instance closes one
 * just as a request goes out on it, the client gets no answer. Keep idle connections longer
 * than the balancer does (HAProxy and nginx: seconds; cloud balancers: 60 s).
 */
function keepIdleConnections(strapi: Core.Strapi) {
  const server = strapi.server.httpServer;
  server.keepAliveTimeout = settings(strapi).proxies.keepAliveSeconds * 1000;
  // Node wants the headers of a request on a kept connection within this; it must exceed the idle time.
  server.headersTimeout = server.keepAliveTimeout + 5000;
}

/**
 * On a stop signal Strapi runs its destroy hooks while the server still accepts requests,
 * closes Redis and the outbox under them, then destroys every socket. First let the
 * requests under way finish, and take no new ones, so a rolling restart loses none.
 */
function drainRequestsOnShutdown(strapi: Core.Strapi) {
  const server = drainable(strapi.server.httpServer);
  const destroy = strapi.destroy.bind(strapi);
  strapi.destroy = async () => {
    const { unfinished } = await server.drain(DRAIN_MS);
    if (unfinished) strapi.log.warn(`[shutdown] ${unfinished} request(s) still under way after ${DRAIN_MS / 1000} s; stopping anyway`);
    return destroy();
  };
}
