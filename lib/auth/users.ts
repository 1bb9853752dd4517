import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema';
import { ApiError } from '../http/errors';
import { audit } from './audit-write';
import { hashPassword, passwordOk, PASSWORD_RULE, verifyPasswordEvenly } from './passwords';
import { signInLimits } from './rate-limit';
import { issueToken, takeToken } from './tokens';
import { TOKEN_HOURS } from './link-lifetimes';

export interface PublicUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  invitePending: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

/** What a user is, to admins and the user; never the hash or the session version. */
type UserRow = Omit<Database['users'], 'session_version'>;

export function toPublic(u: UserRow): PublicUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    disabled: !!u.disabled,
    invitePending: !u.password_hash,
    createdAt: u.created_at,
    lastLoginAt: u.last_login_at,
  };
}

export async function hasUsers(db: Kysely<Database>): Promise<boolean> {
  return !!(await db.selectFrom('users').select('id').limit(1).executeTakeFirst());
}

export async function findUser(db: Kysely<Database>, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Checks an email and password, within the sign-in limits (lib/auth/rate-limit.ts) for the client
 * `address`. Unknown, disabled and password-less accounts take the same path and time as a wrong
 * password.
 */
export async function signIn(db: Kysely<Database>, email: string, password: string, address: string): Promise<PublicUser | null> {
  const login = email.trim().toLowerCase();
  const refusal = signInLimits.refusal(login, address);
  if (refusal) {
    await audit(db, { userId: null, action: 'sign-in.rate-limited', target: login, detail: { address } });
    throw new Error(refusal);
  }
  const user = await db.selectFrom('users').selectAll().where('email', '=', login).executeTakeFirst();
  const passwordRight = await verifyPasswordEvenly(password, user?.password_hash);
  if (!user || user.disabled || !passwordRight) {
    signInLimits.failed(login, address);
    await audit(db, { userId: user?.id ?? null, action: 'sign-in.failed', target: login, detail: { address } });
    return null;
  }
  signInLimits.succeeded(login, address);
  await db.updateTable('users').set({ last_login_at: new Date().toISOString() }).where('id', '=', user.id).execute();
  await audit(db, { userId: user.id, action: 'sign-in', target: user.email, detail: { address } });
  return toPublic(user);
}

export async function createUser(db: Kysely<Database>, input: { email: string; name?: string; role: Role; password?: string }): Promise<PublicUser> {
  const email = input.email.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new ApiError('ValidationError', `'${input.email}' is not an email address.`);
  if (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) {
    throw new ApiError('UserExists', `A user with email ${email} already exists.`, 409);
  }
  if (input.password !== undefined && !passwordOk(input.password)) throw new ApiError('ValidationError', `Password must be ${PASSWORD_RULE}.`);
  const row: UserRow = {
    id: randomUUID(),
    email,
    name: input.name?.trim() || email.split('@')[0],
    role: input.role,
    password_hash: input.password ? await hashPassword(input.password) : null,
    disabled: 0,
    created_at: new Date().toISOString(),
    last_login_at: null,
  };
  await db.insertInto('users').values(row).execute();
  return toPublic(row);
}

export const SETUP_DONE = 'Setup is already complete: the first admin exists. Sign in instead.';

/** First start with no users: the admin from the environment, else a printed one-time setup link. */
export async function ensureFirstAdmin(db: Kysely<Database>, opts: { email?: string; password?: string; baseUrl: string }): Promise<void> {
  if (await hasUsers(db)) return;
  if (opts.email && opts.password) {
    const admin = await createUser(db, { email: opts.email, role: 'admin', password: opts.password });
    await audit(db, { userId: admin.id, action: 'admin.bootstrap', target: admin.email });
    return;
  }
  const token = await issueToken(db, 'setup', null);
  console.log(`\nTrailbench has no users yet. Create the first admin within ${TOKEN_HOURS.setup} hours at:\n  ${opts.baseUrl}/setup?token=${token}\n`);
}

export async function completeSetup(db: Kysely<Database>, token: string, input: { email: string; name?: string; password: string }): Promise<PublicUser> {
  if (await hasUsers(db)) throw new ApiError('InvalidToken', SETUP_DONE, 400);
  // check the input first, so a typo does not burn the one-time link
  if (!passwordOk(input.password)) throw new ApiError('ValidationError', `Password must be ${PASSWORD_RULE}.`);
  if (!/^[^@\s]+@[^@\s]+$/.test(input.email.trim())) throw new ApiError('ValidationError', `'${input.email}' is not an email address.`);
  await takeToken(db, token, 'setup');
  const admin = await createUser(db, { ...input, role: 'admin' });
  await audit(db, { userId: admin.id, action: 'admin.setup', target: admin.email });
  return admin;
}

/**
 * Sets a password with a one-time link: an invite (the account's first password) or an admin's
 * password-reset link (which also ends the user's other sessions).
 */
export async function setPasswordWithLink(db: Kysely<Database>, kind: 'invite' | 'reset', token: string, password: string, name?: string): Promise<PublicUser> {
  if (!passwordOk(password)) throw new ApiError('ValidationError', `Password must be ${PASSWORD_RULE}.`);
  const row = await takeToken(db, token, kind);
  const user = await findUser(db, row.user_id ?? '');
  if (!user || user.disabled) throw new ApiError('InvalidToken', 'This account no longer exists or is disabled; ask your Trailbench admin.', 400);
  await db
    .updateTable('users')
    .set({ password_hash: await hashPassword(password), ...(name ? { name } : {}), ...(kind === 'reset' ? { session_version: user.session_version + 1 } : {}) })
    .where('id', '=', user.id)
    .execute();
  await audit(db, { userId: user.id, action: kind === 'invite' ? 'invite.accepted' : 'password.reset', target: user.email });
  return toPublic({ ...user, name: name || user.name });
}
