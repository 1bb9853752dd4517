import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDb, type Database } from '../../lib/db';
import { completeSetup, ensureFirstAdmin, signIn } from '../../lib/auth/users';

/**
 * The first admin: from TRAILBENCH_ADMIN_EMAIL/PASSWORD on an empty database, or else through the
 * one-time setup link printed on start. (The e2e server always has an admin from the environment,
 * so the setup-link flow is covered here, on the embedded SQLite database.)
 */
let dir: string;
let db: Kysely<Database>;
const BASE = 'http://127.0.0.1:3999';

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-setup-'));
  db = await openDb(undefined, dir);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs ensureFirstAdmin with no admin in the environment and returns the setup token it printed (if any). */
async function printedSetupToken(): Promise<string | undefined> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  await ensureFirstAdmin(db, { baseUrl: BASE });
  const printed = log.mock.calls.map((c) => c.join(' ')).join('\n');
  log.mockRestore();
  const link = /https?:\/\/\S+\/setup\?token=\S+/.exec(printed)?.[0];
  return link ? (new URL(link).searchParams.get('token') ?? undefined) : undefined;
}

const users = () => db.selectFrom('users').selectAll().execute();
const actions = async () => (await db.selectFrom('audit_log').select('action').orderBy('id').execute()).map((r) => r.action);

describe('ensureFirstAdmin', () => {
  it('creates the admin from the environment on an empty database, and only then', async () => {
    await ensureFirstAdmin(db, { email: 'Boss@Example.test', password: 'admin-password-123', baseUrl: BASE });
    const [admin] = await users();
    expect(admin).toMatchObject({ email: 'boss@example.test', role: 'admin', disabled: 0 });
    expect(admin.password_hash).toMatch(/^scrypt\$/);
    expect(admin.password_hash).not.toContain('admin-password-123');
    expect(await actions()).toEqual(['admin.bootstrap']);
    expect(await signIn(db, 'boss@example.test', 'admin-password-123', 'test')).toMatchObject({ role: 'admin' });

    await ensureFirstAdmin(db, { email: 'other@example.test', password: 'other-password-123', baseUrl: BASE });
    expect(await users()).toHaveLength(1);
    expect(await printedSetupToken()).toBeUndefined();
    expect(await db.selectFrom('tokens').selectAll().execute()).toEqual([]);
  });

  it('prints a one-time setup link (no default password) when no admin is configured', async () => {
    const token = await printedSetupToken();
    expect(token).toMatch(/^[\w-]{20,}$/);
    expect(await users()).toEqual([]);
    const [row] = await db.selectFrom('tokens').selectAll().execute();
    expect(row).toMatchObject({ kind: 'setup', user_id: null, used_at: null });
    expect(row.token_hash).not.toBe(token); // only the hash is kept
    const hours = (Date.parse(row.expires_at) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23);
    expect(hours).toBeLessThanOrEqual(24);
  });
});

describe('completeSetup', () => {
  it('creates the first admin once with the printed token; the link then stops working', async () => {
    const token = (await printedSetupToken())!;
    const admin = await completeSetup(db, token, { email: 'First@Example.test', name: 'First Admin', password: 'first-password-123' });
    expect(admin).toMatchObject({ email: 'first@example.test', name: 'First Admin', role: 'admin', disabled: false });
    expect(admin).not.toHaveProperty('password_hash');
    expect(await signIn(db, 'first@example.test', 'first-password-123', 'test')).toMatchObject({ id: admin.id });
    expect(await actions()).toEqual(expect.arrayContaining(['admin.setup', 'sign-in']));

    await expect(completeSetup(db, token, { email: 'second@example.test', password: 'second-password-123' })).rejects.toMatchObject({ type: 'InvalidToken' });
    expect(await users()).toHaveLength(1);
    expect(await printedSetupToken()).toBeUndefined(); // users exist: no new link on the next start
  });

  it('rejects an unknown token and an expired one', async () => {
    await expect(completeSetup(db, 'not-the-printed-token', { email: 'x@example.test', password: 'some-password-123' })).rejects.toMatchObject({
      type: 'InvalidToken',
      status: 400,
    });
    const token = (await printedSetupToken())!;
    await db
      .updateTable('tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    await expect(completeSetup(db, token, { email: 'x@example.test', password: 'some-password-123' })).rejects.toMatchObject({ type: 'InvalidToken' });
    expect(await users()).toEqual([]);
  });

  it('refuses a short password or a bad email without creating anyone', async () => {
    const token = (await printedSetupToken())!;
    await expect(completeSetup(db, token, { email: 'x@example.test', password: 'short' })).rejects.toMatchObject({ type: 'ValidationError' });
    const another = (await printedSetupToken())!;
    await expect(completeSetup(db, another, { email: 'not-an-email', password: 'long-enough-password' })).rejects.toMatchObject({ type: 'ValidationError' });
    expect(await users()).toEqual([]);
  });
});

describe('the setup link survives a typo', () => {
  it('refuses a too-short password without using up the link', async () => {
    const token = (await printedSetupToken())!;
    await expect(completeSetup(db, token, { email: 'first@example.test', password: 'short' })).rejects.toMatchObject({ type: 'ValidationError' });
    const admin = await completeSetup(db, token, { email: 'first@example.test', password: 'long-enough-password' });
    expect(admin.role).toBe('admin');
  });
});
