import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import type { DuckDBConnection } from '../engine/duckdb-api';
import { fieldsFor, type Field, type TableShape } from '../schema';
import { sqlString, type Engine } from '../engine/duckdb';
import { readManifest, type DataFile } from '../storage/manifest';
import { readJson, writeFileAtomic } from '../../util/fs-atomic';
import { buildIndex, contains, idHash } from '../storage/event-index';
import { removeFile, type StoreFiles } from '../storage/store-files';
import { LineFile } from '../storage/line-file';
import { identifyChecked, prepareRecord, RecordError, type PreparedRecord } from './prepare-record';
import { rowsQuery } from './row-sql';
import type { RecordBatch } from './record-batch';

export interface WriteResult {
  added: number;
  duplicates: number;
  /** Records that cannot be stored: their position among the records given, and the source they came with. */
  failed: { index: number; reason: string; source?: string }[];
  files: DataFile[];
}

/** Which records a store takes: `wants` sees the raw record, `inWindow` its eventTime (epoch ms). */
export interface RecordFilter {
  wants(raw: unknown): boolean;
  inWindow(eventTimeMs: number): boolean;
}

/** Records checked and written to spool files, not yet in the store; see `EventSpooler`. */
export interface SpooledEvents {
  /** Spool files of each UTC day, and how many records each holds; none is empty. */
  days: Map<string, { file: string; records: number }[]>;
  /** The distinct eventIDs spooled for each day, to look up in the day's eventID indexes. */
  ids: Map<string, string[]>;
  total: number;
  failed: WriteResult['failed'];
}

/** Parquet layout of stored files. One row group per batch-day is written on one thread, the cheapest in CPU. */
const ROW_GROUP_ROWS = 100_000;
export const PARQUET_OPTIONS = `FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_ROWS}`;
/** Spool files per day: DuckDB reads and converts them in parallel. */
const SPOOLS_PER_DAY = 2;

/**
 * The first half of a write, which needs no lock: checks each record as it is added and writes
 * it to a spool file of its UTC day, so memory stays flat however large the batch. A spool line
 * is `eventid TAB eventtime TAB checksum TAB json TAB original`; JSON text never holds a raw tab or line break.
 */
export class EventSpooler {
  private fields: Field[];
  private spools = new Map<string, LineFile[]>();
  private seen = new Set<string>(); // duplicates inside the batch; the batch size bounds this set
  private ids = new Map<string, string[]>();
  private failed: WriteResult['failed'] = [];
  private index = 0;
  private total = 0;

  constructor(
    private tmpDir: string,
    shape: TableShape,
  ) {
    this.fields = fieldsFor(shape);
    fs.mkdirSync(tmpDir, { recursive: true });
  }

  /**
   * Adds a batch's records; `source` (the log file they came from) is named with any that cannot
   * be stored. Records `keep` refuses are skipped as if they had not been given.
   */
  add(batch: RecordBatch<unknown>, source?: string, keep?: RecordFilter): void {
    const { records, texts, checksums, textBytes, verbatim } = batch;
    for (let i = 0; i < records.length; i++) {
      const raw = records[i];
      if (keep && !keep.wants(raw)) continue;
      try {
        const checked = verbatim[i] && textBytes[i];
        const rec = checked ? identifyChecked(raw as Record<string, unknown>, checksums[i]!) : prepareRecord(raw, this.fields, texts[i], checksums[i]);
        if (keep && !keep.inWindow(rec.eventTimeMs)) continue;
        this.total++;
        if (!this.seen.has(rec.eventId)) {
          this.seen.add(rec.eventId);
          // by time of day, so each spool, when written as a file of its own, covers a narrower time range
          const spool = Math.floor((Number(rec.eventTime.slice(11, 13)) * SPOOLS_PER_DAY) / 24);
          const fields = checked ? [rec.eventId, rec.eventTime, rec.checksum, checked, ''] : this.fieldsOf(rec as PreparedRecord, textBytes[i]);
          const day = rec.eventTime.slice(0, 10);
          this.daySpools(day)[spool].writeFields(fields);
          this.ids.get(day)!.push(rec.eventId);
        }
      } catch (e) {
        if (!(e instanceof RecordError)) throw e;
        this.failed.push({ index: this.index, reason: `record ${i + 1}: ${e.message}`, source });
      }
      this.index++;
    }
  }

