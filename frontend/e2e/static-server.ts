import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

export interface StaticServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Serves a built site the way a plain static host does: files as they are,
 * a folder's index.html, and /folder → /folder/ by redirect (query kept).
 */
export async function serveStatic(root: string): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = path.join(root, path.normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ''));
    const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type });
      res.end(body);
    };
    if (!file.startsWith(root)) return send(403, 'forbidden');
    fs.stat(file, (error, stats) => {
      if (error) return send(404, 'not found');
      if (stats.isDirectory()) {
        if (!url.pathname.endsWith('/')) {
          res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
          return res.end();
        }
        return fs.readFile(path.join(file, 'index.html'), (e, body) => (e ? send(404, 'not found') : send(200, body, TYPES['.html'])));
      }
      fs.readFile(file, (e, body) => (e ? send(500, 'unreadable') : send(200, body, TYPES[path.extname(file)] ?? 'application/octet-stream')));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
