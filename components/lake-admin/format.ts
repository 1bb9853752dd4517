// Display formats of the lake pages.

/** Epoch seconds (or an ISO date from the SDK) as a UTC date and time, "—" when absent. */
export function formatTime(v: number | string | null | undefined): string {
  if (v === null || v === undefined || v === '') return '—';
  const d = typeof v === 'number' ? new Date(v * 1000) : new Date(v);
  return Number.isNaN(d.getTime())
    ? String(v)
    : d
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d{3}Z$/, ' UTC');
}

/** Seconds as "42 s", "5 min", "3 h". */
export function formatSeconds(s: number | undefined): string {
  if (s === undefined || !Number.isFinite(s)) return '—';
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

export const STATUS_TEXT: Record<string, string> = {
  ENABLED: 'Enabled',
  CREATED: 'Created',
  STOPPED_INGESTION: 'Ingestion stopped',
  STARTING_INGESTION: 'Starting ingestion',
  STOPPING_INGESTION: 'Stopping ingestion',
  PENDING_DELETION: 'Pending deletion',
};
