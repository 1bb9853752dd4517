import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { fieldsFor, type Field, type TableShape } from '../schema';
import { sqlString, type Engine } from '../engine/duckdb';
import { readManifest, writeManifest, type DataFile } from '../storage/manifest';
import { readJson, writeFileAtomic } from '../storage/fs-atomic';
import { LineFile } from '../storage/line-file';
import { prepareRecord, RecordError } from './prepare-record';
import { rowsQuery } from './row-sql';

export interface WriteResult {
  added: number;
  duplicates: number;
  /** Records that cannot be stored: their position among the records given, and the source they came with. */
  failed: { index: number; reason: string; source?: string }[];
  files: DataFile[];
}

/** Records checked and written to spool files, not yet in the store; see `EventSpooler`. */
export interface SpooledEvents {
  /** Spool files of each UTC day, and how many records they hold. */
  days: Map<string, { files: string[]; records: number }>;
  total: number;
  failed: WriteResult['failed'];
}

/** Parquet layout of stored files. One row group per batch-day is written on one thread, the cheapest in CPU. */
const ROW_GROUP_ROWS = 100_000;
const PARQUET_OPTIONS = `FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_ROWS}`;
/** Spool files per day: DuckDB reads and converts them in parallel. */
const SPOOLS_PER_DAY = 2;

/**
 * The first half of a write, which needs no lock: checks each record as it is added and writes
 * it to a spool file of its UTC day, so memory stays flat however large the batch. A spool line
 * is `eventid TAB eventtime TAB json TAB original`; JSON text never holds a raw tab or line break.
 */
export class EventSpooler {
  private fields: Field[];
  private spools = new Map<string, LineFile[]>();
  private seen = new Set<string>(); // duplicates inside the batch; the batch size bounds this set
  private failed: WriteResult['failed'] = [];
  private index = 0;
  private total = 0;

  constructor(private tmpDir: string, shape: TableShape) {
    this.fields = fieldsFor(shape);
    fs.mkdirSync(tmpDir, { recursive: true });
  }

  /** Adds records; `source` (the log file they came from) is named with any that cannot be stored. */
  add(records: Iterable<unknown>, source?: string): void {
    for (const raw of records) {
      try {
        const rec = prepareRecord(raw, this.fields);
        this.total++;
        if (!this.seen.has(rec.eventId)) {
          this.seen.add(rec.eventId);
          this.daySpools(rec.eventTime.slice(0, 10))[this.seen.size % SPOOLS_PER_DAY].write(`${rec.eventId}\t${rec.eventTime}\t${rec.json}\t${rec.original ?? ''}`);
        }
      } catch (e) {
        if (!(e instanceof RecordError)) throw e;
        this.failed.push({ index: this.index, reason: e.message, source });
      }
      this.index++;
    }
  }

  finish(): SpooledEvents {
    for (const day of this.spools.values()) for (const s of day) s.close();
    const days = [...this.spools].map(([day, list]) => [day, { files: list.map((s) => s.file), records: list.reduce((n, s) => n + s.lines, 0) }] as const);
    return { days: new Map(days), total: this.total, failed: this.failed };
  }

  /** Removes the spool files of a batch that will not be committed. */
  discard(): void {
    discardSpooled(this.finish());
  }

  /** Spools what `fill` adds and finishes; if it throws, nothing is left behind. */
  fillWith(fill: (spooler: this) => void): SpooledEvents {
    try {
      fill(this);
    } catch (e) {
      this.discard();
      throw e;
    }
    return this.finish();
  }

  private daySpools(day: string): LineFile[] {
    let spools = this.spools.get(day);
    if (!spools) this.spools.set(day, (spools = Array.from({ length: SPOOLS_PER_DAY }, () => new LineFile(path.join(this.tmpDir, `${randomUUID()}.tsv`)))));
    return spools;
  }
}

/** Days of one batch written at once, each on its own connection: DuckDB writes a file on one thread. */
const PARALLEL_DAYS = 2;

