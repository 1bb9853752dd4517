import { NextResponse } from 'next/server';
import type { Role } from '../db/schema';
import { requireUser, type CurrentUser } from '../auth/session';
import { checkDeclaredLength, readJsonBody } from './body';
import { errorResponse } from './errors';

/**
 * A route handler that first checks the body's declared size (413), the session (and role, and
 * same-origin for changes), then runs `fn`; a plain value becomes JSON, any error goes through the
 * one error mapper. `body()` reads JSON with the size cap (an empty body is `whenEmpty` if given).
 */
export function withUser<P = Record<string, string>>(
  roles: Role[] | undefined,
  fn: (ctx: { req: Request; user: CurrentUser; params: P; body: (opts?: { whenEmpty?: unknown }) => Promise<unknown> }) => Promise<unknown>,
) {
  return async (req: Request, ctx: { params: Promise<P> }) => {
    try {
      checkDeclaredLength(req);
      const user = await requireUser(req, roles);
      const out = await fn({ req, user, params: await ctx?.params, body: (opts) => readJsonBody(req, opts) });
      return out instanceof Response ? out : NextResponse.json(out ?? {});
    } catch (e) {
      return errorResponse(e);
    }
  };
}

export const ANALYSTS: Role[] = ['admin', 'analyst'];
export const ADMINS: Role[] = ['admin'];
