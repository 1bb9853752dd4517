import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sqlString, type Engine } from '../engine/duckdb';
import { readJson, writeFileAtomic, type KeyedMutex } from '../../util/fs-atomic';
import { readDay, type DataFile } from '../storage/manifest';
import { buildIndex } from '../storage/event-index';
import { removeFile, type StoreFiles } from '../storage/store-files';
import { describeFile, PARQUET_OPTIONS, readEventIds } from './write-events';

/** The day still being written keeps at most this many files once compaction has caught up. */
export const LIVE_DAY_FILES = 4;
/**
 * A merge of the smallest files takes in the next larger one while that is at most this many
 * times what it has gathered, so a live day's files grow geometrically (with ratio ~GROWTH) and
 * each event is rewritten about GROWTH·log_GROWTH(commits) / 2 times: ~12 for 2,880 commits.
 */
const GROWTH = 4;
/** A file this large is left alone, and one merge writes at most this many rows: each merge's I/O is bounded. */
export const MAX_MERGE_ROWS = 4_000_000;

export interface CompactionRecord {
  /** When the last compaction pass ended (epoch seconds). */
  lastAt?: number;
  /** Files merged and written by it. */
  lastMerged?: number;
  lastWritten?: number;
  lastError?: string;
}

/**
 * Which files of a day to merge next (none: the day is compact enough). A settled day (no longer
 * the store's newest, or a full compaction asked for) merges all its small files into one. The
 * newest day, still being written, keeps at most LIVE_DAY_FILES: when a commit adds one more, the
 * smallest files (the newest events) merge, taking in each next larger file that is not more than
 * GROWTH times what they have gathered, so large files are rewritten rarely.
 */
export function planMerge(files: DataFile[], settled: boolean): DataFile[] {
  const small = files.filter((f) => f.rows < MAX_MERGE_ROWS).sort((a, b) => a.rows - b.rows || a.minTime - b.minTime);
  const big = files.length - small.length;
  const room = settled ? 1 : Math.max(1, LIVE_DAY_FILES - big);
  if (small.length <= room) return [];
  const pick: DataFile[] = [];
  let rows = 0;
  for (const f of small) {
    const needed = pick.length < small.length - room + 1;
    if (!needed && f.rows > GROWTH * rows) break;
    if (rows + f.rows > MAX_MERGE_ROWS) break;
    pick.push(f);
    rows += f.rows;
  }
  return pick.length >= 2 ? pick.sort((a, b) => a.minTime - b.minTime) : [];
}

/** What a merge in progress will create and replace, in `compaction.json`, for recovery. */
interface CompactionIntent {
  day: string;
  inputs: string[];
  output: string;
}

const intentFile = (storeDir: string) => path.join(storeDir, 'compaction.json');

/** The output of a merge in progress, which verify does not count as added. */
export function compactionOutput(storeDir: string): string | undefined {
  return readJson<CompactionIntent>(intentFile(storeDir))?.output;
}

/**
 * After a crash: a merge whose manifest swap happened keeps its output (its inputs are deleted);
 * one whose swap did not loses its output (its inputs are still listed). Either way the store
 * holds each event once.
 */
export function recoverCompaction(storeDir: string): void {
  const intent = readJson<CompactionIntent>(intentFile(storeDir));
  if (!intent) return;
  const listed = new Set(readDay(storeDir, intent.day).map((f) => f.file));
  if (listed.has(intent.output)) for (const f of intent.inputs) if (!listed.has(f)) removeFile(storeDir, f);
  if (!listed.has(intent.output)) removeFile(storeDir, intent.output);
  fs.rmSync(intentFile(storeDir), { force: true });
}

export interface CompactorHost {
  engine: Pick<Engine, 'connectWriter'>;
  files: StoreFiles;
  writes: KeyedMutex;
  dirOf(storeId: string): string;
  exists(storeId: string): boolean;
}

/**
 * Background compaction: merges a day's small files into one sorted by eventTime (so row-group
 * statistics prune time windows), then swaps the day's manifest under the store's write lock.
 * The merge itself runs outside the lock on the single-threaded writer instance, one merge at a
 * time, resting as long as it worked after each, so commits and queries keep their pace.
 */
export class Compactor {
  private running = new Map<string, Promise<CompactionRecord>>();
  private again = new Set<string>();
  private records = new Map<string, CompactionRecord>();
  private stopped = false;

  constructor(
    private host: CompactorHost,
    private opts: { dutyCycle?: number } = {},
  ) {}

  /** Starts a background pass over a store unless one is running (which then runs once more). */
  schedule(storeId: string): void {
    if (this.running.has(storeId)) {
      this.again.add(storeId);
      return;
    }
    void this.compact(storeId).catch(() => undefined);
  }

