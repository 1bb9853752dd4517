import fs from 'node:fs';

const BUFFER_BYTES = 1 << 20;

/**
 * Full-size buffers whose writes have finished, for the next file to fill: a fresh buffer's pages
 * are faulted in on first touch, which costs more on this kind of machine than filling them.
 */
const spareBuffers: Buffer[] = [];
const MAX_SPARE_BUFFERS = 16;

function takeBuffer(): Buffer {
  return spareBuffers.pop() ?? Buffer.allocUnsafeSlow(BUFFER_BYTES);
}

function giveBackBuffer(b: Buffer) {
  if (b.length === BUFFER_BYTES && spareBuffers.length < MAX_SPARE_BUFFERS) spareBuffers.push(b);
}

/**
 * A file written one text line at a time through a large buffer. Lines go straight into the
 * buffer: joining many small strings first costs more than making them.
 *
 * With `background`, a full buffer is written on libuv's thread pool while the next one fills,
 * so the caller's thread never waits on the file system; `end()` resolves once every byte is
 * written and the file is closed. Without it, writes are synchronous and `close()` ends the file.
 */
export class LineFile {
  private fd: number;
  private buffer = takeBuffer();
  private used = 0;
  private flushed = 0;
  private pending = 0;
  private error?: Error;
  private drained?: () => void;
  lines = 0;

  constructor(
    readonly file: string,
    private opts: { background?: boolean } = {},
  ) {
    this.fd = fs.openSync(file, 'w');
  }

  /** Bytes written so far: where the next line starts. */
  get size(): number {
    return this.flushed + this.used;
  }

  /** Appends `line` and a line break; `line` must not hold one. */
  write(line: string): void {
    // a UTF-16 unit is at most 3 bytes of UTF-8; one more for the line break
    this.reserve(line.length * 3 + 1);
    this.used += this.buffer.write(line, this.used);
    this.buffer[this.used++] = 10;
    this.lines++;
  }

  /**
   * Appends `fields` joined by tabs, and a line break: no joined string is made. A field is text or
   * its UTF-8 bytes, copied as they are. Fields must not hold a tab or line break.
   */
  writeFields(fields: readonly (string | Uint8Array)[]): void {
    let room = fields.length;
    for (const f of fields) room += typeof f === 'string' ? f.length * 3 : f.length;
    this.reserve(room);
    for (let i = 0; i < fields.length; i++) {
      if (i) this.buffer[this.used++] = 9;
      const f = fields[i];
      if (typeof f === 'string') this.used += this.buffer.write(f, this.used);
      else {
        this.buffer.set(f, this.used);
        this.used += f.length;
      }
    }
    this.buffer[this.used++] = 10;
    this.lines++;
  }

  close(): void {
    if (this.fd < 0) return;
    if (this.opts.background) throw new Error('a background LineFile is ended with end()');
    this.flush();
    fs.closeSync(this.fd);
    this.fd = -1;
    giveBackBuffer(this.buffer);
  }

  /** Writes what is buffered, waits for every write, closes the file; rejects if a write failed. */
  async end(): Promise<void> {
    if (this.fd < 0) return;
    if (!this.opts.background) return this.close();
    this.flush();
    if (this.pending) await new Promise<void>((resolve) => (this.drained = resolve));
    fs.closeSync(this.fd);
    this.fd = -1;
    giveBackBuffer(this.buffer);
    if (this.error) throw this.error;
  }

  /** Makes room for `bytes` more in the buffer, flushing it first if they do not fit. */
  private reserve(bytes: number): void {
    if (this.used + bytes <= this.buffer.length) return;
    this.flush();
    if (bytes > this.buffer.length) this.buffer = Buffer.allocUnsafe(bytes);
  }

  private flush(): void {
    if (!this.used) return;
    if (!this.opts.background) {
      fs.writeSync(this.fd, this.buffer, 0, this.used);
    } else {
      const buffer = this.buffer;
      this.pending++;
      // positioned writes: their order on the pool does not matter
      const length = this.used;
      fs.write(this.fd, buffer, 0, length, this.flushed, (e, written) => {
        if (e || written !== length) this.error ??= e ?? new Error(`${this.file}: only ${written} of ${length} bytes were written`);
        giveBackBuffer(buffer);
        if (--this.pending === 0) this.drained?.();
      });
      this.buffer = takeBuffer();
    }
    this.flushed += this.used;
    this.used = 0;
  }
}
