import fs from 'node:fs';
import path from 'node:path';
import { readJson, writeFileAtomic } from '../../util/fs-atomic';
import type { TimeBounds } from '../sql/time-bounds';

/** One immutable Parquet file of a store, as its day's manifest lists it. */
export interface DataFile {
  /** Path relative to the store directory. */
  file: string;
  /** UTC day of its events, YYYY-MM-DD. */
  day: string;
  rows: number;
  minTime: number; // epoch ms
  maxTime: number;
  bytes: number;
  sha256: string;
  /** Compressed bytes of each top-level column's chunks, for BytesScanned. */
  columnBytes: Record<string, number>;
}

/** Every file of a store: the union of its day manifests. */
export interface Manifest {
  files: DataFile[];
}

/**
 * One manifest per UTC day, `manifests/<day>.json`: a commit rewrites only the days its batch
 * touches, so its cost follows the batch (and the files of those days, which compaction keeps
 * few), never the whole store. Each file is replaced atomically.
 */
interface DayManifest {
  version: 2;
  day: string;
  files: DataFile[];
}

/** The single manifest of stores written before per-day manifests; migrated on open. */
const LEGACY_MANIFEST = 'manifest.json';
const MANIFESTS = 'manifests';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const dayFile = (storeDir: string, day: string) => path.join(storeDir, MANIFESTS, `${day}.json`);

/** Days that have a manifest, sorted. */
export function manifestDays(storeDir: string): string[] {
  const dir = path.join(storeDir, MANIFESTS);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json') && DAY.test(f.slice(0, -5)))
    .map((f) => f.slice(0, -5))
    .sort();
}

export function readDay(storeDir: string, day: string): DataFile[] {
  return readJson<DayManifest>(dayFile(storeDir, day))?.files ?? [];
}

/** Replaces one day's list of files; an empty list removes the day's manifest. */
export function writeDay(storeDir: string, day: string, files: DataFile[]): void {
  if (!DAY.test(day)) throw new Error(`not a day: ${day}`);
  if (!files.length) {
    fs.rmSync(dayFile(storeDir, day), { force: true });
    return;
  }
  const m: DayManifest = { version: 2, day, files };
  writeFileAtomic(dayFile(storeDir, day), JSON.stringify(m));
}

/** Every day's files, read from disk (a store not yet migrated is read from its old manifest). */
export function readManifest(storeDir: string): Manifest {
  const legacy = readJson<Manifest>(path.join(storeDir, LEGACY_MANIFEST));
  if (legacy) return { files: legacy.files };
  return { files: manifestDays(storeDir).flatMap((d) => readDay(storeDir, d)) };
}

/** Bytes of the manifests on disk, for `trailbench stores` and the bench. */
export function manifestBytes(storeDir: string): number {
  return manifestDays(storeDir).reduce((n, d) => n + fs.statSync(dayFile(storeDir, d)).size, 0);
}

/**
 * Splits a store's old single manifest into day manifests. The old file stays the source of
 * truth until every day is written, and goes last, so a crash part-way just repeats this.
 */
export function migrateManifest(storeDir: string): boolean {
  const legacyFile = path.join(storeDir, LEGACY_MANIFEST);
  const legacy = readJson<Manifest>(legacyFile);
  if (!legacy) return false;
  const byDay = groupByDay(legacy.files);
  for (const day of manifestDays(storeDir)) if (!byDay.has(day)) writeDay(storeDir, day, []);
  for (const [day, files] of byDay) writeDay(storeDir, day, files);
  fs.rmSync(legacyFile);
  return true;
}

export function groupByDay(files: DataFile[]): Map<string, DataFile[]> {
  const out = new Map<string, DataFile[]>();
  for (const f of files) {
    let list = out.get(f.day);
    if (!list) out.set(f.day, (list = []));
    list.push(f);
  }
  return out;
}

export function filesInWindow(m: Manifest, b: TimeBounds): DataFile[] {
  return m.files.filter((f) => (b.lo === undefined || f.maxTime >= b.lo) && (b.hi === undefined || f.minTime <= b.hi));
}

/** Bytes a scan of these files reads for the given columns (all columns when 'all'). */
export function bytesFor(files: DataFile[], columns: Set<string> | 'all'): number {
  // A query that names no column (count(*)) still reads one: the smallest useful, eventtime.
  const named = columns;
  if (named !== 'all' && !files.some((f) => Object.keys(f.columnBytes).some((c) => named.has(c)))) columns = new Set(['eventtime']);
  let total = 0;
  for (const f of files) {
    for (const [col, bytes] of Object.entries(f.columnBytes)) if (columns === 'all' || columns.has(col)) total += bytes;
  }
  return total;
}
