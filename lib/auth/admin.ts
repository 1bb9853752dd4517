import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema';
import type { CurrentUser } from './session';
import { ApiError } from '../http/errors';
import { audit } from './audit';
import { createUser, findUser, issueToken, toPublic } from './users';

/** What admins do with users: list, invite (one-time link), change role, disable. */
export async function listUsers(db: Kysely<Database>) {
  return (await db.selectFrom('users').selectAll().orderBy('created_at').execute()).map(toPublic);
}

export async function inviteUser(db: Kysely<Database>, admin: CurrentUser, input: { email: string; name?: string; role: Role }, baseUrl: string) {
  // inviting again someone who never set a password issues a fresh link (the old one may be lost)
  const pending = await db.selectFrom('users').selectAll().where('email', '=', input.email.trim().toLowerCase()).where('password_hash', 'is', null).executeTakeFirst();
  const user = pending ? toPublic(pending) : await createUser(db, input);
  const token = await issueToken(db, 'invite', user.id, 7);
  await audit(db, { userId: admin.id, action: 'admin.invite', target: user.email, detail: { role: input.role } });
  return { user, inviteUrl: `${baseUrl}/invite?token=${token}` };
}

export async function changeUser(db: Kysely<Database>, admin: CurrentUser, id: string, input: { role?: Role; disabled?: boolean }) {
  const u = await findUser(db, id);
  if (!u) throw new ApiError('UserNotFound', `No user ${id}.`, 404);
  if (u.id === admin.id && (input.disabled || (input.role && input.role !== 'admin'))) {
    throw new ApiError('ValidationError', 'You cannot demote or disable yourself; ask another admin.');
  }
  await db.updateTable('users').set({ ...(input.role ? { role: input.role } : {}), ...(input.disabled !== undefined ? { disabled: input.disabled ? 1 : 0 } : {}) }).where('id', '=', id).execute();
  await audit(db, { userId: admin.id, action: 'admin.change-user', target: u.email, detail: input });
  return toPublic((await findUser(db, id))!);
}
