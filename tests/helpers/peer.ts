import http from 'node:http';
import { baseUrl } from './strapi';

export interface PeerResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface RawRequest {
  method: string;
  /** Path and query exactly as they go on the wire: nothing is encoded again. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
  localAddress?: string;
}

/** One request as given, byte for byte: supertest would encode the path and serialise the body itself. */
export function sendRaw({ method, path, headers = {}, body, localAddress }: RawRequest, server = baseUrl()): Promise<PeerResponse> {
  const url = new URL(server);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path, method, localAddress, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * A request from another loopback address (127.0.0.2, …), so a test can be a
 * peer the server does not trust as a proxy. supertest always connects from
 * 127.0.0.1.
 */
export function requestFrom(localAddress: string, method: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<PeerResponse> {
  const url = new URL(path, baseUrl());
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return sendRaw({
    method,
    path: url.pathname + url.search,
    localAddress,
    headers: { ...(payload ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: payload,
  });
}
