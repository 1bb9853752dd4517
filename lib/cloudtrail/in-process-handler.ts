import { Readable } from 'node:stream';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { HttpResponse, type HttpRequest } from '@smithy/protocol-http';
import type { Lake } from '../lake/lake';
import { handleLakeRequest } from '../lake/api/handler';
import { NULL_CELLS_HEADER } from '../lake/api/null-cells';

/**
 * An SDK request handler that delivers signed CloudTrail requests to the built-in lake in the
 * same process: the real SDK serialises, signs and parses, only the socket is skipped.
 */
export class InProcessLakeHandler {
  constructor(private lake: Lake) {}

  async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(request.headers)) headers[k.toLowerCase()] = String(v);
    headers['host'] ??= request.hostname + (request.port ? `:${request.port}` : '');
    headers[NULL_CELLS_HEADER] = 'marked'; // NULL cells told apart from empty strings (see null-cells.ts)
    const query: Record<string, string> = {};
    for (const [k, v] of Object.entries(request.query ?? {})) if (typeof v === 'string') query[k] = v;
    const body = bodyText(request.body);
    const res = await handleLakeRequest(this.lake, { method: request.method, path: request.path, query, headers, body });
    return { response: new HttpResponse({ statusCode: res.status, headers: res.headers, body: Readable.from([Buffer.from(res.body)]) }) };
  }

  updateHttpClientConfig(): void {}
  httpHandlerConfigs(): Record<string, never> {
    return {};
  }
}

/** A CloudTrail client for a lake open in this process, signed with the lake's own key pair. */
export function inProcessClient(lake: Lake): CloudTrailClient {
  return new CloudTrailClient({
    region: lake.opts.region,
    endpoint: 'http://builtin.lake.trailbench/lake',
    credentials: { accessKeyId: lake.credentials.accessKeyId, secretAccessKey: lake.credentials.secretAccessKey },
    requestHandler: new InProcessLakeHandler(lake),
    maxAttempts: 1,
  });
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  // Read the bytes directly: the SDK's body type also pretends to be a string (valueOf), and
  // Buffer.from(object) would call that and log a warning per request.
  const bytes = body as Uint8Array;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}
