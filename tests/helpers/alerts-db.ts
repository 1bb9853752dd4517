import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../lib/db/schema';
import { startReceiver, type Receiver } from './receiver';

/**
 * A real SQLite app database in a temp directory with one analyst, and a local HTTP receiver,
 * for tests of the alert outbox. The caller sets NEXTAUTH_SECRET and the allowed networks in
 * process.env before opening (lib/env.ts reads them once).
 */
export const ALERTS_USER = { id: 'u1', email: 'owner@example.test', name: 'Owner', role: 'analyst' as const };

export async function openAlertsDb(): Promise<{ db: Kysely<Database>; receiver: Receiver; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-alerts-'));
  const { openDb } = await import('../../lib/db');
  const db = await openDb(undefined, dir);
  const receiver = await startReceiver();
  const u = ALERTS_USER;
  await db
    .insertInto('users')
    .values({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      password_hash: null,
      disabled: 0,
      created_at: new Date().toISOString(),
      last_login_at: null,
    })
    .execute();
  return {
    db,
    receiver,
    async close() {
      await db.destroy();
      await receiver.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
