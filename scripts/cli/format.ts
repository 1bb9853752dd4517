/** Text formatting for terminal output: numbers, sizes, durations, aligned tables. */

export const count = (n: number) => n.toLocaleString('en-US');

export function bytes(n: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${n} B` : `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Events per second, shortened (`45.6k events/s`). */
export function rate(events: number, ms: number): string {
  const r = ms > 0 ? (events * 1000) / ms : 0;
  return r >= 1000 ? `${(r / 1000).toFixed(1)}k events/s` : `${Math.round(r)} events/s`;
}

/** Columns padded to their widest cell; `right` columns (numbers) aligned right. */
export function table(header: string[], rows: string[][], right: number[] = []): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right.includes(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}
