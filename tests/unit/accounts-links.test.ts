import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Database } from '../../lib/db';
import { issueToken, peekToken, retireTokens, takeToken, tokenProblem, tokenState } from '../../lib/auth/tokens';
import { lifetimeText, TOKEN_HOURS } from '../../lib/auth/link-lifetimes';

/** One-time links (setup, invite, reset): their state, their messages, used once, replaced on re-issue. */
describe('tokenState', () => {
  const now = Date.parse('2025-01-01T12:00:00Z');
  it('is unknown without a row, used once used (even before expiry), expired at and after its time', () => {
    expect(tokenState(undefined, now)).toBe('unknown');
    expect(tokenState({ used_at: '2025-01-01T11:00:00Z', expires_at: '2025-01-02T00:00:00Z' }, now)).toBe('used');
    expect(tokenState({ used_at: null, expires_at: '2025-01-01T12:00:00Z' }, now)).toBe('expired');
    expect(tokenState({ used_at: null, expires_at: '2025-01-01T12:00:01Z' }, now)).toBe('valid');
  });

  it('says what happened and what to do next, per kind of link', () => {
    expect(tokenProblem('invite', 'used')).toMatch(/already been used.*Ask your Trailbench admin to send you a new invite link/);
    expect(tokenProblem('reset', 'expired')).toMatch(/expired.*new password-reset link/);
    expect(tokenProblem('setup', 'expired')).toMatch(/Restart the server.*console output/);
  });

  it('has lifetimes of a day for setup and reset links and a week for invites', () => {
    expect(TOKEN_HOURS).toEqual({ setup: 24, invite: 168, reset: 24 });
    expect([lifetimeText('setup'), lifetimeText('invite'), lifetimeText('reset')]).toEqual(['24 hours', '7 days', '24 hours']);
  });
});

describe('one-time links in the database', () => {
  let dir: string;
  let db: Kysely<Database>;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-links-'));
    db = await openDb(undefined, dir);
  });
  afterEach(async () => {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores only a hash of a random token, which works once and only for its kind', async () => {
    const token = await issueToken(db, 'reset', 'u1');
    const other = await issueToken(db, 'reset', 'u1');
    expect(token).not.toBe(other);
    expect(token.length).toBeGreaterThanOrEqual(32);
    const rows = await db.selectFrom('tokens').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
    expect(await peekToken(db, token, 'invite')).toBe('unknown');
    expect(await peekToken(db, token, 'reset')).toBe('valid');
    expect((await takeToken(db, token, 'reset')).user_id).toBe('u1');
    expect(await peekToken(db, token, 'reset')).toBe('used');
    await expect(takeToken(db, token, 'reset')).rejects.toThrow(/already been used/);
  });

  it('expires after its lifetime', async () => {
    const token = await issueToken(db, 'invite', 'u1');
    await db
      .updateTable('tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    expect(await peekToken(db, token, 'invite')).toBe('expired');
    await expect(takeToken(db, token, 'invite')).rejects.toThrow(/expired/);
  });

  it("retires a user's earlier links of one kind, not other users' or other kinds'", async () => {
    const old = await issueToken(db, 'invite', 'u1');
    const reset = await issueToken(db, 'reset', 'u1');
    const someoneElse = await issueToken(db, 'invite', 'u2');
    await retireTokens(db, 'invite', 'u1');
    expect(await peekToken(db, old, 'invite')).toBe('used');
    expect(await peekToken(db, reset, 'reset')).toBe('valid');
    expect(await peekToken(db, someoneElse, 'invite')).toBe('valid');
  });
});