  record(storeId: string): CompactionRecord {
    return this.records.get(storeId) ?? readJson<CompactionRecord>(path.join(this.host.dirOf(storeId), 'compaction-state.json')) ?? {};
  }

  /** No new merge starts (the lake is closing); one in progress fails and leaves the store as before it. */
  stop(): void {
    this.stopped = true;
  }

  /** Every pass running now, finished. */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running.values()]);
  }

  /** Merges until no day of the store needs it; `full` settles the newest day too. */
  compact(storeId: string, opts: { full?: boolean } = {}): Promise<CompactionRecord> {
    const prev = this.running.get(storeId);
    if (prev) return prev.then(() => this.compact(storeId, opts));
    const run = this.pass(storeId, !!opts.full).finally(() => {
      this.running.delete(storeId);
      if (this.again.delete(storeId)) this.schedule(storeId);
    });
    this.running.set(storeId, run);
    return run;
  }

  private async pass(storeId: string, full: boolean): Promise<CompactionRecord> {
    const rec: CompactionRecord = { lastMerged: 0, lastWritten: 0 };
    try {
      for (;;) {
        if (this.stopped || !this.host.exists(storeId)) break;
        const next = this.nextMerge(storeId, full);
        if (!next) break;
        const started = Date.now();
        if (await this.merge(storeId, next.day, next.inputs)) {
          rec.lastMerged! += next.inputs.length;
          rec.lastWritten!++;
        }
        const worked = Date.now() - started;
        const duty = this.opts.dutyCycle ?? 0.5;
        await new Promise((r) => setTimeout(r, Math.min(5_000, (worked * (1 - duty)) / duty)));
      }
    } catch (e) {
      if (this.stopped) return rec;
      rec.lastError = (e as Error).message;
      console.error(`[lake] compaction of store ${storeId} failed:`, e);
    }
    if (!rec.lastMerged && !rec.lastError && !full) return this.record(storeId); // a background pass with nothing to do is not news
    rec.lastAt = Date.now() / 1000;
    this.records.set(storeId, rec);
    if (this.host.exists(storeId)) writeFileAtomic(path.join(this.host.dirOf(storeId), 'compaction-state.json'), JSON.stringify(rec), { durable: false });
    return rec;
  }

  private nextMerge(storeId: string, full: boolean): { day: string; inputs: DataFile[] } | undefined {
    const days = [...this.host.files.days(storeId).keys()].sort();
    const newest = days[days.length - 1];
    for (const day of days) {
      const inputs = planMerge(this.host.files.day(storeId, day), full || day !== newest);
      if (inputs.length) return { day, inputs };
    }
    return undefined;
  }

  /** One merge; false when the inputs changed meanwhile (retention dropped the day) and the output was discarded. */
  private async merge(storeId: string, day: string, inputs: DataFile[]): Promise<boolean> {
    const dir = this.host.dirOf(storeId);
    const output = path.join('data', day, `compact-${randomUUID()}.parquet`);
    const abs = path.join(dir, output);
    writeFileAtomic(intentFile(dir), JSON.stringify({ day, inputs: inputs.map((f) => f.file), output } satisfies CompactionIntent));
    const con = await this.host.engine.connectWriter();
    try {
      const list = inputs.map((f) => sqlString(path.join(dir, f.file))).join(', ');
      await con.run(`COPY (SELECT * FROM read_parquet([${list}]) ORDER BY eventtime, eventid) TO ${sqlString(abs)} (${PARQUET_OPTIONS})`);
      const rows = inputs.reduce((n, f) => n + f.rows, 0);
      const [[n]] = (await con.runAndReadAll(`SELECT count(*) FROM read_parquet(${sqlString(abs)})`)).getRows();
      if (Number(n) !== rows) throw new Error(`compaction of ${day} wrote ${n} rows of ${rows}`);
      const described = await describeFile(con, dir, output, day, {
        rows,
        minTime: Math.min(...inputs.map((f) => f.minTime)),
        maxTime: Math.max(...inputs.map((f) => f.maxTime)),
      });
      this.host.files.saveIndex(storeId, output, buildIndex(await readEventIds(con, abs)));
      return await this.host.writes.run(storeId, async () => {
        const current = this.host.files.day(storeId, day);
        const names = new Set(current.map((f) => f.file));
        if (!inputs.every((f) => names.has(f.file))) {
          removeFile(dir, output);
          return false;
        }
        const merged = new Set(inputs.map((f) => f.file));
        const at = current.findIndex((f) => merged.has(f.file));
        const next = current.filter((f) => !merged.has(f.file));
        next.splice(at, 0, described);
        this.host.files.replaceDay(storeId, day, next);
        return true;
      });
    } catch (e) {
      removeFile(dir, output);
      throw e;
    } finally {
      con.closeSync();
      fs.rmSync(intentFile(dir), { force: true });
    }
  }
}
