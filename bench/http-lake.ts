import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Lake } from '../lib/lake/lake';
import { handleLakeRequest } from '../lib/lake/api/handler';
import type { RawRequest } from '../lib/lake/api/sigv4';

/**
 * The lake's CloudTrail endpoint on a real HTTP port, the way app/lake/route.ts serves it, minus
 * Next.js. Records the time each operation spends inside handleLakeRequest.
 */
export interface HttpLake {
  endpoint: string;
  /** Milliseconds inside handleLakeRequest, per operation name, since the last reset. */
  handlerMs: Map<string, number[]>;
  /** The last request of each operation, for replaying its signature check. */
  lastRequest: Map<string, RawRequest>;
  close(): Promise<void>;
}

export async function serveLake(lake: Lake): Promise<HttpLake> {
  const handlerMs = new Map<string, number[]>();
  const lastRequest = new Map<string, RawRequest>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
      const query: Record<string, string> = {};
      url.searchParams.forEach((v, k) => (query[k] = v));
      const op = (headers['x-amz-target'] ?? '').split('.').pop() ?? '';
      const raw: RawRequest = { method: req.method ?? 'GET', path: url.pathname, query, headers, body: Buffer.concat(chunks).toString('utf8') };
      lastRequest.set(op, raw);
      const t0 = performance.now();
      handleLakeRequest(lake, raw).then(
        (out) => {
          const list = handlerMs.get(op) ?? [];
          list.push(performance.now() - t0);
          handlerMs.set(op, list);
          res.writeHead(out.status, out.headers);
          res.end(out.body);
        },
        (e: unknown) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(e));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/lake`,
    handlerMs,
    lastRequest,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
