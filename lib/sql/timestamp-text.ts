/**
 * A timestamp literal as the lake reads it (UTC unless a zone is given): date only, space or T,
 * optional fraction and zone. Shared by the lake's translator and the editor's lint (no parser needed).
 */
export function parseTimestampText(s: string): number | undefined {
  const m = /^\s*(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?\s*$/i.exec(s);
  if (!m) return undefined;
  const time = m[2] ? (m[2].length === 4 ? '0' + m[2] : m[2]) : '00:00:00';
  let zone = m[3] ? m[3].toUpperCase() : 'Z';
  if (zone === 'UTC') zone = 'Z';
  else if (/^[+-]\d{2}$/.test(zone)) zone += ':00';
  else if (/^[+-]\d{4}$/.test(zone)) zone = zone.slice(0, 3) + ':' + zone.slice(3);
  const ms = Date.parse(`${m[1]}T${time}${zone}`);
  return Number.isFinite(ms) ? ms : undefined;
}

/** Epoch milliseconds as the lake writes and prints a timestamp: `YYYY-MM-DD HH:MM:SS.mmm` in UTC (longer past year 9999). */
export function utcTimestampText(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.length === 24 ? `${iso.slice(0, 10)} ${iso.slice(11, 23)}` : iso.replace('T', ' ').replace('Z', '');
}
