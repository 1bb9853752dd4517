import fs from 'node:fs';

/**
 * A file written one text line at a time through a large buffer. Lines go straight into the
 * buffer: joining many small strings first costs more than making them.
 */
export class LineFile {
  private fd: number;
  private buffer = Buffer.allocUnsafe(1 << 20);
  private used = 0;
  private flushed = 0;
  lines = 0;

  constructor(readonly file: string) {
    this.fd = fs.openSync(file, 'w');
  }

  /** Bytes written so far: where the next line starts. */
  get size(): number {
    return this.flushed + this.used;
  }

  /** Appends `line` and a line break; `line` must not hold one. */
  write(line: string): void {
    // a UTF-16 unit is at most 3 bytes of UTF-8; one more for the line break
    const room = line.length * 3 + 1;
    if (this.used + room > this.buffer.length) {
      this.flush();
      if (room > this.buffer.length) this.buffer = Buffer.allocUnsafe(room);
    }
    this.used += this.buffer.write(line, this.used);
    this.buffer[this.used++] = 10;
    this.lines++;
  }

  close(): void {
    if (this.fd < 0) return;
    this.flush();
    fs.closeSync(this.fd);
    this.fd = -1;
  }

  private flush(): void {
    if (this.used) fs.writeSync(this.fd, this.buffer, 0, this.used);
    this.flushed += this.used;
    this.used = 0;
  }
}
