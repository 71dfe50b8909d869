import type { Core } from '@strapi/strapi';
import { drainable } from '../lib/drain-http';
import { settings } from '../lib/settings';

/** A stop signal's usual grace period is 30 s (Docker, systemd, Kubernetes); the outbox may still need 10 after this. */
const DRAIN_MS = 15_000;

type Stopping = { stopping: boolean };

/** The HTTP server's connections and shutdown, for instances behind a load balancer (docs/scaling.md). */
export function serveBehindLoadBalancer(strapi: Core.Strapi) {
  const state: Stopping = { stopping: false };
  keepIdleConnections(strapi);
  strapi.server.use(healthWhileStopping(state)); // before every other middleware and the router
  drainRequestsOnShutdown(strapi, state);
}

/**
 * Once stopping, the health check answers 503 while everything else is still served: the
 * balancer takes the instance out before it closes a connection the balancer might use.
 */
export const healthWhileStopping =
  (state: Stopping) =>
  async (ctx: { path: string; status: number; set(name: string, value: string): void }, next: () => Promise<unknown>) => {
    if (!state.stopping || ctx.path !== '/_health') return next();
    ctx.status = 503;
    ctx.set('Connection', 'close');
  };

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
 * closes Redis and the outbox under them, then destroys every socket. First fail the health
 * check for SHUTDOWN_DELAY_SECONDS (the balancer stops sending), then let the requests under
 * way finish and take no new ones, so a rolling restart loses none.
 */
function drainRequestsOnShutdown(strapi: Core.Strapi, state: Stopping) {
  const server = drainable(strapi.server.httpServer);
  const destroy = strapi.destroy.bind(strapi);
  strapi.destroy = async () => {
    state.stopping = true;
    const delay = settings(strapi).proxies.shutdownDelaySeconds;
    if (delay > 0 && strapi.server.httpServer.listening) await new Promise((resolve) => setTimeout(resolve, delay * 1000));
    const { unfinished } = await server.drain(DRAIN_MS);
    if (unfinished) strapi.log.warn(`[shutdown] ${unfinished} request(s) still under way after ${DRAIN_MS / 1000} s; stopping anyway`);
    return destroy();
  };
}
