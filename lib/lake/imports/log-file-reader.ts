import { Worker } from 'node:worker_threads';
import { recordSpans, strideOf, type ScanPlan } from './record-spans';
import { isWithin, resolveReal } from './real-path';
import { tooLarge } from './read-log-file';

/**
 * Reads and decompresses log files on a worker thread — local files it opens itself, S3 objects
 * handed to it as bytes — finds where their records are (with
 * a plan, checks them and finds their slots' values; see `record-spans.ts`) and hashes each
 * compact record's text (its eventJsonChecksum), so the main thread parses only what the scan could not vouch for.
 * Opening, reading and inflating a small file costs about as much as parsing it, and an archive
 * holds one file per region per 5 minutes.
 *
 * Each file is read only where it really is inside the import roots (`resolveReal`, checked as
 * it is opened, so a file swapped for a link after the listing is refused too), only if it is a
 * regular file (a FIFO would block the thread), and not past `maxFileBytes`, inflated or not: a
 * gzip bomb stops inflating at the cap. Messages name no path and quote nothing of the file.
 *
 * The worker's code is inline: a separate module file would have to survive Next's bundling.
 * It uses only Node's built-ins and the self-contained `recordSpans`, `resolveReal` and `isWithin`
 * (see `README.md` here).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const crypto = require('node:crypto');
const { isUtf8 } = require('node:buffer');
const NO_SUM = '-'.repeat(64);
const recordSpans = ${recordSpans.toString()};
const resolveReal = ${resolveReal.toString()};
const isWithin = ${isWithin.toString()};
const { plan, stride, roots, maxFileBytes, tooLargeMessage } = workerData;
const OPEN_FLAGS = fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK;
const fail = (file, errorType, message) => ({ file, errorType, message });
// a file's bytes, inflated when gzip, or why there are none
function readFile(file) {
  const real = resolveReal(file, fs, path);
  if (!real || !roots.some((r) => isWithin(real, r))) return fail(file, 'OutsideImportRoot', 'not read: it leads (through a symbolic link) outside the import roots');
  let fd;
  try {
    fd = fs.openSync(real, OPEN_FLAGS);
  } catch (e) {
    return fail(file, 'ReadError', 'cannot be read (' + (e.code || 'error') + ')');
  }
  let bytes;
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return fail(file, 'ReadError', 'not a regular file');
    if (st.size > maxFileBytes) return fail(file, 'FileTooLarge', tooLargeMessage);
    bytes = Buffer.allocUnsafe(st.size);
    let n = 0;
    for (let got = 1; n < st.size && got > 0; n += got) got = fs.readSync(fd, bytes, n, st.size - n, n);
    bytes = bytes.subarray(0, n);
  } catch (e) {
    return fail(file, 'ReadError', 'cannot be read (' + (e.code || 'error') + ')');
  } finally {
    fs.closeSync(fd);
  }
  return inflate(file, bytes);
}
// bytes inflated when gzip (not past the cap), or why they cannot be
function inflate(file, bytes) {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = zlib.gunzipSync(bytes, { maxOutputLength: maxFileBytes });
    } catch (e) {
      if (e.code === 'ERR_BUFFER_TOO_LARGE') return fail(file, 'FileTooLarge', tooLargeMessage);
      return fail(file, 'DecompressionError', 'not a readable gzip file: ' + e.message);
    }
  }
  return bytes;
}
// files are read from disk, or arrive as bytes (objects fetched from S3)
parentPort.on('message', ({ id, files, given }) => {
  const parts = [];
  const spans = [];
  const sums = [];
  const results = files.map((file, k) => {
    const bytes = given ? inflate(file, Buffer.from(given[k])) : readFile(file);
    if (!(bytes instanceof Uint8Array)) return bytes;
    parts.push(bytes);
    const found = recordSpans(bytes, plan);
    if (!found) return { file, length: bytes.length };
    const spanAt = spans.length;
    for (const x of found) spans.push(x);
    // a compact record's text is its eventJson; its bytes are that text's UTF-8 when the file is valid UTF-8
    const hashable = !!crypto.hash && isUtf8(bytes);
    for (let i = 0; i < found.length; i += stride) sums.push(hashable && found[i + 2] & 1 ? crypto.hash('sha256', bytes.subarray(found[i], found[i + 1]), 'hex') : NO_SUM);
    return { file, length: bytes.length, spanAt, spanCount: found.length };
  });
  // one buffer for the chunk, handed over rather than copied: one transfer instead of one per file
  const data = Buffer.allocUnsafeSlow(parts.reduce((n, b) => n + b.length, 0)); // never a slice of the shared pool
  let at = 0;
  for (const b of parts) at += b.copy(data, at);
  const spanData = Int32Array.from(spans);
  parentPort.postMessage({ id, results, data: data.buffer, offset: data.byteOffset, spans: spanData, sums: sums.join('') }, [data.buffer, spanData.buffer]);
});
`;

export interface ReadResult {
  file: string;
  /** The file's bytes, decompressed when it was gzip. */
  bytes?: Uint8Array;
  /** Where its records are in `bytes`, when it is a trail's `{"Records":[...]}` file (see `recordSpans`): `stride` ints per record. */
  spans?: ArrayLike<number>;
  stride?: number;
  /** SHA-256 (hex) of each compact record's text, by span; 64 '-' where not computed. */
  checksums?: string;
  errorType?: string;
  message?: string;
}