  /** Ends the spool files once their last bytes are written. */
  async finish(): Promise<SpooledEvents> {
    const days = new Map<string, { file: string; records: number }[]>();
    const spools = [...this.spools];
    this.spools.clear();
    const ended = await Promise.allSettled(spools.flatMap(([, list]) => list.map((s) => s.end())));
    const failed = ended.find((r) => r.status === 'rejected');
    for (const [day, list] of spools) {
      for (const s of list.filter((x) => !x.lines || failed)) fs.rmSync(s.file, { force: true });
      days.set(
        day,
        list.filter((x) => x.lines).map((x) => ({ file: x.file, records: x.lines })),
      );
    }
    if (failed) throw (failed as PromiseRejectedResult).reason;
    return { days, ids: this.ids, total: this.total, failed: this.failed };
  }

  /** Removes the spool files of a batch that will not be committed. */
  async discard(): Promise<void> {
    discardSpooled(await this.finish().catch(() => ({ days: new Map(), ids: new Map(), total: 0, failed: [] })));
  }

  /** Spools what `fill` adds and finishes; if it throws, nothing is left behind. */
  async fillWith(fill: (spooler: this) => void): Promise<SpooledEvents> {
    try {
      fill(this);
    } catch (e) {
      await this.discard();
      throw e;
    }
    return this.finish();
  }

  /** A parsed record's spool fields; the record as read goes in as the file's bytes where there are any. */
  private fieldsOf(rec: PreparedRecord, bytes: Uint8Array | undefined): (string | Uint8Array)[] {
    const asRead = bytes ?? rec.original ?? rec.json;
    return rec.original === undefined ? [rec.eventId, rec.eventTime, rec.checksum, asRead, ''] : [rec.eventId, rec.eventTime, rec.checksum, rec.json, asRead];
  }

  private daySpools(day: string): LineFile[] {
    let spools = this.spools.get(day);
    if (!spools) this.ids.set(day, []);
    if (!spools)
      this.spools.set(
        day,
        (spools = Array.from({ length: SPOOLS_PER_DAY }, () => new LineFile(path.join(this.tmpDir, `${randomUUID()}.tsv`), { background: true }))),
      );
    return spools;
  }
}

/** Files of one batch written at once, each on its own connection to the single-threaded writer instance. */
const PARALLEL_WRITES = 2;
/** A day with more spooled records than this is written as one file per spool, in parallel. */
const SPLIT_RECORDS = 16_000;

/** One file to write: spool files of one day. */
interface Part {
  day: string;
  spools: string[];
  records: number;
  file: string;
}

function partsOf(spooled: SpooledEvents): Part[] {
  const file = (day: string) => path.join('data', day, `part-${randomUUID()}.parquet`);
  return [...spooled.days.keys()].sort().flatMap((day) => {
    const spools = spooled.days.get(day)!;
    const records = spools.reduce((n, s) => n + s.records, 0);
    if (records <= SPLIT_RECORDS) return [{ day, spools: spools.map((s) => s.file), records, file: file(day) }];
    return spools.map((s) => ({ day, spools: [s.file], records: s.records, file: file(day) }));
  });
}

/** Where a commit goes: the store, and the lake's view of its files. */
export interface CommitTarget {
  storeId: string;
  storeDir: string;
  shape: TableShape;
  files: StoreFiles;
}

/**
 * The second half of a write: spooled records into the store, then the spool files are removed.
 * Runs under the store's write lock. Each day the batch touches gets its new files and its
 * manifest rewritten; no other day is read or written, and the at-most-once check reads only
 * files whose eventID index holds one of the batch's IDs.
 */
