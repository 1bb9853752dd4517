// Display helpers of the alert pages.

/** A run's window in UTC: `2026-11-27 14:57:43 – 15:07:43` (the end's date only when it differs). */
export function formatWindow(start: string | null, end: string | null): string {
  if (!start || !end) return '—';
  const s = start.slice(0, 19).replace('T', ' ');
  const e = end.slice(0, 19).replace('T', ' ');
  return `${s} – ${e.slice(0, 10) === s.slice(0, 10) ? e.slice(11) : e}`;
}

/** A count with its noun: `1 attempt`, `2 attempts`, `0 attempts`. */
export function plural(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}

/** What the link to a firing's page says. */
export function firingLabel(f: { test: boolean; rowCount: number }): string {
  if (f.test && f.rowCount === 0) return 'Test message (condition not met)';
  return `${plural(f.rowCount, 'row')} that fired`;
}
