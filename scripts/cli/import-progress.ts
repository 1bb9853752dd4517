import { count, rate } from './format';

export interface ImportCounts {
  files: number;
  events: number;
  failed: number;
}

const BAR_WIDTH = 24;

/**
 * One line of import progress: a bar when the number of files is known, then files, events and
 * failures so far and the rate. `1,234/2,371 files` reads as done/total.
 */
export function progressLine(c: ImportCounts, elapsedMs: number, totalFiles?: number): string {
  const parts: string[] = [];
  if (totalFiles) {
    const f = Math.min(1, c.files / totalFiles);
    const filled = Math.round(f * BAR_WIDTH);
    parts.push(`[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(Math.floor(f * 100)).padStart(3)}%`);
    parts.push(`${count(c.files)}/${count(totalFiles)} files`);
  } else {
    parts.push(`${count(c.files)} files`);
  }
  parts.push(`${count(c.events)} events`, `${count(c.failed)} failed`, rate(c.events, elapsedMs));
  return parts.join('  ');
}

/**
 * Shows an import's progress on a stream: redrawn in place on a terminal, otherwise a plain
 * line every few seconds (logs and CI read those).
 */
export class ProgressReporter {
  private started = Date.now();
  private lastLine = 0;
  private drawn = false;

  constructor(
    private out: NodeJS.WritableStream & { isTTY?: boolean; columns?: number },
    private label: string,
    private totalFiles?: number,
    private intervalMs = 2000,
  ) {}

  update(c: ImportCounts): void {
    const line = `${this.label}  ${progressLine(c, Date.now() - this.started, this.totalFiles)}`;
    if (this.out.isTTY) {
      const width = this.out.columns ?? 120;
      this.out.write(`\r\x1b[K${line.length > width - 1 ? line.slice(0, width - 1) : line}`);
      this.drawn = true;
    } else if (Date.now() - this.lastLine >= this.intervalMs) {
      this.out.write(`${line}\n`);
      this.lastLine = Date.now();
    }
  }

  /** The last state, always shown, ending the line. */
  finish(c: ImportCounts): void {
    this.lastLine = 0;
    this.update(c);
    if (this.drawn) this.out.write('\n');
    this.drawn = false;
  }

  get elapsedMs(): number {
    return Date.now() - this.started;
  }
}
