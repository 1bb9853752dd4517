import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { Lake } from '../../lib/lake/lake';
import { generateEvents } from '../../lib/lake/demo/generate-events';
import { writeTrailArchive } from '../helpers/trail-archive';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-crash-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const DAY = 86_400_000;
const end = new Date();
const events = [...generateEvents({ count: 4000, start: new Date(end.getTime() - 3 * DAY), end, seed: 11 })];

/** Reads the import's progress file the child writes after each committed batch. */
function filesCompleted(dataDir: string): number {
  const dir = path.join(dataDir, 'lake', 'imports');
  if (!fs.existsSync(dir)) return 0;
  for (const f of fs.readdirSync(dir)) {
    try {
      return JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')).statistics.FilesCompleted;
    } catch { /* being replaced */ }
  }
  return 0;
}

it('an import killed mid-way leaves whole batches only, and completes after a restart without duplicates', async () => {
  const archive = path.join(root, 'archive');
  writeTrailArchive(archive, events);
  const dataDir = path.join(root, 'data');
  // one process (tsx as a loader, not its wrapper binary), so SIGKILL really stops the import
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/import-child.mts', dataDir, archive], { stdio: 'pipe' });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  // kill it once some batches are committed but before it is done
  for (let i = 0; i < 600 && filesCompleted(dataDir) === 0 && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 50));
  if (child.exitCode === null) {
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
  }
  expect(out).not.toContain('finished');

  const lake = await Lake.open({ dataDir, region: 'us-east-1', accountId: '123456789012' }); // resumes the import
  try {
    await lake.imports.idle();
    const [rec] = lake.imports.list();
    expect(rec.status).toBe('COMPLETED');
    const store = lake.stores.byName('crash')!;
    const q = await lake.startQuery(`SELECT count(*), count(DISTINCT eventid) FROM ${store.id}`);
    while (['QUEUED', 'RUNNING'].includes(lake.queries.get(q.queryId).status)) await new Promise((r) => setTimeout(r, 5));
    expect(lake.queries.page(q.queryId, 0, 1)).toEqual([[String(events.length), String(events.length)]]);
    const files = fs.readdirSync(path.join(lake.stores.dir(store.id), 'data'), { recursive: true }).filter((f) => String(f).endsWith('.parquet'));
    expect(files.length).toBe(lake.manifest(store.id).files.length); // no half-written file left behind
  } finally {
    lake.close();
  }
});
