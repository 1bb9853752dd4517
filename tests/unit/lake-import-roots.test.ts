import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lake } from '../../lib/lake/lake';
import { generateEvents } from '../../lib/lake/demo/generate-events';
import { followOperations, importOperations } from '../../lib/lake/api/operations/imports';
import { createStore } from '../../lib/lake/stores/lifecycle';
import type { ImportRecord } from '../../lib/lake/imports/import-manager';
import type { StoreRecord } from '../../lib/lake/storage/store-registry';
import { writeTrailArchive } from '../helpers/trail-archive';

/**
 * `file://` imports read only under the import roots (TRAILBENCH_IMPORT_ROOTS): not `/`, not
 * `/etc`, not the data directory, not through a link out of a root; and nothing any failure
 * says quotes a file. A secret outside the root must never show up in any message.
 */
const SECRET = 'root:$6$SECRET-HASH-4f8a2c:19000:0:99999:7:::';
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'trailbench-roots-'));
const root = path.join(base, 'root'); // the configured import root
const archive = path.join(root, 'archive');
const outside = path.join(base, 'outside');
const dataDir = path.join(base, 'data');
const ALL_EVENTS = [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management', 'Data'] }] }];
const DAY = 86_400_000;
const events = [...generateEvents({ count: 300, start: new Date(Date.now() - 2 * DAY), end: new Date(), seed: 3 })];
const opts = { dataDir, region: 'us-east-1', accountId: '123456789012', importRoots: [root] };

let lake: Lake;
let store: StoreRecord; // one store for every import here: a lake holds at most 10
beforeAll(async () => {
  writeTrailArchive(archive, events);
  fs.mkdirSync(outside, { recursive: true });
  fs.writeFileSync(path.join(outside, 'shadow'), SECRET);
  fs.writeFileSync(path.join(outside, 'leak.json'), SECRET);
  // inside the archive: links out of the root (to a file, to a directory), and files that quote the secret when parsed
  fs.symlinkSync(path.join(outside, 'shadow'), path.join(archive, 'shadow.json'));
  fs.symlinkSync(outside, path.join(archive, 'escape'));
  fs.symlinkSync(path.join(outside, 'nope.json'), path.join(archive, 'dangling-out.json'));
  fs.writeFileSync(path.join(archive, 'garbage.json'), SECRET);
  fs.writeFileSync(path.join(archive, 'bad-record.json'), `{"Records":[{"eventID":"x","eventTime":${SECRET}}]}`);
  fs.writeFileSync(path.join(archive, 'bad-time.json'), JSON.stringify({ Records: [{ eventID: 'y', eventTime: SECRET }] }));
  // a link inside the root that stays inside it is followed
  fs.symlinkSync(path.join(archive, 'AWSLogs'), path.join(root, 'inside-link'));
  fs.symlinkSync(outside, path.join(root, 'link-out'));
  lake = await Lake.open(opts);
  store = createStore(lake.stores, { Name: 'roots', AdvancedEventSelectors: ALL_EVENTS });
});
afterAll(() => {
  lake.close();
  fs.rmSync(base, { recursive: true, force: true });
});

async function runImport(uri: string): Promise<ImportRecord> {
  const rec = lake.imports.start({ store, source: { S3LocationUri: uri } });
  await lake.imports.idle();
  return lake.imports.get(rec.importId);
}

/** What StartImport through the API answers for a source. */
function startThroughApi(uri: string): unknown {
  try {
    return importOperations.StartImport(lake, { Destinations: [store.arn], ImportSource: { S3: { S3LocationUri: uri } } });
  } catch (e) {
    return e;
  }
}

const refusedOutside = (p: string) =>
  expect.objectContaining({
    type: 'InvalidImportSourceException',
    message: `Import source ${p} is not under an import root (TRAILBENCH_IMPORT_ROOTS: ${root}); imports read only there.`,
  });

describe('file:// imports and their roots', () => {
  it('refuses /, /etc, the data directory, a link out of the root and a path outside it, with one message whether or not it exists', () => {
    for (const p of [
      '/',
      '/etc',
      '/etc/shadow',
      dataDir,
      path.join(dataDir, 'lake'),
      outside,
      path.join(outside, 'shadow'),
      path.join(outside, 'no-such-file'),
    ]) {
      expect(startThroughApi(pathToFileURL(p).href)).toEqual(refusedOutside(p));
    }
    // through a link inside the root that leads out: refused as the path outside would be, existing or not
    expect(startThroughApi(pathToFileURL(path.join(root, 'link-out')).href)).toEqual(refusedOutside(path.join(root, 'link-out')));
    expect(startThroughApi(pathToFileURL(path.join(root, 'link-out', 'shadow')).href)).toEqual(refusedOutside(path.join(root, 'link-out', 'shadow')));
    expect(startThroughApi(pathToFileURL(path.join(root, 'link-out', 'nothing-here')).href)).toEqual(
      refusedOutside(path.join(root, 'link-out', 'nothing-here')),
    );
    // inside the root, a missing path may be called missing
    expect(startThroughApi(pathToFileURL(path.join(root, 'nothing-here')).href)).toEqual(
      expect.objectContaining({ message: `Import source ${path.join(root, 'nothing-here')} does not exist.` }),
    );
  });

  it('refuses to follow a source outside the roots too', async () => {
    await expect(followOperations.TrailbenchSetIngestionSource(lake, { EventDataStore: store.arn, SourceUri: 'file:///etc' })).rejects.toEqual(
      refusedOutside('/etc'),
    );
    expect(lake.stores.get(store.id)!.ingestionSource).toBeUndefined();
  });

  it('imports the archive, follows no link out of the root, and no failure quotes a file', async () => {
    const rec = await runImport(pathToFileURL(archive).href);
    expect(rec.status).toBe('COMPLETED');
    expect(rec.statistics.EventsCompleted).toBe(events.length);
    const failures = rec.failures.map((f) => [path.relative(archive, f.Location), f.ErrorType, f.ErrorMessage]).sort();
    expect(failures).toEqual([
      ['bad-record.json', 'InvalidJson', 'not valid JSON: record 1 (bytes 12-85)'],
      ['bad-time.json', 'InvalidRecord', 'record 1: eventTime is not a timestamp between years 0 and 9999'],
      ['dangling-out.json', 'OutsideImportRoot', 'not read: it leads (through a symbolic link) outside the import roots'],
      ['garbage.json', 'InvalidJson', 'not valid JSON'],
      ['shadow.json', 'OutsideImportRoot', 'not read: it leads (through a symbolic link) outside the import roots'],
    ]);
    expect(JSON.stringify(rec)).not.toContain('SECRET');
  });

  it('follows a link that stays inside the root', async () => {
    const rec = await runImport(pathToFileURL(path.join(root, 'inside-link')).href);
    expect([rec.status, rec.failures]).toEqual(['COMPLETED', []]);
    expect(rec.statistics.FilesCompleted).toBeGreaterThan(0); // its events are in the store already: imported above
  });

  it('without roots, refuses every file:// import and names the variable', async () => {
    const other = await Lake.open({ ...opts, dataDir: path.join(base, 'data-no-roots'), importRoots: [] });
    try {
      const store = createStore(other.stores, { Name: 'none', AdvancedEventSelectors: ALL_EVENTS });
      expect(() => other.imports.start({ store, source: { S3LocationUri: pathToFileURL(archive).href } })).toThrow(
        'file:// imports are turned off: set TRAILBENCH_IMPORT_ROOTS to the directories imports may read (absolute paths, comma-separated).',
      );
    } finally {
      other.close();
    }
  });

  it('refuses /, /proc, /sys, /dev, the data directory and what holds it as roots', async () => {
    const refused = async (roots: string[]) =>
      await Lake.open({ ...opts, dataDir: path.join(base, 'data-bad-roots'), importRoots: roots }).then(
        (l) => l.close(),
        (e: Error) => e.message,
      );
    expect(await refused(['/'])).toBe('TRAILBENCH_IMPORT_ROOTS: / cannot be an import root: it is the file system root.');
    expect(await refused(['/proc'])).toMatch(/\/proc cannot be an import root: it is a system directory/);
    expect(await refused(['/sys/kernel'])).toMatch(/system directory \(\/sys\)/);
    expect(await refused(['/dev'])).toMatch(/system directory \(\/dev\)/);
    expect(await refused([path.join(base, 'data-bad-roots')])).toMatch(/inside the data directory/);
    expect(await refused([path.join(base, 'data-bad-roots', 'lake')])).toMatch(/inside the data directory/);
    expect(await refused([base])).toMatch(/holds the data directory/);
    expect(await refused(['relative/dir'])).toMatch(/is not an absolute path/);
  });

  it('lets a CLI that opened the lake itself read the path it was given, and only that', async () => {
    const cli = await Lake.open({ ...opts, dataDir: path.join(base, 'data-cli'), importRoots: [], hostImportPath: archive });
    try {
      const store = createStore(cli.stores, { Name: 'cli', AdvancedEventSelectors: ALL_EVENTS });
      const rec = cli.imports.start({ store, source: { S3LocationUri: pathToFileURL(archive).href } });
      await cli.imports.idle();
      expect(cli.imports.get(rec.importId).statistics.EventsCompleted).toBe(events.length);
      expect(() => cli.imports.start({ store, source: { S3LocationUri: pathToFileURL(outside).href } })).toThrow(/is not under an import root/);
    } finally {
      cli.close();
    }
    await expect(Lake.open({ ...opts, dataDir: path.join(base, 'data-cli'), importRoots: [], hostImportPath: '/' })).rejects.toThrow(
      'Cannot import /: it is the file system root.',
    );
  });
});

describe('listing a local source', () => {
  const big = path.join(root, 'big');
  beforeAll(() => {
    for (let d = 0; d < 100; d++) {
      fs.mkdirSync(path.join(big, `d${d}`), { recursive: true });
      for (let f = 0; f < 200; f++) fs.writeFileSync(path.join(big, `d${d}`, `f${f}.json`), '');
    }
  });

  it('lists without blocking and stops when the import is stopped', async () => {
    const rec = lake.imports.start({ store, source: { S3LocationUri: pathToFileURL(big).href } });
    await new Promise((r) => setImmediate(r));
    expect(lake.imports.get(rec.importId).status).toBe('INITIALIZING'); // still listing, a turn of the event loop later
    lake.imports.stop(rec.importId);
    await lake.imports.idle();
    const done = lake.imports.get(rec.importId);
    expect(done.status).toBe('STOPPED');
    expect(done.statistics).toMatchObject({ PrefixesFound: 0, FilesCompleted: 0 }); // the listing never finished
  });

  it('gives up on a source with more entries than the limit, saying so', async () => {
    const small = await Lake.open({ ...opts, dataDir: path.join(base, 'data-small'), importLimits: { maxListEntries: 1000 } });
    try {
      const store = createStore(small.stores, { Name: 'small', AdvancedEventSelectors: ALL_EVENTS });
      const rec = small.imports.start({ store, source: { S3LocationUri: pathToFileURL(big).href } });
      await small.imports.idle();
      const done = small.imports.get(rec.importId);
      expect(done.status).toBe('FAILED');
      expect(done.failures).toEqual([
        expect.objectContaining({
          ErrorMessage: `Import source ${big} holds more than 1,000 files and directories; import a narrower directory (an account, a region or a year).`,
        }),
      ]);
    } finally {
      small.close();
    }
  });

  it('fails, rather than resumes, an import that never finished listing when the lake stopped', async () => {
    const lakeDir = path.join(base, 'data-resume');
    let l = await Lake.open({ ...opts, dataDir: lakeDir });
    const store = createStore(l.stores, { Name: 'resume', AdvancedEventSelectors: ALL_EVENTS });
    const rec = l.imports.start({ store, source: { S3LocationUri: pathToFileURL(big).href } });
    l.imports.stop(rec.importId);
    await l.imports.idle();
    l.close();
    // as a crash mid-listing leaves it
    const file = path.join(lakeDir, 'lake', 'imports', `${rec.importId}.json`);
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), status: 'INITIALIZING' }));
    l = await Lake.open({ ...opts, dataDir: lakeDir });
    try {
      await l.imports.idle();
      const after = l.imports.get(rec.importId);
      expect(after.status).toBe('FAILED');
      expect(after.failures.at(-1)?.ErrorMessage).toBe(
        'The import was interrupted while listing its source (the lake stopped); retry it to list the source again.',
      );
    } finally {
      l.close();
    }
  });
});
