import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { drainable } from '../drain-http';

/** A server whose answers wait until the test releases them. */
async function slowServer() {
  const waiting: Array<() => void> = [];
  const server = http.createServer((_req, res) => {
    waiting.push(() => res.end('done'));
  });
  const drain = drainable(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = () =>
    new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, agent }, (res) => {
          let body = '';
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body }));
        })
        .on('error', reject);
    });
  const until = async (test: () => boolean) => {
    while (!test()) await new Promise((r) => setTimeout(r, 5));
  };
  return { server, drain, port, get, waiting, until, agent };
}

describe('draining the HTTP server at shutdown', () => {
  it('finishes the request under way, takes no new connection, and resolves once it is answered', async () => {
    const s = await slowServer();
    const first = s.get();
    await s.until(() => s.waiting.length === 1);
    let drained = false;
    const draining = s.drain.drain(5000).then((result) => ((drained = true), result));
    // A new connection is refused (a load balancer sends it to another instance).
    await expect(
      new Promise((resolve, reject) => http.get({ host: '127.0.0.1', port: s.port, agent: false }, resolve).on('error', reject))
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await new Promise((r) => setTimeout(r, 50));
    expect(drained).toBe(false);
    s.waiting[0]();
    expect(await first).toMatchObject({ status: 200, body: 'done' });
    expect(await draining).toEqual({ unfinished: 0 });
    s.agent.destroy();
  });

  it('ends a keep-alive connection with the answer under way (Connection: close), so the client reconnects elsewhere', async () => {
    const s = await slowServer();
    const warm = s.get();
    await s.until(() => s.waiting.length === 1);
    s.waiting[0]();
    expect((await warm).connection).toBe('keep-alive');
    const slow = s.get(); // the same kept-alive socket
    await s.until(() => s.waiting.length === 2);
    const draining = s.drain.drain(5000);
    s.waiting[1]();
    expect(await slow).toMatchObject({ status: 200, connection: 'close' });
    expect(await draining).toEqual({ unfinished: 0 });
    s.agent.destroy();
  });

  it('gives up after the timeout and says how many requests were still under way', async () => {
    const s = await slowServer();
    const stuck = s.get().catch(() => undefined);
    await s.until(() => s.waiting.length === 1);
    const started = Date.now();
    expect(await s.drain.drain(100)).toEqual({ unfinished: 1 });
    expect(Date.now() - started).toBeLessThan(1000);
    s.server.closeAllConnections();
    await stuck;
    s.agent.destroy();
  });

  it('resolves at once when nothing is under way, also on a server that never listened', async () => {
    expect(await drainable(http.createServer()).drain(5000)).toEqual({ unfinished: 0 });
  });
});
