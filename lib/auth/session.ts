import { getServerSession } from 'next-auth';
import { getDb } from '../db';
import type { Role } from '../db/schema';
import { ApiError } from '../http/errors';
import { requireSameOrigin } from '../http/same-origin';
import { authOptions } from './options';

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export { requireSameOrigin };

/**
 * Every API route starts here: the signed-in, enabled user (401 otherwise), with one of the
 * allowed roles (403 otherwise), and for changes a same-origin request (lib/http/same-origin.ts).
 */
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
