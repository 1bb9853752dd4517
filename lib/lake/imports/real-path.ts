/**
 * Where a path really leads, for checking that an import stays inside its roots. Like
 * `realpath`, but a path that cannot be resolved (missing, unreadable, a dangling link) still
 * gets an answer: its resolvable part resolved, links read one by one. So a dangling link is
 * judged by where it points, and a path outside the roots is refused the same way whether or not
 * it exists (no existence oracle). Undefined when links loop.
 *
 * Self-contained on purpose (the modules it needs are parameters, the recursion names itself):
 * the reader thread runs its source (see log-file-reader.ts).
 */
export function resolveReal(p: string, fs: typeof import('node:fs'), path: typeof import('node:path'), hops = 0): string | undefined {
  if (hops > 40) return undefined;
  try {
    return fs.realpathSync.native(p);
  } catch {
    // resolved by hand below
  }
  const parent = path.dirname(p);
  if (parent === p) return p;
  const dir = resolveReal(parent, fs, path, hops);
  if (dir === undefined) return undefined;
  const here = path.join(dir, path.basename(p));
  let target: string;
  try {
    target = fs.readlinkSync(here);
  } catch {
    return here; // missing, unreadable or not a link: it is where it would be
  }
  return resolveReal(path.resolve(dir, target), fs, path, hops + 1);
}

/** Whether `p` is `dir` or inside it (both absolute and normalised). */
export function isWithin(p: string, dir: string): boolean {
  return p === dir || p.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
}
