import { NextResponse } from 'next/server';
import type { Role } from '../db/schema';
import { requireUser, type CurrentUser } from '../auth/session';
import { errorResponse, readJsonBody } from './errors';

/**
 * A route handler that first checks the session (and role, and same-origin for changes), then
 * runs `fn`; a plain value becomes JSON, any error goes through the one error mapper.
 */
export function withUser<P = Record<string, string>>(
  roles: Role[] | undefined,
  fn: (ctx: { req: Request; user: CurrentUser; params: P; body: () => Promise<unknown> }) => Promise<unknown>,
) {
  return async (req: Request, ctx: { params: Promise<P> }) => {
    try {
      const user = await requireUser(req, roles);
      const out = await fn({ req, user, params: await ctx?.params, body: () => readJsonBody(req) });
      return out instanceof Response ? out : NextResponse.json(out ?? {});
    } catch (e) {
      return errorResponse(e);
    }
  };
}

export const ANALYSTS: Role[] = ['admin', 'analyst'];
export const ADMINS: Role[] = ['admin'];
