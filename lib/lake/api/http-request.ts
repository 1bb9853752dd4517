import { readCappedText } from '../../util/read-capped';
import { LakeError } from '../errors';
import type { IncomingRequest } from './handler';

/**
 * The largest request body the lake reads. The largest legitimate requests are StartQuery (a
 * statement of at most 10,000 characters) and CreateEventDataStore with its selectors and up to
 * 200 tags, all well under 100 KiB; 1 MiB leaves room without letting anyone make the server buffer more.
 */
export const MAX_LAKE_BODY_BYTES = 1024 * 1024;

const tooLarge = (max: number) => new LakeError('RequestEntityTooLargeException', `The request body is larger than the lake accepts (${max / 1024} KiB).`, 413);

/** The body, at most `max` bytes (see readCappedText), refused with the lake's 413. */
export function readBodyCapped(req: Request, max = MAX_LAKE_BODY_BYTES): Promise<string> {
  return readCappedText(req, max, () => tooLarge(max));
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
