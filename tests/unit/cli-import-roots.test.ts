import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { trailbench } from '../helpers/cli';

/**
 * A CLI that opens the lake itself may import the path it is given without TRAILBENCH_IMPORT_ROOTS
 * (cli.test.ts imports that way), but not `/` and not the directory that holds its data.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-cli-roots-'));
const dataDir = path.join(root, 'data');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

it('refuses to import / or what holds the data directory, naming why', { timeout: 120_000 }, async () => {
  const slash = await trailbench(['import', '/', '--store', 'trail', '--create', '--data-dir', dataDir]);
  expect([slash.code, slash.stderr.trim()]).toEqual([2, 'trailbench import: Cannot import /: it is the file system root.']);
  const holder = await trailbench(['import', root, '--store', 'trail', '--create', '--data-dir', dataDir]);
  expect([holder.code, holder.stderr.trim()]).toEqual([2, `trailbench import: Cannot import ${root}: it holds the data directory (TRAILBENCH_DATA_DIR).`]);
});
