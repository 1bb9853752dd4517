import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { Lake } from '../../lib/lake/lake';
import { createStore } from '../../lib/lake/stores/lifecycle';
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
    } catch {
      /* being replaced */
    }
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

  const lake = await Lake.open({ dataDir, region: 'us-east-1', accountId: '123456789012', importRoots: [archive] }); // resumes the import
  try {
    await lake.imports.idle();
    const [rec] = lake.imports.list();
    expect(rec.status).toBe('COMPLETED');
    const store = lake.stores.byName('crash')!;
    const q = await lake.startQuery(`SELECT count(*), count(DISTINCT eventid) FROM ${store.id}`);
    while (['QUEUED', 'RUNNING'].includes(lake.queries.get(q.queryId).status)) await new Promise((r) => setTimeout(r, 5));
    expect(lake.queries.page(q.queryId, 0, 1)).toEqual([[String(events.length), String(events.length)]]);
    await lake.compactor.idle(); // a merge in progress has an output file not listed yet
    const files = fs.readdirSync(path.join(lake.stores.dir(store.id), 'data'), { recursive: true }).filter((f) => String(f).endsWith('.parquet'));
    expect(files.length).toBe(lake.manifest(store.id).files.length); // no half-written file left behind
  } finally {
    lake.close();
  }
});

it('a restart after a crash between listing a batch done and saving the import reads that batch again, adding nothing twice', async () => {
  const archive = path.join(root, 'archive-2');
  writeTrailArchive(archive, events);
  const dataDir = path.join(root, 'data-2');
  const opts = { dataDir, region: 'us-east-1', accountId: '123456789012', importBatchEvents: 200, importRoots: [archive] };
  let lake = await Lake.open(opts);
  const store = createStore(lake.stores, {
    Name: 'resume',
    AdvancedEventSelectors: [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management', 'Data'] }] }],
  });
  const { importId } = lake.imports.start({ store, source: { S3LocationUri: pathToFileURL(archive).href } });
  await lake.imports.idle();
  const done = lake.imports.get(importId);
  expect(done.status).toBe('COMPLETED');
  lake.close();

  // As a crash would leave it: the files log lists 2 files more than the saved record counts.
  const importsDir = path.join(dataDir, 'lake', 'imports');
  const log = fs
    .readFileSync(path.join(importsDir, `${importId}.files`), 'utf8')
    .split('\n')
    .filter(Boolean);
  expect(log.length).toBe(done.statistics.FilesCompleted);
  fs.writeFileSync(path.join(importsDir, `${importId}.files`), log.slice(0, 5).join('\n') + '\n');
  const saved = { ...done, status: 'IN_PROGRESS', statistics: { ...done.statistics, FilesCompleted: 3 } };
  fs.writeFileSync(path.join(importsDir, `${importId}.json`), JSON.stringify(saved));

  lake = await Lake.open(opts); // resumes the import
  try {
    await lake.imports.idle();
    const rec = lake.imports.get(importId);
    expect(rec.status).toBe('COMPLETED');
    expect(rec.statistics.FilesCompleted).toBe(done.statistics.FilesCompleted);
    const relisted = fs
      .readFileSync(path.join(importsDir, `${importId}.files`), 'utf8')
      .split('\n')
      .filter(Boolean);
    expect(new Set(relisted).size).toBe(relisted.length);
    expect(relisted.length).toBe(done.statistics.FilesCompleted);
    const q = await lake.startQuery(`SELECT count(*), count(DISTINCT eventid) FROM ${store.id}`);
    while (['QUEUED', 'RUNNING'].includes(lake.queries.get(q.queryId).status)) await new Promise((r) => setTimeout(r, 5));
    expect(lake.queries.page(q.queryId, 0, 1)).toEqual([[String(events.length), String(events.length)]]);
  } finally {
    lake.close();
  }
});
