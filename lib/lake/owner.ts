import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Which process has a lake directory open. Two processes writing one lake would interleave
 * manifests and both resume the same interrupted import, so the server and the CLI take this
 * lock before `Lake.open`. The server records its URL, so the CLI can go through it instead.
 */
export interface LakeOwner {
  pid: number;
  host: string;
  kind: 'server' | 'cli';
  /** The server's base URL (its CloudTrail endpoint is `<url>/lake`). */
  url?: string;
  /** What the process is doing, for the error a second process gets (`trailbench import`). */
  command?: string;
  since: string;
}

const FILE = 'owner.json';

export const ownerFile = (lakeDir: string) => path.join(lakeDir, FILE);

/** The live process holding the lake, if any; a lock left by a process that died is ignored. */
export function lakeOwner(lakeDir: string): LakeOwner | undefined {
  const owner = readOwner(lakeDir);
  return owner && isAlive(owner) ? owner : undefined;
}

/**
 * Takes the lake for this process (again, if it already holds it) and releases it when the
 * process exits. Throws with who holds it when another live process does.
 */
export function acquireLake(lakeDir: string, me: Pick<LakeOwner, 'kind' | 'url' | 'command'>): void {
  fs.mkdirSync(lakeDir, { recursive: true });
  const file = ownerFile(lakeDir);
  const record: LakeOwner = { pid: process.pid, host: os.hostname(), ...me, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    // Written whole, then linked into place: link fails if the file exists, and readers never see half of it.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(record, null, 2));
    try {
      fs.linkSync(tmp, file);
      process.once('exit', () => releaseLake(lakeDir));
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    const held = readOwner(lakeDir);
    if (held && isMine(held)) {
      fs.writeFileSync(file, JSON.stringify(record, null, 2));
      return;
    }
    if (held && isAlive(held)) throw new Error(describeBusy(lakeDir, held));
    // Stale (its process died): move it aside; of two processes doing this at once, one wins the rename.
    try {
      fs.renameSync(file, `${file}.stale-${process.pid}`);
      fs.rmSync(`${file}.stale-${process.pid}`, { force: true });
    } catch { /* another process took it over first; try again */ }
  }
  throw new Error(`Could not take the lake at ${lakeDir}: ${file} keeps changing.`);
}

/** Removes the lock if this process still holds it. */
export function releaseLake(lakeDir: string): void {
  const held = readOwner(lakeDir);
  if (held && isMine(held)) fs.rmSync(ownerFile(lakeDir), { force: true });
}

export function describeBusy(lakeDir: string, o: LakeOwner): string {
  const who = o.kind === 'server' ? `a Trailbench server (pid ${o.pid}${o.url ? `, ${o.url}` : ''})` : `\`${o.command ?? 'trailbench'}\` (pid ${o.pid})`;
  return `The lake at ${lakeDir} is in use by ${who} since ${o.since}. If no such process runs any more, remove ${ownerFile(lakeDir)}.`;
}

function readOwner(lakeDir: string): LakeOwner | undefined {
  try {
    const o = JSON.parse(fs.readFileSync(ownerFile(lakeDir), 'utf8')) as LakeOwner;
    return Number.isInteger(o.pid) ? o : undefined;
  } catch {
    return undefined;
  }
}

const isMine = (o: LakeOwner) => o.pid === process.pid && o.host === os.hostname();

function isAlive(o: LakeOwner): boolean {
  if (o.host !== os.hostname()) return true; // another machine's process (shared disk): cannot tell, assume it runs
  try {
    process.kill(o.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
