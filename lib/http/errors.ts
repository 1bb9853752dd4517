import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { LakeError } from '../lake/errors';

const BRAND = Symbol.for('trailbench.ApiError');

/** Client-facing errors of the workbench API: `{ error: { type, message } }`. */
export class ApiError extends Error {
  readonly [BRAND] = true;

  /** `detail` goes into the error body beside type and message (e.g. which parameter is wrong). */
  constructor(
    public readonly type: string,
    message: string,
    public readonly status = 400,
    public readonly detail?: Record<string, unknown>,
  ) {
    super(message);
  }

  /** Next bundles this module more than once, so `instanceof` can miss; the brand cannot. */
  static is(e: unknown): e is ApiError {
    return typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[BRAND] === true;
  }
}

interface ServiceLike {
  name: string;
  message: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number };
}

/** The one mapping from any thrown error to an HTTP response. */
export function errorResponse(e: unknown): NextResponse {
  if (ApiError.is(e)) return body(e.type, e.message, e.status, e.detail);
  if (LakeError.is(e)) return body(e.type, e.message, e.status);
  if (e instanceof ZodError) {
    const i = e.issues[0];
    return body('ValidationError', `${i.path.join('.') || 'request'}: ${i.message}`, 400);
  }
  const s = e as ServiceLike;
  if (s && s.$metadata && typeof s.name === 'string') {
    const status = s.$metadata.httpStatusCode ?? (s.$fault === 'server' ? 502 : 400);
    return body(s.name, s.message, status >= 500 ? 502 : status);
  }
  console.error('[api] unexpected error', e);
  return body('InternalError', 'Something went wrong on the server; see its log.', 500);
}

function body(type: string, message: string, status: number, detail?: Record<string, unknown>) {
  // A 413 is sent before the body is read: the connection is closed after it, so a client's next
  // request does not go out on a socket still carrying the unread rest of this one.
  return NextResponse.json({ error: { ...detail, type, message } }, { status, headers: status === 413 ? { connection: 'close' } : undefined });
}