/** The second half of a write: spooled records into the store, then the spool files are removed. */
export async function commitSpooled(engine: Pick<Engine, 'internal' | 'connect'>, opts: { storeDir: string; shape: TableShape }, spooled: SpooledEvents): Promise<WriteResult> {
  const written: DataFile[] = [];
  const extra: DuckDBConnection[] = [];
  try {
    const manifest = readManifest(opts.storeDir);
    const days = [...spooled.days.keys()].sort();
    // Files this batch may create are noted first, so a crash before the manifest commit leaves
    // nothing that recovery cannot identify and remove.
    const planned = days.map((day) => path.join('data', day, `part-${randomUUID()}.parquet`));
    writeIntent(opts.storeDir, planned);
    const writeDay = async (con: DuckDBConnection, i: number) => {
      const [day, rel] = [days[i], planned[i]];
      const target = path.join(opts.storeDir, rel);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const input = spoolQuery(spooled.days.get(day)!, opts.storeDir, manifest.files.filter((f) => f.day === day));
      await con.run(`COPY (${rowsQuery(opts.shape, input)}) TO ${sqlString(target)} (${PARQUET_OPTIONS})`);
      const [[n, lo, hi]] = (await con.runAndReadAll(`SELECT count(*), epoch_ms(min(eventtime)), epoch_ms(max(eventtime)) FROM read_parquet(${sqlString(target)})`)).getRows();
      if (!Number(n)) fs.rmSync(target); // every event of that day was stored already
      else written.push(await describeFile(con, opts.storeDir, rel, day, { rows: Number(n), minTime: Number(lo), maxTime: Number(hi) }));
    };
    let next = 0;
    const worker = async (con: DuckDBConnection) => {
      while (next < days.length) await writeDay(con, next++);
    };
    try {
      const workers = [worker(engine.internal)];
      for (let w = 1; w < Math.min(PARALLEL_DAYS, days.length); w++) {
        const con = await engine.connect();
        extra.push(con);
        workers.push(worker(con));
      }
      const failed = (await Promise.allSettled(workers)).find((r) => r.status === 'rejected');
      if (failed) throw (failed as PromiseRejectedResult).reason;
    } catch (e) {
      for (const f of written) fs.rmSync(path.join(opts.storeDir, f.file), { force: true });
      throw e;
    }
    written.sort((a, b) => planned.indexOf(a.file) - planned.indexOf(b.file));
    if (written.length) writeManifest(opts.storeDir, { version: 1, files: [...manifest.files, ...written] });
    fs.rmSync(intentFile(opts.storeDir), { force: true });
  } finally {
    for (const con of extra) con.closeSync();
    discardSpooled(spooled);
  }
  const added = written.reduce((n, f) => n + f.rows, 0);
  return { added, duplicates: spooled.total - added, failed: spooled.failed, files: written };
}

export function discardSpooled(spooled: SpooledEvents): void {
  for (const { files } of spooled.days.values()) for (const f of files) fs.rmSync(f, { force: true });
}

/**
 * One day's spooled records, minus events the store already holds on that day. They are sorted by
 * eventTime when the file will hold more than one row group, so queries can skip row groups by
 * time; within one row group order buys nothing and sorting costs a seventh of the write.
 */
function spoolQuery(day: { files: string[]; records: number }, storeDir: string, existing: DataFile[]): string {
  const columns = `{'eventid': 'VARCHAR', 'eventtime': 'TIMESTAMP', 'j': 'VARCHAR', 'e': 'VARCHAR'}`;
  const read = `read_csv([${day.files.map(sqlString).join(', ')}], delim = '\t', quote = '', escape = '', header = false, auto_detect = false, columns = ${columns}, max_line_size = 104857600)`;
  const stored = existing.map((f) => sqlString(path.join(storeDir, f.file)));
  const notStored = stored.length ? `WHERE eventid NOT IN (SELECT eventid FROM read_parquet([${stored.join(', ')}]))` : '';
  return `SELECT * FROM ${read} ${notStored} ${day.records > ROW_GROUP_ROWS ? 'ORDER BY eventtime, eventid' : ''}`;
}

/** A finished Parquet file's manifest entry: rows, time range, size, SHA-256 and bytes per column. */
export async function describeFile(con: DuckDBConnection, storeDir: string, rel: string, day: string, st: { rows: number; minTime: number; maxTime: number }): Promise<DataFile> {
  const abs = path.join(storeDir, rel);
  const meta = await con.runAndReadAll(
    `SELECT split_part(path_in_schema, ', ', 1) AS col, sum(total_compressed_size)::BIGINT AS bytes FROM parquet_metadata(${sqlString(abs)}) GROUP BY 1`,
  );
  const columnBytes: Record<string, number> = {};
  for (const [col, bytes] of meta.getRows()) columnBytes[String(col).toLowerCase()] = Number(bytes);
  const buf = fs.readFileSync(abs);
  return { file: rel, day, ...st, bytes: buf.length, sha256: createHash('sha256').update(buf).digest('hex'), columnBytes };
}


const intentFile = (storeDir: string) => path.join(storeDir, 'pending-writes.json');

function writeIntent(storeDir: string, files: string[]) {
  writeFileAtomic(intentFile(storeDir), JSON.stringify({ files }));
}

/** After a crash: removes files of a batch that never reached the manifest. Returns how many. */
export function recoverInterruptedWrite(storeDir: string): number {
  const intent = readJson<{ files: string[] }>(intentFile(storeDir));
  if (!intent) return 0;
  const listed = new Set(readManifest(storeDir).files.map((f) => f.file));
  let removed = 0;
  for (const f of intent.files) {
    if (!listed.has(f) && fs.existsSync(path.join(storeDir, f))) {
      fs.rmSync(path.join(storeDir, f), { force: true });
      removed++;
    }
  }
  fs.rmSync(intentFile(storeDir), { force: true });
  return removed;
}
