import fs from 'node:fs';
import path from 'node:path';
import { LakeError } from '../errors';
import { isWithin } from './real-path';
import { datedBefore } from './archive-dates';

export interface ListLimits {
  /** Directory entries (files and directories) the listing may visit before it gives up. */
  maxEntries: number;
  /** Stops the listing (StopImport). */
  signal?: AbortSignal;
  /** YYYY-MM-DD: archive date folders wholly before it are not visited (see `LogSource.list`). */
  since?: string;
}

/**
 * Log files under a local source, sorted by name within each directory, found without blocking
 * the event loop (directories are read asynchronously, a batch of entries at a time). Bounded:
 * past `maxEntries` entries it fails with a message saying so. Links to directories are followed
 * only where they really lead inside `roots`, each directory once (a link to an ancestor does
 * not loop). Links to files are listed by name: the reader judges where they lead (see
 * `resolveReal`), so a link out of the roots becomes a failure naming the file, not a read.
 *
 * `start` is the source as given, `startReal` where it really is (see `ImportRoots.locate`).
 */
export async function listLocalFiles(
  start: string,
  startReal: string,
  roots: readonly string[],
  isLogFile: (p: string) => boolean,
  limits: ListLimits,
): Promise<string[]> {
  const out: string[] = [];
  if (!(await fs.promises.stat(startReal)).isDirectory()) return isLogFile(start) ? [start] : [];
  let entries = 0;
  const seen = new Set<string>([startReal]);
  // depth first, in name order: a stack of directories (as named, and where they really are)
  const stack: { dir: string; real: string }[] = [{ dir: start, real: startReal }];
  while (stack.length) {
    limits.signal?.throwIfAborted();
    const { dir, real } = stack.pop()!;
    const names: { name: string; kind: 'dir' | 'file' | 'link' }[] = [];
    const handle = await fs.promises.opendir(dir, { bufferSize: 256 }).catch((e: NodeJS.ErrnoException) => {
      throw new LakeError('InvalidImportSourceException', `Cannot list ${dir} (${e.code ?? 'error'}).`);
    });
    for await (const e of handle) {
      if ((++entries & 1023) === 0) limits.signal?.throwIfAborted(); // a huge directory stops promptly too
      if (entries > limits.maxEntries) {
        throw new LakeError(
          'InvalidImportSourceException',
          `Import source ${start} holds more than ${limits.maxEntries.toLocaleString('en-US')} files and directories; import a narrower directory (an account, a region or a year).`,
        );
      }
      names.push({ name: e.name, kind: e.isDirectory() ? 'dir' : e.isSymbolicLink() ? 'link' : 'file' });
    }
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: { dir: string; real: string }[] = [];
    for (const { name, kind } of names) {
      const p = path.join(dir, name);
      const target = kind === 'dir' ? path.join(real, name) : kind === 'link' ? await linkedDirectory(p, roots) : undefined;
      if (target === undefined) {
        if (isLogFile(p)) out.push(p);
      } else if (!seen.has(target) && !(limits.since && datedBefore(p, limits.since))) {
        seen.add(target);
        subdirs.push({ dir: p, real: target });
      }
    }
    stack.push(...subdirs.reverse());
  }
  return out;
}

/** Where a link leads when that is a directory inside the roots; undefined otherwise (a file, dangling, outside). */
async function linkedDirectory(link: string, roots: readonly string[]): Promise<string | undefined> {
  try {
    const real = await fs.promises.realpath(link);
    if (!roots.some((r) => isWithin(real, r))) return undefined;
    return (await fs.promises.stat(real)).isDirectory() ? real : undefined;
  } catch {
    return undefined;
  }
}
