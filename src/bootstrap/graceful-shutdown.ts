import type { Core } from '@strapi/strapi';
import { drainable } from '../lib/drain-http';

/** A stop signal's usual grace period is 30 s (Docker, systemd, Kubernetes); the outbox may still need 10 after this. */
const DRAIN_MS = 15_000;

/**
 * On a stop signal Strapi runs its destroy hooks while the server still accepts requests,
 * closes Redis and the outbox under them, then destroys every socket. First let the
 * requests under way finish, and take no new ones, so a rolling restart loses none.
 */
export function drainRequestsOnShutdown(strapi: Core.Strapi) {
  const server = drainable(strapi.server.httpServer);
  const destroy = strapi.destroy.bind(strapi);
  strapi.destroy = async () => {
    const { unfinished } = await server.drain(DRAIN_MS);
    if (unfinished) strapi.log.warn(`[shutdown] ${unfinished} request(s) still under way after ${DRAIN_MS / 1000} s; stopping anyway`);
    return destroy();
  };
}
