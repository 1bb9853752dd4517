import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `npm test` passes on a fresh clone in any folder: a test may add cases from outside the
 * repository (`../shared`, the published-query corpus) only when they are there, and says why it
 * skipped them when not. This fails for a test that reaches outside without such a guard.
 */
const ROOT = path.resolve(__dirname, '../..');
const TEST_DIRS = ['tests', 'e2e'];
/** Paths that leave the repository: `../shared`, or three levels up from a test file. */
const OUTSIDE = /\.\.\/shared\b|(['"`])\.\.\/\.\.\/\.\.\/|process\.env\.TRAILBENCH_CORPUS|scripts\/compat\/(run|corpus)/;

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : files(p);
    return /\.(ts|mts|mjs|js)$/.test(e.name) ? [p] : [];
  });
}

const SELF = path.relative(ROOT, __filename);

describe('tests stay inside the repository', () => {
  const reaching = TEST_DIRS.flatMap((d) => files(path.join(ROOT, d)))
    .map((f) => ({ file: path.relative(ROOT, f), text: fs.readFileSync(f, 'utf8') }))
    .filter((f) => f.file !== SELF && OUTSIDE.test(f.text));

  it('finds the tests that reach outside (the check is not blind)', () => {
    expect(reaching.map((f) => f.file)).toContain(path.join('tests', 'unit', 'compat-corpus.test.ts'));
  });

  it('guards every read outside the repository with an existence check and a skip that says why', () => {
    const unguarded = reaching.filter((f) => !/existsSync\(/.test(f.text) || !/skip/i.test(f.text)).map((f) => f.file);
    expect(unguarded, 'tests reading outside the repository without `existsSync` + a skip message').toEqual([]);
  });
});
