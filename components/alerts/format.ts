// Display helpers of the alert pages.

/** A run's window in UTC: `2026-11-27 14:57:43 – 15:07:43` (the end's date only when it differs). */
export function formatWindow(start: string | null, end: string | null): string {
  if (!start || !end) return '—';
  const s = start.slice(0, 19).replace('T', ' ');
  const e = end.slice(0, 19).replace('T', ' ');
  return `${s} – ${e.slice(0, 10) === s.slice(0, 10) ? e.slice(11) : e}`;
}

/** What the link to a firing's page says. */
export function firingLabel(f: { test: boolean; rowCount: number }): string {
  if (f.test && f.rowCount === 0) return 'Test message (condition not met)';
  return `${f.rowCount} ${f.rowCount === 1 ? 'row' : 'rows'} that fired`;
}
