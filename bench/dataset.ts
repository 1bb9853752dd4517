import fs from 'node:fs';
import path from 'node:path';
import { Lake } from '../lib/lake/lake';
import { generateEvents } from '../lib/lake/demo/generate-events';

/**
 * The benchmark's data: N generated events over the 30 days before generation, in one store of a
 * lake of its own. Built once per event count in `.tmp/bench-<N>/` and reused by later runs.
 */
const DAY_MS = 86_400_000;
const META = 'bench-dataset.json';
const LAKE_OPTS = { region: 'us-east-1', accountId: '123456789012' };

export interface DatasetMeta {
  events: number;
  storeId: string;
  /** The generated window [start, end), ISO. */
  start: string;
  end: string;
  added: number;
  files: number;
  parquetBytes: number;
  /** Peak size of the lake's NDJSON spool files (the temporary disk an append needs besides the Parquet). */
  spoolBytes: number;
  ingest: IngestTiming;
  builtAt: string;
}

/** Where ingest time went: the generator, normalising and spooling rows, writing Parquet. */
export interface IngestTiming { totalMs: number; generateMs: number; spoolMs: number; parquetMs: number }

export interface Dataset {
  lake: Lake;
  meta: DatasetMeta;
  dir: string;
  /** True when this run generated the data (so the ingest timing is from this run). */
  fresh: boolean;
}

export function datasetDir(events: number): string {
  return path.resolve('.tmp', `bench-${events}`);
}

export async function openDataset(events: number, log: (s: string) => void): Promise<Dataset> {
  const dir = datasetDir(events);
  let meta = readMeta(dir, events);
  const fresh = !meta;
  if (!meta) meta = await build(dir, events, log);
  // Earlier runs' query results are not part of the data: start every run without them.
  fs.rmSync(path.join(dir, 'lake', 'queries'), { recursive: true, force: true });
  const lake = await Lake.open({ dataDir: dir, ...LAKE_OPTS });
  return { lake, meta, dir, fresh };
}

function readMeta(dir: string, events: number): DatasetMeta | undefined {
  try {
    const meta = JSON.parse(fs.readFileSync(path.join(dir, META), 'utf8')) as DatasetMeta;
    return meta.events === events && fs.existsSync(path.join(dir, 'lake', 'stores', meta.storeId, 'manifest.json')) ? meta : undefined;
  } catch {
    return undefined;
  }
}

/** Builds in a scratch directory and renames it into place only when complete. */
async function build(dir: string, events: number, log: (s: string) => void): Promise<DatasetMeta> {
  const scratch = `${dir}.building-${process.pid}`;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  const lake = await Lake.open({ dataDir: scratch, ...LAKE_OPTS });
  try {
    const store = lake.stores.create({ name: `bench-${events}`, terminationProtectionEnabled: false });
    const end = new Date();
    const start = new Date(end.getTime() - 30 * DAY_MS);
    log(`generating and ingesting ${events.toLocaleString('en-US')} events into ${path.relative(process.cwd(), dir)}/ ...`);
    let spoolBytes = 0;
    const gen = timedIterable(generateEvents({ count: events, start, end, seed: 42 }), events, log, () => (spoolBytes = dirBytes(path.join(scratch, 'lake', 'tmp'))));
    const t0 = performance.now();
    const result = await lake.appendEvents(store.id, gen);
    const totalMs = performance.now() - t0;
    const iterMs = gen.finishedAt() - t0;
    const ingest = { totalMs, generateMs: gen.insideMs(), spoolMs: iterMs - gen.insideMs(), parquetMs: totalMs - iterMs - gen.doneMs() };
    if (result.failed.length) throw new Error(`ingest rejected ${result.failed.length} records, first: ${result.failed[0].reason}`);
    const manifest = lake.manifest(store.id);
    const meta: DatasetMeta = {
      events,
      storeId: store.id,
      start: start.toISOString(),
      end: end.toISOString(),
      added: result.added,
      files: manifest.files.length,
      parquetBytes: manifest.files.reduce((n, f) => n + f.bytes, 0),
      spoolBytes,
      ingest,
      builtAt: new Date().toISOString(),
    };
    fs.writeFileSync(path.join(scratch, META), JSON.stringify(meta, null, 2));
    return meta;
  } finally {
    lake.close();
    if (fs.existsSync(path.join(scratch, META))) fs.renameSync(scratch, dir);
    else fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function dirBytes(dir: string): number {
  let n = 0;
  for (const f of fs.readdirSync(dir, { withFileTypes: true })) if (f.isFile()) n += fs.statSync(path.join(dir, f.name)).size;
  return n;
}

/** Wraps a generator, adding up the time spent inside it, logging progress and calling onDone (untimed) at its end. */
function timedIterable<T>(it: Iterator<T>, total: number, log: (s: string) => void, onDone: () => void) {
  let inside = 0;
  let done = 0;
  let finished = 0;
  let doneMs = 0;
  const step = Math.max(1, Math.round(total / 10));
  const t0 = performance.now();
  return {
    insideMs: () => inside,
    finishedAt: () => finished,
    doneMs: () => doneMs,
    [Symbol.iterator]() {
      return {
        next(): IteratorResult<T> {
          const t = performance.now();
          const r = it.next();
          const now = performance.now();
          inside += now - t;
          if (r.done) {
            finished = now;
            onDone();
            doneMs = performance.now() - now;
          } else if (++done % step === 0) log(`  ${done.toLocaleString('en-US')} events read (${Math.round(done / ((now - t0) / 1000)).toLocaleString('en-US')}/s)`);
          return r;
        },
      };
    },
  };
}
