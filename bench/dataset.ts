import fs from 'node:fs';
import path from 'node:path';
import { Lake } from '../lib/lake/lake';
import { generateEvents } from '../lib/lake/demo/generate-events';
import { describeFile } from '../lib/lake/ingest/write-events';
import { groupByDay, writeDay, type DataFile } from '../lib/lake/storage/manifest';
import { sqlString } from '../lib/lake/engine/duckdb';
import { DAY_MS } from '../lib/util/time';

/**
 * The benchmark's data: N generated events over the 30 days before generation, in one store of a
 * lake of its own. Built once per event count in `.tmp/bench-<N>/` and reused by later runs.
 */
const META = 'bench-dataset.json';
// No background compaction: the query sections measure the files one bulk ingest writes (the steady-state section measures compaction).
const LAKE_OPTS = { region: 'us-east-1', accountId: '123456789012', backgroundCompaction: false };

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
  /** Set when the dataset is this many generated events, replicated. */
  replicatedFrom?: number;
  builtAt: string;
}

/** Where ingest time went: the generator, normalising and spooling rows, writing Parquet. */
export interface IngestTiming {
  totalMs: number;
  generateMs: number;
  spoolMs: number;
  parquetMs: number;
}

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
  if (!meta) meta = events > REPLICATE_ABOVE && events % REPLICATE_ABOVE === 0 ? await replicate(dir, events, log) : await build(dir, events, log);
  // Earlier runs' query results are not part of the data: start every run without them.
  fs.rmSync(path.join(dir, 'lake', 'queries'), { recursive: true, force: true });
  const lake = await Lake.open({ dataDir: dir, ...LAKE_OPTS });
  return { lake, meta, dir, fresh };
}

function readMeta(dir: string, events: number): DatasetMeta | undefined {
  try {
    const meta = JSON.parse(fs.readFileSync(path.join(dir, META), 'utf8')) as DatasetMeta;
    return meta.events === events && ['manifests', 'manifest.json'].some((m) => fs.existsSync(path.join(dir, 'lake', 'stores', meta.storeId, m)))
      ? meta
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Above this many events the dataset is the generated one of this size, replicated: ingesting
 * 10M events one by one would take most of an hour here, and the queries measure the same shape.
 */
const REPLICATE_ABOVE = 1_000_000;

/**
 * N = k × 1M events: every row of the 1M dataset k times (fresh eventIDs, same times), written
 * per day straight to Parquet by DuckDB and described for the manifest as the lake does.
 */
async function replicate(dir: string, events: number, log: (s: string) => void): Promise<DatasetMeta> {
  const copies = events / REPLICATE_ABOVE;
  const base = await openDataset(REPLICATE_ABOVE, log);
  const baseStoreDir = base.lake.stores.dir(base.meta.storeId);
  const baseFiles = base.lake.manifest(base.meta.storeId).files;
  base.lake.close();
  return inScratch(dir, async (lake) => {
    const store = lake.stores.create({ name: `bench-${events}`, terminationProtectionEnabled: false });
    const storeDir = lake.stores.dir(store.id);
    log(`replicating the ${REPLICATE_ABOVE.toLocaleString('en-US')}-event dataset ${copies}× into ${path.relative(process.cwd(), dir)}/ ...`);
    const t0 = performance.now();
    const con = await lake.engine.connect();
    const files: DataFile[] = [];
    try {
      for (const f of baseFiles) {
        const rel = path.join('data', f.day, `part-${files.length}.parquet`);
        fs.mkdirSync(path.join(storeDir, path.dirname(rel)), { recursive: true });
        await con.run(`COPY (SELECT * REPLACE (CASE WHEN r = 0 THEN eventid ELSE CAST(uuid() AS VARCHAR) END AS eventid)
          FROM read_parquet(${sqlString(path.join(baseStoreDir, f.file))}) CROSS JOIN range(${copies}) AS t(r) ORDER BY eventtime)
          TO ${sqlString(path.join(storeDir, rel))} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`);
        files.push(await describeFile(con, storeDir, rel, f.day, { rows: f.rows * copies, minTime: f.minTime, maxTime: f.maxTime }));
        log(`  ${f.day}: ${(f.rows * copies).toLocaleString('en-US')} events`);
      }
    } finally {
      con.closeSync();
    }
    for (const [day, dayFiles] of groupByDay(files)) writeDay(storeDir, day, dayFiles);
    const totalMs = performance.now() - t0;
    const meta: DatasetMeta = {
      ...base.meta,
      events,
      storeId: store.id,
      added: base.meta.added * copies,
      files: files.length,
      parquetBytes: files.reduce((n, f) => n + f.bytes, 0),
      spoolBytes: 0,
      ingest: { totalMs, generateMs: 0, spoolMs: 0, parquetMs: totalMs },
      replicatedFrom: REPLICATE_ABOVE,
      builtAt: new Date().toISOString(),
    };
    return meta;
  });
}

/** Generates and ingests the events. */
async function build(dir: string, events: number, log: (s: string) => void): Promise<DatasetMeta> {
  return inScratch(dir, async (lake, scratch) => {
    const store = lake.stores.create({ name: `bench-${events}`, terminationProtectionEnabled: false });
    const end = new Date();
    const start = new Date(end.getTime() - 30 * DAY_MS);
    log(`generating and ingesting ${events.toLocaleString('en-US')} events into ${path.relative(process.cwd(), dir)}/ ...`);
    let spoolBytes = 0;
    const gen = timedIterable(
      generateEvents({ count: events, start, end, seed: 42 }),
      events,
      log,
      () => (spoolBytes = dirBytes(path.join(scratch, 'lake', 'tmp'))),
    );
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
    return meta;
  });
}

/** Fills a new lake in a scratch directory and renames it into place only when complete. */
async function inScratch(dir: string, fill: (lake: Lake, scratch: string) => Promise<DatasetMeta>): Promise<DatasetMeta> {
  const scratch = `${dir}.building-${process.pid}`;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  const lake = await Lake.open({ dataDir: scratch, ...LAKE_OPTS });
  try {
    const meta = await fill(lake, scratch);
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
          } else if (++done % step === 0)
            log(`  ${done.toLocaleString('en-US')} events read (${Math.round(done / ((now - t0) / 1000)).toLocaleString('en-US')}/s)`);
          return r;
        },
      };
    },
  };
}
