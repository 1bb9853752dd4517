import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { readJsonBody } from '../http/body';
import { errorResponse } from '../http/errors';
import { requireSameOrigin } from '../http/same-origin';

/**
 * A route used without a session, with a one-time link (setup, invite, password reset):
 * same-origin, a capped JSON body checked against `input`, then `fn`; errors through the one mapper.
 */
export function linkRoute<S extends z.ZodTypeAny>(input: S, fn: (body: z.infer<S>) => Promise<unknown>) {
  return async (req: Request) => {
    try {
      requireSameOrigin(req);
      return NextResponse.json(await fn(input.parse(await readJsonBody(req))));
    } catch (e) {
      return errorResponse(e);
    }
  };
}
