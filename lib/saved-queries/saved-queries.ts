import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, ShareRole } from '../db/schema';
import type { CurrentUser } from '../auth/session';
import { ApiError } from '../http/errors';
import { audit } from '../auth/audit-write';
import { specsForSql } from '../parameters/infer';
import type { ParameterSpec } from '../parameters/types';

/**
 * Saved queries with every earlier version, and who may see or change them: the owner; users
 * it is shared with (viewer or editor); everyone, when shared that way. Admins get no special
 * access to others' private queries.
 */
export type Access = 'owner' | 'editor' | 'viewer';

export interface SavedQueryInput {
  name: string;
  description?: string;
  tags?: string[];
  folder?: string;
  sql: string;
  storeId?: string | null;
  connectionId?: string | null;
  parameters?: ParameterSpec[];
}

type Row = Database['saved_queries'];

/** The query's parameters: as saved, else one per `{{name}}` in its SQL, typed by name. */
export function savedParameters(r: Pick<Row, 'sql' | 'parameters'>): ParameterSpec[] {
  return r.parameters ? (JSON.parse(r.parameters) as ParameterSpec[]) : specsForSql(r.sql);
}

export function present(r: Row, access: Access) {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    tags: JSON.parse(r.tags) as string[],
    folder: r.folder,
    sql: r.sql,
    storeId: r.store_id,
    connectionId: r.connection_id,
    parameters: savedParameters(r),
    version: r.version,
    everyoneRole: r.everyone_role,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
    access,
  };
}

async function accessOf(db: Kysely<Database>, user: CurrentUser, r: Row): Promise<Access | null> {
  if (r.owner_id === user.id) return 'owner';
  const share = await db.selectFrom('shares').select('role').where('query_id', '=', r.id).where('user_id', '=', user.id).executeTakeFirst();
  const roles = [share?.role, r.everyone_role].filter(Boolean) as ShareRole[];
  return roles.includes('editor') ? 'editor' : roles.length ? 'viewer' : null;
}

/** The query if this user may see it (404 otherwise, so private queries are not revealed), and how. */
export async function requireQuery(db: Kysely<Database>, user: CurrentUser, id: string, need: Access[] = ['owner', 'editor', 'viewer']) {
  const r = await db.selectFrom('saved_queries').selectAll().where('id', '=', id).executeTakeFirst();
  const access = r ? await accessOf(db, user, r) : null;
  if (!r || !access) throw new ApiError('SavedQueryNotFound', `No saved query ${id} that you can open.`, 404);
  if (!need.includes(access)) throw new ApiError('Forbidden', `You can ${access === 'viewer' ? 'only view' : 'not change'} this query.`, 403);
  return { row: r, access };
}

function validate(input: SavedQueryInput) {
  if (!input.name?.trim()) throw new ApiError('ValidationError', 'A saved query needs a name.');
  if (!input.sql?.trim()) throw new ApiError('ValidationError', 'A saved query needs SQL.');
}

async function snapshot(db: Kysely<Database>, r: Row) {
  await db
    .insertInto('saved_query_versions')
    .values({
      query_id: r.id,
      version: r.version,
      name: r.name,
      description: r.description,
      tags: r.tags,
      folder: r.folder,
      sql: r.sql,
      store_id: r.store_id,
      connection_id: r.connection_id,
      edited_by: r.updated_by,
      edited_at: r.updated_at,
    })
    .execute();
}

export async function createQuery(db: Kysely<Database>, user: CurrentUser, input: SavedQueryInput) {
  validate(input);
  const now = new Date().toISOString();
  const row: Row = {
    id: randomUUID(),
    owner_id: user.id,
    name: input.name.trim(),
    description: input.description ?? '',
    tags: JSON.stringify(input.tags ?? []),
    folder: input.folder ?? '',
    sql: input.sql,
    store_id: input.storeId ?? null,
    connection_id: input.connectionId ?? null,
    everyone_role: null,
    parameters: input.parameters?.length ? JSON.stringify(input.parameters) : null,
    version: 1,
    created_at: now,
    created_by: user.email,
    updated_at: now,
    updated_by: user.email,
  };
  await db.insertInto('saved_queries').values(row).execute();
  await snapshot(db, row);
  await audit(db, { userId: user.id, action: 'saved-query.create', target: row.id, detail: { name: row.name } });
  return present(row, 'owner');
}

