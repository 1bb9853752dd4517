import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, Role } from '../db/schema';
import type { CurrentUser } from '../auth/session';
import { ApiError } from '../http/errors';
import { audit } from '../auth/audit-write';
import { openSecret, sealSecret } from './access-key-secret';

/**
 * Users' own keys for the lake's CloudTrail API (`/lake`): created, rotated and revoked by their
 * owner (or an admin), acting with the owner's role. The secret is returned once, at creation.
 */
export interface PublicAccessKey {
  accessKeyId: string;
  name: string;
  ownerEmail: string;
  status: 'active' | 'revoked';
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  lastUsedOperation: string | null;
}

export interface NewAccessKey {
  key: PublicAccessKey;
  secretAccessKey: string;
}

/** Active keys a user may hold at once: enough to rotate without downtime (as AWS allows two), few enough to keep track of. */
export const MAX_ACTIVE_KEYS = 2;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const newKeyId = () => 'TBUK' + Array.from(randomBytes(16), (b) => ALPHABET[b % 32]).join('');
const newSecret = () => randomBytes(30).toString('base64').replace(/[+/=]/g, 'x');

const withOwner = (db: Kysely<Database>) =>
  db
    .selectFrom('access_keys')
    .innerJoin('users', 'users.id', 'access_keys.user_id')
    .select([
      'access_keys.access_key_id',
      'access_keys.user_id',
      'access_keys.name',
      'access_keys.created_at',
      'access_keys.revoked_at',
      'access_keys.last_used_at',
      'access_keys.last_used_operation',
      'users.email',
    ]);

type KeyRow = Awaited<ReturnType<ReturnType<typeof withOwner>['executeTakeFirstOrThrow']>>;

function toPublic(r: KeyRow): PublicAccessKey {
  return {
    accessKeyId: r.access_key_id,
    name: r.name,
    ownerEmail: r.email,
    status: r.revoked_at ? 'revoked' : 'active',
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    lastUsedAt: r.last_used_at,
    lastUsedOperation: r.last_used_operation,
  };
}

/** The user's keys; with `all` (admins only) everyone's. Newest first; revoked keys stay listed with their last use. */
export async function listAccessKeys(db: Kysely<Database>, user: CurrentUser, opts: { all?: boolean } = {}): Promise<PublicAccessKey[]> {
  let q = withOwner(db);
  if (!(opts.all && user.role === 'admin')) q = q.where('access_keys.user_id', '=', user.id);
  return (await q.orderBy('access_keys.created_at', 'desc').limit(1000).execute()).map(toPublic);
}

export async function createAccessKey(db: Kysely<Database>, user: CurrentUser, name: string): Promise<NewAccessKey> {
  const active = await db
    .selectFrom('access_keys')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', user.id)
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  if (Number(active.n) >= MAX_ACTIVE_KEYS) {
    throw new ApiError('LimitExceeded', `You already have ${MAX_ACTIVE_KEYS} active access keys; revoke or rotate one first.`, 409);
  }
  return issue(db, user, name, 'access-key.create');
}

/**
 * A new key with the same name, and the old key revoked at once. Only the owner rotates: an admin
 * who could would hold a secret that acts as someone else (admins revoke instead).
 */
export async function rotateAccessKey(db: Kysely<Database>, user: CurrentUser, accessKeyId: string): Promise<NewAccessKey> {
  const old = await requireKey(db, user, accessKeyId, { ownOnly: true });
  if (old.revoked_at) throw new ApiError('ValidationError', `Access key ${accessKeyId} is revoked; create a new one instead.`);
  await markRevoked(db, user, accessKeyId);
  return issue(db, user, old.name, 'access-key.rotate', { replaces: accessKeyId });
}

export async function revokeAccessKey(db: Kysely<Database>, user: CurrentUser, accessKeyId: string): Promise<PublicAccessKey> {
  const key = await requireKey(db, user, accessKeyId);
  if (!key.revoked_at) {
    await markRevoked(db, user, accessKeyId);
    await audit(db, { userId: user.id, action: 'access-key.revoke', target: accessKeyId, detail: { owner: key.email } });
  }
  return toPublic(await withOwner(db).where('access_key_id', '=', accessKeyId).executeTakeFirstOrThrow());
}

/** What verifying a request with this key needs: its secret and its owner, if the key is active and its owner enabled. */
export async function keyForSigning(db: Kysely<Database>, accessKeyId: string): Promise<{ secretAccessKey: string; user: CurrentUser } | undefined> {
  const row = await db
    .selectFrom('access_keys')
    .innerJoin('users', 'users.id', 'access_keys.user_id')
    .select(['access_keys.secret_sealed', 'access_keys.revoked_at', 'users.id', 'users.email', 'users.name', 'users.role', 'users.disabled'])
    .where('access_keys.access_key_id', '=', accessKeyId)
    .executeTakeFirst();
  if (!row || row.revoked_at || row.disabled) return undefined;
  const secretAccessKey = openSecret(row.secret_sealed);
  if (secretAccessKey === undefined) return undefined;
  return { secretAccessKey, user: { id: row.id, email: row.email, name: row.name, role: row.role as Role } };
}

export async function recordKeyUse(db: Kysely<Database>, accessKeyId: string, operation: string): Promise<void> {
  await db
    .updateTable('access_keys')
    .set({ last_used_at: new Date().toISOString(), last_used_operation: operation })
    .where('access_key_id', '=', accessKeyId)
    .execute();
}

async function issue(db: Kysely<Database>, owner: CurrentUser, name: string, action: string, detail: Record<string, unknown> = {}): Promise<NewAccessKey> {
  const accessKeyId = newKeyId();
  const secretAccessKey = newSecret();
  const created_at = new Date().toISOString();
  await db
    .insertInto('access_keys')
    .values({
      access_key_id: accessKeyId,
      user_id: owner.id,
      name: name.trim(),
      secret_sealed: sealSecret(secretAccessKey),
      created_at,
      revoked_at: null,
      revoked_by: null,
      last_used_at: null,
      last_used_operation: null,
    })
    .execute();
  await audit(db, { userId: owner.id, action, target: accessKeyId, detail: { name: name.trim(), ...detail } });
  return {
    key: toPublic({
      access_key_id: accessKeyId,
      user_id: owner.id,
      name: name.trim(),
      created_at,
      revoked_at: null,
      last_used_at: null,
      last_used_operation: null,
      email: owner.email,
    }),
    secretAccessKey,
  };
}

/** The key, if this user owns it (or, unless `ownOnly`, is an admin); otherwise 404 (another user's key is not revealed). */
async function requireKey(db: Kysely<Database>, user: CurrentUser, accessKeyId: string, opts: { ownOnly?: boolean } = {}): Promise<KeyRow> {
  const key = await withOwner(db).where('access_key_id', '=', accessKeyId).executeTakeFirst();
  if (!key || (key.user_id !== user.id && (opts.ownOnly || user.role !== 'admin')))
    throw new ApiError('AccessKeyNotFound', `No access key ${accessKeyId} of yours.`, 404);
  return key;
}

async function markRevoked(db: Kysely<Database>, by: CurrentUser, accessKeyId: string) {
  await db
    .updateTable('access_keys')
    .set({ revoked_at: new Date().toISOString(), revoked_by: by.id })
    .where('access_key_id', '=', accessKeyId)
    .where('revoked_at', 'is', null)
    .execute();
}
