import fs from 'node:fs';
import path from 'node:path';
import { readJson, writeFileAtomic } from '../../util/fs-atomic';
import { buildIndex, indexPath, readIndex, writeIndex } from './event-index';
import { manifestDays, migrateManifest, readDay, writeDay, type DataFile, type Manifest } from './manifest';

/** Reads a Parquet file's eventIDs, to rebuild its index. */
export type ReadEventIds = (absFile: string) => Promise<string[]>;

const RETIRED = 'retired.json';
/** Hashes of eventID indexes kept in memory (8 bytes each) before the cache starts over. */
const INDEX_CACHE_HASHES = 4_000_000;

/**
 * The lake's view of its stores' files: the day manifests (read once, then kept in memory and
 * written through), the eventID index of each file, and which files running queries read.
 * A file dropped from a manifest (by compaction or retention) is "retired": it is deleted once
 * no query that started before holds it, and `retired.json` remembers it across a crash.
 * One process owns a lake (see owner.ts), so the memory copy cannot go stale.
 */
export class StoreFiles {
  private stores = new Map<string, Map<string, DataFile[]>>();
  private flat = new Map<string, Manifest>();
  private leases = new Map<string, number>();
  private retired = new Map<string, Set<string>>();
  private indexes = new Map<string, BigUint64Array>();
  private indexHashes = 0;

  constructor(private dirOf: (storeId: string) => string) {}

  /** After a start: migrates an old manifest, and deletes what was retired before a crash. */
  recover(storeId: string): void {
    const dir = this.dirOf(storeId);
    migrateManifest(dir);
    const listed = new Set(this.manifest(storeId).files.map((f) => f.file));
    for (const rel of readJson<string[]>(path.join(dir, RETIRED)) ?? []) if (!listed.has(rel)) removeFile(dir, rel);
    fs.rmSync(path.join(dir, RETIRED), { force: true });
  }

  /** Days with files, and their files. */
  days(storeId: string): Map<string, DataFile[]> {
    let days = this.stores.get(storeId);
    if (!days) {
      const dir = this.dirOf(storeId);
      days = new Map(manifestDays(dir).map((d) => [d, readDay(dir, d)]));
      this.stores.set(storeId, days);
    }
    return days;
  }

  day(storeId: string, day: string): DataFile[] {
    return this.days(storeId).get(day) ?? [];
  }

  manifest(storeId: string): Manifest {
    let m = this.flat.get(storeId);
    if (!m) {
      const days = [...this.days(storeId)].sort(([a], [b]) => a.localeCompare(b));
      this.flat.set(storeId, (m = { files: days.flatMap(([, files]) => files) }));
    }
    return m;
  }

  /** Commits one day's new list of files (atomically on disk), and retires the files it drops. */
  replaceDay(storeId: string, day: string, files: DataFile[]): void {
    const dir = this.dirOf(storeId);
    const before = this.day(storeId, day);
    writeDay(dir, day, files);
    const days = this.days(storeId);
    if (files.length) days.set(day, files);
    else days.delete(day);
    this.flat.delete(storeId);
    const kept = new Set(files.map((f) => f.file));
    const dropped = before.filter((f) => !kept.has(f.file));
    if (dropped.length)
      this.retire(
        storeId,
        dropped.map((f) => f.file),
      );
  }

  /** Forgets a purged store. */
  forget(storeId: string): void {
    this.stores.delete(storeId);
    this.flat.delete(storeId);
    this.retired.delete(storeId);
  }

  /** Marks files as read by a query until the returned function is called. */
  lease(absFiles: string[]): () => void {
    for (const f of absFiles) this.leases.set(f, (this.leases.get(f) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const f of absFiles) {
        const n = (this.leases.get(f) ?? 1) - 1;
        if (n > 0) this.leases.set(f, n);
        else this.leases.delete(f);
      }
      this.deleteRetired();
    };
  }

  /** Files retired but still read by a query. */
  retiredCount(storeId: string): number {
    return this.retired.get(storeId)?.size ?? 0;
  }

  private retire(storeId: string, rels: string[]): void {
    let set = this.retired.get(storeId);
    if (!set) this.retired.set(storeId, (set = new Set()));
    for (const r of rels) set.add(r);
    this.saveRetired(storeId);
    this.deleteRetired();
  }

  private deleteRetired(): void {
    for (const [storeId, set] of this.retired) {
      const dir = this.dirOf(storeId);
      let changed = false;
      for (const rel of set) {
        if (this.leases.has(path.join(dir, rel))) continue;
        removeFile(dir, rel);
        this.dropIndex(path.join(dir, rel));
        set.delete(rel);
        changed = true;
      }
      if (changed) this.saveRetired(storeId);
    }
  }

  private saveRetired(storeId: string): void {
    const dir = this.dirOf(storeId);
    const set = this.retired.get(storeId);
    if (set?.size) writeFileAtomic(path.join(dir, RETIRED), JSON.stringify([...set]));
    else fs.rmSync(path.join(dir, RETIRED), { force: true });
  }

  /** A file's eventID index: from memory, else from disk, else rebuilt from the file. */
  async index(storeId: string, f: DataFile, readIds: ReadEventIds): Promise<BigUint64Array> {
    const dir = this.dirOf(storeId);
    const abs = path.join(dir, f.file);
    let idx = this.indexes.get(abs) ?? readIndex(indexPath(dir, f.file), f.rows);
    if (!idx) {
      idx = buildIndex(await readIds(abs));
      writeIndex(indexPath(dir, f.file), idx);
    }
    this.keepIndex(abs, idx);
    return idx;
  }

  /** Writes a new file's index (before its manifest commit) and keeps it in memory. */
  saveIndex(storeId: string, rel: string, idx: BigUint64Array): void {
    const dir = this.dirOf(storeId);
    writeIndex(indexPath(dir, rel), idx);
    this.keepIndex(path.join(dir, rel), idx);
  }

  private keepIndex(abs: string, idx: BigUint64Array) {
    if (this.indexes.has(abs)) return;
    if (this.indexHashes + idx.length > INDEX_CACHE_HASHES) {
      this.indexes.clear();
      this.indexHashes = 0;
    }
    this.indexes.set(abs, idx);
    this.indexHashes += idx.length;
  }

  private dropIndex(abs: string) {
    const idx = this.indexes.get(abs);
    if (!idx) return;
    this.indexes.delete(abs);
    this.indexHashes -= idx.length;
  }
}

/** Removes a data file and its eventID index. */
export function removeFile(storeDir: string, rel: string): void {
  fs.rmSync(path.join(storeDir, rel), { force: true });
  fs.rmSync(indexPath(storeDir, rel), { force: true });
}

/** Files retired and not yet deleted (verify does not count them as added). */
export function retiredFiles(storeDir: string): string[] {
  return readJson<string[]>(path.join(storeDir, RETIRED)) ?? [];
}
