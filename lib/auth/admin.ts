import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema';
import type { CurrentUser } from './session';
import { ApiError } from '../http/errors';
import { audit } from './audit-write';
import { issueToken, retireTokens } from './tokens';
import { createUser, findUser, toPublic, type PublicUser } from './users';

/** What admins do with users: list, invite (one-time link), re-invite, reset a password, change role, disable. */
export async function listUsers(db: Kysely<Database>) {
  return (await db.selectFrom('users').selectAll().orderBy('created_at').execute()).map(toPublic);
}

export async function inviteUser(db: Kysely<Database>, admin: CurrentUser, input: { email: string; name?: string; role: Role }, baseUrl: string) {
  // inviting again someone who never set a password issues a fresh link (the old one may be lost)
  const pending = await db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', input.email.trim().toLowerCase())
    .where('password_hash', 'is', null)
    .executeTakeFirst();
  const user = pending ? toPublic(pending) : await createUser(db, input);
  return { user, inviteUrl: await inviteLink(db, admin, user, pending ? 'admin.reinvite' : 'admin.invite', baseUrl) };
}

/** A fresh invite link for a user who has not set a password yet; the one before stops working. */
export async function reinviteUser(db: Kysely<Database>, admin: CurrentUser, id: string, baseUrl: string) {
  const u = await existingUser(db, id);
  if (u.password_hash) throw new ApiError('AlreadyAccepted', `${u.email} has already accepted their invite; issue a password-reset link instead.`, 409);
  const user = toPublic(u);
  return { user, inviteUrl: await inviteLink(db, admin, user, 'admin.reinvite', baseUrl) };
}

async function inviteLink(db: Kysely<Database>, admin: CurrentUser, user: PublicUser, action: string, baseUrl: string) {
  await retireTokens(db, 'invite', user.id);
  const token = await issueToken(db, 'invite', user.id);
  await audit(db, { userId: admin.id, action, target: user.email, detail: { role: user.role } });
  return `${baseUrl}/invite?token=${token}`;
}

/** A one-time password-reset link for a user who has a password (shown to the admin only, like an invite link). */
export async function issueResetLink(db: Kysely<Database>, admin: CurrentUser, id: string, baseUrl: string) {
  const u = await existingUser(db, id);
  if (!u.password_hash) throw new ApiError('NotAccepted', `${u.email} has not accepted their invite yet; re-send the invite instead.`, 409);
  if (u.disabled) throw new ApiError('ValidationError', `${u.email} is disabled; enable the account first.`);
  await retireTokens(db, 'reset', u.id);
  const token = await issueToken(db, 'reset', u.id);
  await audit(db, { userId: admin.id, action: 'admin.reset-link', target: u.email });
  return { user: toPublic(u), resetUrl: `${baseUrl}/reset?token=${token}` };
}

async function existingUser(db: Kysely<Database>, id: string) {
  const u = await findUser(db, id);
  if (!u) throw new ApiError('UserNotFound', `No user ${id}.`, 404);
  return u;
}

export async function changeUser(db: Kysely<Database>, admin: CurrentUser, id: string, input: { role?: Role; disabled?: boolean }) {
  const u = await existingUser(db, id);
  if (u.id === admin.id && (input.disabled || (input.role && input.role !== 'admin'))) {
    throw new ApiError('ValidationError', 'You cannot demote or disable yourself; ask another admin.');
  }
  await db
    .updateTable('users')
    .set({ ...(input.role ? { role: input.role } : {}), ...(input.disabled !== undefined ? { disabled: input.disabled ? 1 : 0 } : {}) })
    .where('id', '=', id)
    .execute();
  await audit(db, { userId: admin.id, action: 'admin.change-user', target: u.email, detail: input });
  return toPublic((await findUser(db, id))!);
}