export class LogFileReader {
  private worker: Worker;
  private pending = new Map<number, { resolve: (r: ReadResult[]) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  private stride: number;

  /**
   * `plan`: what the records are checked against (see `scanPlan`); `roots`: where files may
   * really be (real paths); `maxFileBytes`: the per-file cap on bytes, inflated.
   */
  constructor({ plan, roots, maxFileBytes }: { plan?: ScanPlan; roots: readonly string[]; maxFileBytes: number }) {
    this.stride = strideOf(plan);
    const workerData = { plan, stride: this.stride, roots, maxFileBytes, tooLargeMessage: tooLarge(maxFileBytes).message };
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
    this.worker.unref();
    type Sent = ReadResult & { length?: number; spanAt?: number; spanCount?: number };
    this.worker.on(
      'message',
      ({ id, results, data, offset, spans, sums }: { id: number; results: Sent[]; data: ArrayBuffer; offset: number; spans: Int32Array; sums: string }) => {
        let at = offset;
        const read = results.map(({ length, spanAt, spanCount, ...r }): ReadResult => {
          if (length === undefined) return r;
          const bytes = new Uint8Array(data, at, length);
          at += length;
          if (spanAt === undefined) return { ...r, bytes };
          return {
            ...r,
            bytes,
            spans: spans.subarray(spanAt, spanAt + spanCount!),
            stride: this.stride,
            checksums: sums.slice((spanAt / this.stride) * 64, ((spanAt + spanCount!) / this.stride) * 64),
          };
        });
        this.pending.get(id)?.resolve(read);
        this.pending.delete(id);
      },
    );
    this.worker.on('error', (e) => this.failAll(e));
    this.worker.on('exit', (code) => this.failAll(new Error(`the file reader thread exited (code ${code})`)));
  }

  /** Local files, read inside the roots. */
  read(files: string[]): Promise<ReadResult[]> {
    return this.send(files);
  }

  /** Files whose bytes were fetched elsewhere (S3 objects, maybe gzip): inflated and scanned as local files are. */
  scan(objects: { file: string; bytes: Uint8Array }[]): Promise<ReadResult[]> {
    const given = objects.map(
      (o) => (o.bytes.byteOffset === 0 && o.bytes.byteLength === o.bytes.buffer.byteLength ? o.bytes.buffer : o.bytes.slice().buffer) as ArrayBuffer,
    );
    return this.send(
      objects.map((o) => o.file),
      given,
    );
  }

  private send(files: string[], given?: ArrayBuffer[]): Promise<ReadResult[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, files, given }, given ?? []);
    });
  }

  close(): void {
    void this.worker.terminate();
  }

  private failAll(e: Error) {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}
