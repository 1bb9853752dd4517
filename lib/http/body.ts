import { readCappedText } from '../util/read-capped';
import { ApiError } from './errors';

/** API request bodies are read with a cap (see readCappedText); JSON is parsed with a 400 that says why. */
export const MAX_BODY_BYTES = 1024 * 1024;

const tooLarge = (max: number) => new ApiError('PayloadTooLarge', `Request body is larger than ${max} bytes.`, 413);

/** Throws 413 when the request declares a body over `max` bytes. */
export function checkDeclaredLength(req: Request, max = MAX_BODY_BYTES): void {
  const declared = req.headers.get('content-length');
  if (declared !== null && !(Number(declared) <= max)) throw tooLarge(max);
}

export function readBodyText(req: Request, max = MAX_BODY_BYTES): Promise<string> {
  return readCappedText(req, max, () => tooLarge(max));
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
