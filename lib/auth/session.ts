import { getServerSession } from 'next-auth';
import { getDb } from '../db';
import type { Role } from '../db/schema';
import { ApiError } from '../http/errors';
import { authOptions } from './options';

export interface CurrentUser { id: string; email: string; name: string; role: Role }

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every API route starts here: the signed-in, enabled user (401 otherwise), with one of the
 * allowed roles (403 otherwise). State-changing requests must come from this site's own pages
 * (Origin matches Host), which with SameSite cookies stops cross-site request forgery.
 */
export function requireSameOrigin(req: Request): void {
  if (!MUTATING.has(req.method)) return;
  const origin = req.headers.get('origin');
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  if (!origin || !host || new URL(origin).host !== host) {
    throw new ApiError('CsrfRejected', 'State-changing requests must come from Trailbench\'s own pages (Origin header missing or foreign).', 403);
  }
}

export async function requireUser(req: Request, roles?: Role[]): Promise<CurrentUser> {
  requireSameOrigin(req);
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) throw new ApiError('Unauthenticated', 'Sign in first.', 401);
  const db = await getDb();
  const u = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!u || u.disabled) throw new ApiError('Unauthenticated', 'Your account is disabled or no longer exists.', 401);
  if (roles && !roles.includes(u.role)) throw new ApiError('Forbidden', `This needs the ${roles.join(' or ')} role; you are ${u.role}.`, 403);
  return { id: u.id, email: u.email, name: u.name, role: u.role };
}
