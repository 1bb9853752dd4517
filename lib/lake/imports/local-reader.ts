import { Worker } from 'node:worker_threads';
import { recordSpans } from './record-spans';

/**
 * Reads and decompresses local log files on a worker thread, and finds where their records are,
 * so the main thread only parses. Opening, reading and inflating a small file costs about as much
 * as parsing it, and an archive holds one file per region per 5 minutes.
 *
 * The worker's code is inline: a separate module file would have to survive Next's bundling.
 * It uses only Node's built-ins and `recordSpans`, which is self-contained.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const zlib = require('node:zlib');
const recordSpans = ${recordSpans.toString()};
parentPort.on('message', ({ id, files }) => {
  const parts = [];
  const spans = [];
  const results = files.map((file) => {
    let bytes;
    try {
      bytes = fs.readFileSync(file);
    } catch (e) {
      return { file, errorType: 'ReadError', message: e.message };
    }
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      try {
        bytes = zlib.gunzipSync(bytes);
      } catch (e) {
        return { file, errorType: 'DecompressionError', message: 'not a readable gzip file: ' + e.message };
      }
    }
    parts.push(bytes);
    const found = recordSpans(bytes);
    if (!found) return { file, length: bytes.length };
    const spanAt = spans.length;
    for (const x of found) spans.push(x);
    return { file, length: bytes.length, spanAt, spanCount: found.length };
  });
  // one buffer for the chunk, handed over rather than copied: one transfer instead of one per file
  const data = Buffer.allocUnsafeSlow(parts.reduce((n, b) => n + b.length, 0)); // never a slice of the shared pool
  let at = 0;
  for (const b of parts) at += b.copy(data, at);
  const spanData = Int32Array.from(spans);
  parentPort.postMessage({ id, results, data: data.buffer, offset: data.byteOffset, spans: spanData }, [data.buffer, spanData.buffer]);
});
`;

export interface ReadResult {
  file: string;
  /** The file's bytes, decompressed when it was gzip. */
  bytes?: Uint8Array;
  /** Where its records are in `bytes`, when it is a trail's `{"Records":[...]}` file (see `recordSpans`). */
  spans?: ArrayLike<number>;
  errorType?: string;
  message?: string;
}

export class LocalFileReader {
  private worker = new Worker(WORKER_SOURCE, { eval: true });
  private pending = new Map<number, { resolve: (r: ReadResult[]) => void; reject: (e: Error) => void }>();
  private nextId = 0;

  constructor() {
    this.worker.unref();
    type Sent = ReadResult & { length?: number; spanAt?: number; spanCount?: number };
    this.worker.on('message', ({ id, results, data, offset, spans }: { id: number; results: Sent[]; data: ArrayBuffer; offset: number; spans: Int32Array }) => {
      let at = offset;
      const read = results.map(({ length, spanAt, spanCount, ...r }): ReadResult => {
        if (length === undefined) return r;
        const bytes = new Uint8Array(data, at, length);
        at += length;
        return { ...r, bytes, spans: spanAt === undefined ? undefined : spans.subarray(spanAt, spanAt + spanCount!) };
      });
      this.pending.get(id)?.resolve(read);
      this.pending.delete(id);
    });
    this.worker.on('error', (e) => this.failAll(e));
    this.worker.on('exit', (code) => this.failAll(new Error(`the file reader thread exited (code ${code})`)));
  }

  read(files: string[]): Promise<ReadResult[]> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, files });
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
