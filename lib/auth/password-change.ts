import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ApiError } from '../http/errors';
import { audit } from './audit-write';
import { hashPassword, passwordOk, PASSWORD_RULE, verifyPasswordEvenly } from './passwords';
import { signInLimits } from './rate-limit';
import type { CurrentUser } from './session';
import { findUser } from './users';

/**
 * A signed-in user changes their own password: the current one is required (and wrong guesses
 * count against the sign-in limits, so a left-open session cannot be used to guess it). The
 * session version goes up, which ends every session of the user, this one included: the browser
 * signs in again with the new password.
 */
export async function changePassword(
  db: Kysely<Database>,
  me: CurrentUser,
  input: { currentPassword: string; newPassword: string },
  address: string,
): Promise<void> {
  const refusal = signInLimits.refusal(me.email, address);
  if (refusal) throw new ApiError('TooManyAttempts', refusal, 429);
  if (!passwordOk(input.newPassword)) throw new ApiError('ValidationError', `The new password must be ${PASSWORD_RULE}.`);
  const user = await findUser(db, me.id);
  if (!(await verifyPasswordEvenly(input.currentPassword, user?.password_hash))) {
    signInLimits.failed(me.email, address);
    await audit(db, { userId: me.id, action: 'password.change-failed', target: me.email, detail: { address } });
    throw new ApiError('WrongPassword', 'The current password is not right.', 400);
  }
  if (input.newPassword === input.currentPassword) throw new ApiError('ValidationError', 'The new password must differ from the current one.');
  await db
    .updateTable('users')
    .set({ password_hash: await hashPassword(input.newPassword), session_version: user!.session_version + 1 })
    .where('id', '=', me.id)
    .execute();
  await audit(db, { userId: me.id, action: 'password.change', target: me.email, detail: { address } });
}
