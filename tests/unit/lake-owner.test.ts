import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { acquireLake, acquireLakeWhenFree, lakeOwner, ownerFile, releaseLake } from '../../lib/lake/owner';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-owner-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const holdAs = (lakeDir: string, pid: number, extra: object = {}) =>
  fs.writeFileSync(
    ownerFile(lakeDir),
    JSON.stringify({ pid, host: os.hostname(), kind: 'cli', command: 'trailbench import /srv/archive', since: '2026-11-27T10:00:00.000Z', ...extra }),
  );

it('one process owns a lake: it can take it again, others are told who has it', () => {
  const lakeDir = path.join(root, 'a');
  acquireLake(lakeDir, { kind: 'server', url: 'http://127.0.0.1:3000' });
  expect(lakeOwner(lakeDir)).toMatchObject({ pid: process.pid, kind: 'server', url: 'http://127.0.0.1:3000' });
  acquireLake(lakeDir, { kind: 'server', url: 'http://127.0.0.1:3001' }); // the same process again
  expect(lakeOwner(lakeDir)?.url).toBe('http://127.0.0.1:3001');
  releaseLake(lakeDir);
  expect(fs.existsSync(ownerFile(lakeDir))).toBe(false);
  expect(lakeOwner(lakeDir)).toBeUndefined();
});

it('a live holder keeps it; a dead one loses it; a server waits for the holder to finish', async () => {
  const lakeDir = path.join(root, 'b');
  fs.mkdirSync(lakeDir, { recursive: true });
  const other = spawn('sleep', ['60']);
  try {
    holdAs(lakeDir, other.pid!);
    expect(() => acquireLake(lakeDir, { kind: 'cli' })).toThrow(`The lake at ${lakeDir} is in use by \`trailbench import /srv/archive\` (pid ${other.pid})`);
    const waitedFor: number[] = [];
    const taken = acquireLakeWhenFree(lakeDir, { kind: 'server', url: 'http://127.0.0.1:3000' }, { intervalMs: 20, onWait: (h) => waitedFor.push(h.pid) });
    let done = false;
    void taken.then(() => (done = true));
    await new Promise((r) => setTimeout(r, 200));
    expect(done).toBe(false);
    other.kill('SIGKILL');
    await new Promise((r) => other.once('exit', r));
    await taken;
    expect(waitedFor).toEqual([other.pid]);
    expect(lakeOwner(lakeDir)).toMatchObject({ pid: process.pid, kind: 'server' });
  } finally {
    other.kill('SIGKILL');
    releaseLake(lakeDir);
  }
  // a record whose process is gone (or unreadable) is taken over
  holdAs(lakeDir, other.pid!);
  expect(lakeOwner(lakeDir)).toBeUndefined();
  acquireLake(lakeDir, { kind: 'cli' });
  expect(lakeOwner(lakeDir)?.pid).toBe(process.pid);
  releaseLake(lakeDir);
  fs.writeFileSync(ownerFile(lakeDir), '{"pid": 12');
  acquireLake(lakeDir, { kind: 'cli' });
  expect(lakeOwner(lakeDir)?.pid).toBe(process.pid);
  releaseLake(lakeDir);
  expect(fs.readdirSync(lakeDir)).toEqual([]); // nothing left beside it
});