export async function updateQuery(db: Kysely<Database>, user: CurrentUser, id: string, input: SavedQueryInput) {
  validate(input);
  const { row, access } = await requireQuery(db, user, id, ['owner', 'editor']);
  const next: Row = {
    ...row,
    name: input.name.trim(),
    description: input.description ?? row.description,
    tags: JSON.stringify(input.tags ?? JSON.parse(row.tags)),
    folder: input.folder ?? row.folder,
    sql: input.sql,
    store_id: input.storeId === undefined ? row.store_id : input.storeId,
    connection_id: input.connectionId === undefined ? row.connection_id : input.connectionId,
    version: row.version + 1,
    parameters: input.parameters === undefined ? row.parameters : input.parameters.length ? JSON.stringify(input.parameters) : null,
    updated_at: new Date().toISOString(),
    updated_by: user.email,
  };
  await db.updateTable('saved_queries').set(next).where('id', '=', id).execute();
  await snapshot(db, next);
  await audit(db, { userId: user.id, action: 'saved-query.update', target: id, detail: { version: next.version } });
  return present(next, access);
}

export async function deleteQuery(db: Kysely<Database>, user: CurrentUser, id: string) {
  await requireQuery(db, user, id, ['owner']);
  await db.deleteFrom('shares').where('query_id', '=', id).execute();
  await db.deleteFrom('saved_query_versions').where('query_id', '=', id).execute();
  await db.deleteFrom('saved_queries').where('id', '=', id).execute();
  await audit(db, { userId: user.id, action: 'saved-query.delete', target: id });
}

export async function listQueries(db: Kysely<Database>, user: CurrentUser, search: { text?: string; tag?: string }) {
  const shared = db.selectFrom('shares').select('query_id').where('user_id', '=', user.id);
  const rows = await db
    .selectFrom('saved_queries')
    .selectAll()
    .where((eb) => eb.or([eb('owner_id', '=', user.id), eb('id', 'in', shared), eb('everyone_role', 'is not', null)]))
    .orderBy('updated_at', 'desc')
    .execute();
  const text = search.text?.toLowerCase();
  const out = [];
  for (const r of rows) {
    const tags = JSON.parse(r.tags) as string[];
    if (search.tag && !tags.includes(search.tag)) continue;
    if (text && ![r.name, r.description, r.sql, ...tags].some((v) => v.toLowerCase().includes(text))) continue;
    out.push(present(r, (await accessOf(db, user, r))!));
  }
  return out;
}

export async function versions(db: Kysely<Database>, user: CurrentUser, id: string) {
  await requireQuery(db, user, id);
  return db.selectFrom('saved_query_versions').selectAll().where('query_id', '=', id).orderBy('version', 'desc').execute();
}

/** Who a query is shared with: for its owner and editors only (viewers do not learn others' emails). */
export async function getShares(db: Kysely<Database>, user: CurrentUser, id: string) {
  const { row } = await requireQuery(db, user, id, ['owner', 'editor']);
  const users = await db
    .selectFrom('shares')
    .innerJoin('users', 'users.id', 'shares.user_id')
    .select(['users.email', 'shares.role'])
    .where('shares.query_id', '=', id)
    .execute();
  return { everyoneRole: row.everyone_role, users };
}

export async function setShares(
  db: Kysely<Database>,
  user: CurrentUser,
  id: string,
  input: { everyoneRole: ShareRole | null; users: { email: string; role: ShareRole }[] },
) {
  await requireQuery(db, user, id, ['owner']);
  const emails = input.users.map((u) => u.email.toLowerCase());
  const found = emails.length ? await db.selectFrom('users').select(['id', 'email', 'role']).where('email', 'in', emails).execute() : [];
  const missing = emails.filter((e) => !found.some((f) => f.email === e));
  if (missing.length) throw new ApiError('ValidationError', `No user with email ${missing.join(', ')}.`);
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('saved_queries').set({ everyone_role: input.everyoneRole }).where('id', '=', id).execute();
    await tx.deleteFrom('shares').where('query_id', '=', id).execute();
    for (const u of input.users) {
      const target = found.find((f) => f.email === u.email.toLowerCase())!;
      // a viewer account cannot edit whatever the share says
      const role = target.role === 'viewer' ? 'viewer' : u.role;
      if (target.id !== user.id) await tx.insertInto('shares').values({ query_id: id, user_id: target.id, role }).execute();
    }
  });
  await audit(db, { userId: user.id, action: 'saved-query.share', target: id, detail: input });
  return getShares(db, user, id);
}
