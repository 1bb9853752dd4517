import type { Role } from '../db/schema';
import { checkDeclaredLength, readJsonBody } from '../http/body';
import { route } from '../http/route';
import { requireUser, type CurrentUser } from './session';

type Handler<P> = (ctx: { req: Request; user: CurrentUser; params: P; body: (opts?: { whenEmpty?: unknown }) => Promise<unknown> }) => Promise<unknown>;

/**
 * A route handler for signed-in users (`withUser(fn)`) or for some roles (`withUser(ADMINS, fn)`):
 * it first checks the body's declared size (413), the session (and role, and same-origin for
 * changes), then runs `fn` in the one route frame (lib/http/route.ts). `body()` reads JSON with the
 * size cap (an empty body is `whenEmpty` if given).
 */
export function withUser<P = Record<string, string>>(fn: Handler<P>): (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;
export function withUser<P = Record<string, string>>(roles: Role[], fn: Handler<P>): (req: Request, ctx: { params: Promise<P> }) => Promise<Response>;
export function withUser<P>(rolesOrFn: Role[] | Handler<P>, maybeFn?: Handler<P>) {
  const [roles, fn] = typeof rolesOrFn === 'function' ? [undefined, rolesOrFn] : [rolesOrFn, maybeFn!];
  return route(async (req: Request, ctx: { params: Promise<P> }) => {
    checkDeclaredLength(req);
    const user = await requireUser(req, roles);
    return fn({ req, user, params: await ctx?.params, body: (opts) => readJsonBody(req, opts) });
  });
}

export const ANALYSTS: Role[] = ['admin', 'analyst'];
export const ADMINS: Role[] = ['admin'];
