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
 * process exits; or, when another live process holds it, returns that process and takes nothing.
 */
export function tryAcquireLake(lakeDir: string, me: Pick<LakeOwner, 'kind' | 'url' | 'command'>): LakeOwner | undefined {
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
      return undefined;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    const held = readOwner(lakeDir);
    if (held && isMine(held)) {
      fs.writeFileSync(file, JSON.stringify(record, null, 2));
      return undefined;
    }
    if (held && isAlive(held)) return held;
    // Stale (its process died): move it aside, and put back what was moved if another process took it over meanwhile.
    const aside = `${file}.stale-${process.pid}`;
    try {
      fs.renameSync(file, aside);
      const moved = readOwnerFile(aside);
      if (moved && held && moved.pid !== held.pid) fs.linkSync(aside, file);
    } catch {
      /* another process moved it first; try again */
    }
    fs.rmSync(aside, { force: true });
  }
  throw new Error(`Could not take the lake at ${lakeDir}: ${file} keeps changing.`);
}

/** Takes the lake, or throws naming the process that has it. */
export function acquireLake(lakeDir: string, me: Pick<LakeOwner, 'kind' | 'url' | 'command'>): void {
  const held = tryAcquireLake(lakeDir, me);
  if (held) throw new Error(describeBusy(lakeDir, held));
}

/** Takes the lake once its holder (a CLI import, say) is done with it; `onWait` hears who is being waited for. */
export async function acquireLakeWhenFree(
  lakeDir: string,
  me: Pick<LakeOwner, 'kind' | 'url' | 'command'>,
  opts: { intervalMs?: number; onWait?: (holder: LakeOwner) => void } = {},
): Promise<void> {
  let waitingFor: number | undefined;
  for (;;) {
    const held = tryAcquireLake(lakeDir, me);
    if (!held) return;
    if (held.pid !== waitingFor) opts.onWait?.(held);
    waitingFor = held.pid;
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 1000));
  }
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

const readOwner = (lakeDir: string) => readOwnerFile(ownerFile(lakeDir));

function readOwnerFile(file: string): LakeOwner | undefined {
  try {
    const o = JSON.parse(fs.readFileSync(file, 'utf8')) as LakeOwner;
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
