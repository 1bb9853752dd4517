import { LakeError } from '../errors';
import type { IncomingRequest } from './handler';

/**
 * The largest request body the lake reads. The largest legitimate requests are StartQuery (a
 * statement of at most 10,000 characters) and CreateEventDataStore with its selectors and up to
 * 200 tags, all well under 100 KiB; 1 MiB leaves room without letting anyone make the server buffer more.
 */
export const MAX_LAKE_BODY_BYTES = 1024 * 1024;

const tooLarge = (max: number) =>
  new LakeError('RequestEntityTooLargeException', `The request body is larger than the lake accepts (${max / 1024} KiB).`, 413);

/**
 * Reads a request body up to `max` bytes: refused at once when Content-Length says it is larger,
 * and as soon as a body without one (chunked) grows past it, so an oversized body is never held whole.
 */
export async function readBodyCapped(req: Request, max = MAX_LAKE_BODY_BYTES): Promise<string> {
  const declared = req.headers.get('content-length');
  if (declared !== null && !(Number(declared) <= max)) throw tooLarge(max);
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge(max);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A fetch Request (the Next route) as the handler takes it; the body is read, capped, only after the method check. */
export function incomingRequest(req: Request): IncomingRequest {
  const url = new URL(req.url);
  const headers: Record<string, string> = {};
  req.headers.forEach((v, k) => (headers[k.toLowerCase()] = v));
  const query: Record<string, string> = {};
  url.searchParams.forEach((v, k) => (query[k] = v));
  return { method: req.method, path: url.pathname, query, headers, body: () => readBodyCapped(req) };
}
