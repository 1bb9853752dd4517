import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, TokenKind } from '../db/schema';
import { ApiError } from '../http/errors';
import { TOKEN_HOURS } from './link-lifetimes';

/**
 * One-time links (first-admin setup, invite, password reset): a random token handed out once,
 * only its SHA-256 stored; it works once and until it expires.
 */
export const tokenHash = (t: string) => createHash('sha256').update(t).digest('hex');

const HOUR = 3_600_000;

export type TokenState = 'valid' | 'used' | 'expired' | 'unknown';

type TokenRow = Pick<Database['tokens'], 'used_at' | 'expires_at'>;

/** What a link's row says about it now (pure, so the pages and the API agree). */
export function tokenState(row: TokenRow | undefined, now = Date.now()): TokenState {
  if (!row) return 'unknown';
  if (row.used_at) return 'used';
  return Date.parse(row.expires_at) <= now ? 'expired' : 'valid';
}

const ASK: Record<TokenKind, string> = {
  setup: 'Restart the server to print a new setup link (in its console output), or sign in if the first admin already exists.',
  invite: 'Ask your Trailbench admin to send you a new invite link.',
  reset: 'Ask your Trailbench admin for a new password-reset link.',
};

const SAYS: Record<Exclude<TokenState, 'valid'>, string> = {
  used: 'This link has already been used (or was replaced by a newer one).',
  expired: 'This link has expired.',
  unknown: 'This link is not valid; check that it was copied in full.',
};

/** The message a page or API shows for a link that no longer works, with what to do next. */
export function tokenProblem(kind: TokenKind, state: Exclude<TokenState, 'valid'>): string {
  return `${SAYS[state]} ${ASK[kind]}`;
}

export async function findToken(db: Kysely<Database>, token: string, kind: TokenKind) {
  return db.selectFrom('tokens').selectAll().where('token_hash', '=', tokenHash(token)).where('kind', '=', kind).executeTakeFirst();
}

/** Looks at a link without using it: what its page shows before the form. */
export async function peekToken(db: Kysely<Database>, token: string, kind: TokenKind): Promise<TokenState> {
  return tokenState(token ? await findToken(db, token, kind) : undefined);
}

export async function issueToken(db: Kysely<Database>, kind: TokenKind, userId: string | null): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  const now = Date.now();
  await db
    .insertInto('tokens')
    .values({
      token_hash: tokenHash(token),
      kind,
      user_id: userId,
      expires_at: new Date(now + TOKEN_HOURS[kind] * HOUR).toISOString(),
      used_at: null,
      created_at: new Date(now).toISOString(),
    })
    .execute();
  return token;
}

/** Ends a user's unused links of one kind: a re-issued link replaces the one before it. */
export async function retireTokens(db: Kysely<Database>, kind: TokenKind, userId: string): Promise<void> {
  await db
    .updateTable('tokens')
    .set({ used_at: new Date().toISOString() })
    .where('kind', '=', kind)
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .execute();
}

/** Uses a link once: of two requests racing with the same link, only one changes the row. */
export async function takeToken(db: Kysely<Database>, token: string, kind: TokenKind) {
  const row = await findToken(db, token, kind);
  const state = tokenState(row);
  if (state !== 'valid') throw new ApiError('InvalidToken', tokenProblem(kind, state), 400);
  const taken = await db
    .updateTable('tokens')
    .set({ used_at: new Date().toISOString() })
    .where('token_hash', '=', row!.token_hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) throw new ApiError('InvalidToken', tokenProblem(kind, 'used'), 400);
  return row!;
}