export async function commitSpooled(engine: Pick<Engine, 'connectWriter'>, target: CommitTarget, spooled: SpooledEvents): Promise<WriteResult> {
  const { storeId, storeDir, files } = target;
  const written: DataFile[] = [];
  const connections: DuckDBConnection[] = [];
  const connect = async () => {
    const con = await engine.connectWriter();
    connections.push(con);
    return con;
  };
  try {
    const parts = partsOf(spooled);
    // Files this batch may create are noted first, so a crash before the manifest commit leaves
    // nothing that recovery cannot identify and remove.
    writeIntent(
      storeDir,
      parts.map((p) => p.file),
    );
    const first = await connect();
    const holding = new Map<string, DataFile[]>();
    for (const day of spooled.days.keys()) holding.set(day, await filesHolding(target, day, spooled.ids.get(day) ?? [], (abs) => readEventIds(first, abs)));
    const writePart = async (con: DuckDBConnection, part: Part) => {
      const abs = path.join(storeDir, part.file);
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      await con.run(`COPY (${rowsQuery(target.shape, spoolQuery(part, storeDir, holding.get(part.day)!))}) TO ${sqlString(abs)} (${PARQUET_OPTIONS})`);
      const [[n, lo, hi]] = (
        await con.runAndReadAll(`SELECT count(*), epoch_ms(min(eventtime)), epoch_ms(max(eventtime)) FROM read_parquet(${sqlString(abs)})`)
      ).getRows();
      if (!Number(n)) return fs.rmSync(abs); // every event of that day was stored already
      const described = await describeFile(con, storeDir, part.file, part.day, { rows: Number(n), minTime: Number(lo), maxTime: Number(hi) });
      files.saveIndex(storeId, part.file, buildIndex(await readEventIds(con, abs)));
      written.push(described);
    };
    let next = 0;
    const worker = async (con: DuckDBConnection) => {
      while (next < parts.length) await writePart(con, parts[next++]);
    };
    try {
      const workers = [worker(first)];
      for (let w = 1; w < Math.min(PARALLEL_WRITES, parts.length); w++) workers.push(worker(await connect()));
      const failed = (await Promise.allSettled(workers)).find((r) => r.status === 'rejected');
      if (failed) throw (failed as PromiseRejectedResult).reason;
    } catch (e) {
      for (const f of written) removeFile(storeDir, f.file);
      throw e;
    }
    const order = parts.map((p) => p.file);
    written.sort((a, b) => order.indexOf(a.file) - order.indexOf(b.file));
    for (const day of new Set(written.map((f) => f.day))) files.replaceDay(storeId, day, [...files.day(storeId, day), ...written.filter((f) => f.day === day)]);
    fs.rmSync(intentFile(storeDir), { force: true });
  } finally {
    for (const con of connections) con.closeSync();
    discardSpooled(spooled);
  }
  const added = written.reduce((n, f) => n + f.rows, 0);
  return { added, duplicates: spooled.total - added, failed: spooled.failed, files: written };
}

/** Files of `day` whose eventID index holds one of `ids`: the only ones a commit must read. */
async function filesHolding(target: CommitTarget, day: string, ids: string[], readIds: (abs: string) => Promise<string[]>): Promise<DataFile[]> {
  const existing = target.files.day(target.storeId, day);
  if (!existing.length || !ids.length) return [];
  const hashes = ids.map(idHash);
  const out: DataFile[] = [];
  for (const f of existing) {
    const idx = await target.files.index(target.storeId, f, readIds);
    if (hashes.some((h) => contains(idx, h))) out.push(f);
  }
  return out;
}

/** The eventIDs a Parquet file holds. */
export async function readEventIds(con: DuckDBConnection, absFile: string): Promise<string[]> {
  const rows = (await con.runAndReadAll(`SELECT eventid FROM read_parquet(${sqlString(absFile)})`)).getColumns()[0] ?? [];
  return rows.map(String);
}

export function discardSpooled(spooled: SpooledEvents): void {
  for (const spools of spooled.days.values()) for (const s of spools) fs.rmSync(s.file, { force: true });
}

/**
 * A part's spooled records, minus events the store already holds on that day. They are sorted by
 * eventTime when the file will hold more than one row group, so queries can skip row groups by
 * time; within one row group order buys nothing and sorting costs a seventh of the write.
 */
function spoolQuery(part: Part, storeDir: string, existing: DataFile[]): string {
  const columns = `{'eventid': 'VARCHAR', 'eventtime': 'TIMESTAMP', 'c': 'VARCHAR', 'j': 'VARCHAR', 'e': 'VARCHAR'}`;
  const read = `read_csv([${part.spools.map(sqlString).join(', ')}], delim = '\t', quote = '', escape = '', header = false, auto_detect = false, columns = ${columns}, max_line_size = 104857600)`;
  const stored = existing.map((f) => sqlString(path.join(storeDir, f.file)));
  const notStored = stored.length ? `WHERE eventid NOT IN (SELECT eventid FROM read_parquet([${stored.join(', ')}]))` : '';
  return `SELECT * FROM ${read} ${notStored} ${part.records > ROW_GROUP_ROWS ? 'ORDER BY eventtime, eventid' : ''}`;
}

/** A finished Parquet file's manifest entry: rows, time range, size, SHA-256 and bytes per column. */
export async function describeFile(
  con: DuckDBConnection,
  storeDir: string,
  rel: string,
  day: string,
  st: { rows: number; minTime: number; maxTime: number },
): Promise<DataFile> {
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
    if (listed.has(f)) continue;
    if (fs.existsSync(path.join(storeDir, f))) removed++;
    removeFile(storeDir, f);
  }
  fs.rmSync(intentFile(storeDir), { force: true });
  return removed;
}
