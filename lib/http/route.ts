import { NextResponse } from 'next/server';
import { errorResponse } from './errors';

/**
 * The one frame of every route handler: a plain value becomes JSON, a Response passes as is, and
 * any error goes through the one error mapper.
 */
export function route<A extends unknown[]>(fn: (...args: A) => Promise<unknown>): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      const out = await fn(...args);
      return out instanceof Response ? out : NextResponse.json(out ?? {});
    } catch (e) {
      return errorResponse(e);
    }
  };
}
