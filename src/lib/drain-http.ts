import type { Server, ServerResponse } from 'node:http';

/**
 * Lets a server finish the requests it is answering before the process stops: it stops
 * accepting connections (a load balancer's health check fails, new requests go to another
 * instance), ends each keep-alive connection with its answer (`Connection: close`), and
 * resolves once no request is in flight, or after `timeoutMs` with how many still were.
 * Strapi's own shutdown destroys every socket at once: a request under way gets no answer.
 */
export function drainable(server: Server) {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  let idle: (() => void) | null = null;
  const closeAfterAnswer = (res: ServerResponse) => {
    if (!res.headersSent) res.shouldKeepAlive = false;
  };

  server.prependListener('request', (_req, res) => {
    inFlight.add(res);
    if (draining) closeAfterAnswer(res);
    res.once('close', () => {
      inFlight.delete(res);
      if (inFlight.size === 0) idle?.();
    });
  });

  return {
    async drain(timeoutMs: number): Promise<{ unfinished: number }> {
      draining = true;
      inFlight.forEach(closeAfterAnswer);
      if (server.listening) server.close(); // also closes the idle keep-alive connections
      if (inFlight.size > 0) {
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([new Promise<void>((resolve) => (idle = resolve)), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
        clearTimeout(timer);
      }
      return { unfinished: inFlight.size };
    },
  };
}
