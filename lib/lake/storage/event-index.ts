import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../util/fs-atomic';

/**
 * Per-file eventID index: the sorted 64-bit hashes of the eventIDs a Parquet file holds, kept
 * beside it in `index/<day>/<name>.ids`. A commit looks its batch up here instead of reading
 * every file of the day; only files with a hit (a real duplicate, or a 1-in-2^64 collision)
 * are read to confirm. The index is derived data: a missing or damaged one is rebuilt from the
 * Parquet file, so stores written before indexes existed need no migration.
 */
export function indexPath(storeDir: string, dataFile: string): string {
  const rel = path.relative('data', dataFile).replace(/\.parquet$/, '.ids');
  return path.join(storeDir, 'index', rel);
}

/** A 64-bit hash of an eventID: two 32-bit multiplicative hashes of its UTF-16 units. */
export function idHash(id: string): bigint {
  let a = 0x811c9dc5 ^ id.length;
  let b = 0x9747b28c;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  b ^= b >>> 16;
  b = Math.imul(b, 0xc2b2ae35);
  b ^= b >>> 16;
  return (BigInt(a >>> 0) << 32n) | BigInt(b >>> 0);
}

export function buildIndex(ids: Iterable<string>): BigUint64Array {
  const hashes = BigUint64Array.from([...ids].map(idHash));
  return hashes.sort();
}

export function writeIndex(file: string, hashes: BigUint64Array): void {
  // not fsynced: a lost index is rebuilt from its Parquet file
  writeFileAtomic(file, Buffer.from(hashes.buffer, hashes.byteOffset, hashes.byteLength), { durable: false });
}

/** The index at `file`, or undefined when it is missing or not a whole number of hashes. */
export function readIndex(file: string, expectedRows: number): BigUint64Array | undefined {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  if (buf.length !== expectedRows * 8) return undefined;
  const copy = new BigUint64Array(expectedRows);
  Buffer.from(copy.buffer).set(buf);
  return copy;
}

export function contains(sorted: BigUint64Array, h: bigint): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid];
    if (v === h) return true;
    if (v < h) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
