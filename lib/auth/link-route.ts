import type { z } from 'zod';
import { readJsonBody } from '../http/body';
import { route } from '../http/route';
import { requireSameOrigin } from '../http/same-origin';

/**
 * A route used without a session, with a one-time link (setup, invite, password reset):
 * same-origin, a capped JSON body checked against `input`, then `fn` in the one route frame.
 */
export function linkRoute<S extends z.ZodTypeAny>(input: S, fn: (body: z.infer<S>) => Promise<unknown>) {
  return route(async (req: Request) => {
    requireSameOrigin(req);
    return fn(input.parse(await readJsonBody(req)));
  });
}
