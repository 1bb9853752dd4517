import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The directory the integration servers accept file:// imports from, and where tests write the
 * archives they import. Not the temp directory itself: a checkout may live under it (a fresh
 * clone in /tmp), and a data directory inside an import root is refused.
 */
export function testImportRoot(): string {
  const dir = path.join(os.tmpdir(), 'trailbench-test-imports');
  fs.mkdirSync(dir, { recursive: true });
  return fs.realpathSync(dir);
}

/** A new directory for one test's archives, inside the import root. */
export function importDir(prefix: string): string {
  return fs.mkdtempSync(path.join(testImportRoot(), prefix));
}
