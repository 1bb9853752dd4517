import path from 'node:path';
import { readJson, writeFileAtomic } from './fs-atomic';
import type { TimeBounds } from '../sql/time-bounds';

/** One immutable Parquet file of a store, as its manifest lists it. */
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

export interface Manifest {
  version: 1;
  files: DataFile[];
}

const MANIFEST = 'manifest.json';

export function readManifest(storeDir: string): Manifest {
  return readJson<Manifest>(path.join(storeDir, MANIFEST)) ?? { version: 1, files: [] };
}

export function writeManifest(storeDir: string, m: Manifest): void {
  writeFileAtomic(path.join(storeDir, MANIFEST), JSON.stringify(m));
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
