import { ApiError } from './errors';

/**
 * Request bodies read with a cap: a declared Content-Length over the cap is refused before a byte
 * is read, and a body without one (chunked) is counted as it streams and dropped the moment it
 * passes the cap, so no request can make the server buffer more than the cap.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

const tooLarge = (max: number) => new ApiError('PayloadTooLarge', `Request body is larger than ${max} bytes.`, 413);

/** Throws 413 when the request declares a body over `max` bytes. */
export function checkDeclaredLength(req: Request, max = MAX_BODY_BYTES): void {
  const declared = req.headers.get('content-length');
  if (declared !== null && !(Number(declared) <= max)) throw tooLarge(max);
}

export async function readBodyText(req: Request, max = MAX_BODY_BYTES): Promise<string> {
  checkDeclaredLength(req, max);
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

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ApiError('ValidationError', `Request body must be JSON (${(e as Error).message}).`);
  }
}

/** The JSON body; an empty body is `whenEmpty` if given, else a 400. */
export async function readJsonBody(req: Request, opts: { max?: number; whenEmpty?: unknown } = {}): Promise<unknown> {
  const text = await readBodyText(req, opts.max);
  if (!text.trim() && opts.whenEmpty !== undefined) return opts.whenEmpty;
  return parseJson(text);
}
