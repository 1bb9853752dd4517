// The browser's display formats: counts, bytes, dollars, durations and times. Values may come as
// numbers or as database text (history rows), or be missing ("—").

import { formatBytes as bytesText, formatUsd } from '../lib/util/format';

type Num = number | string | null | undefined;

const num = (v: Num): number | undefined => (v === null || v === undefined || v === '' ? undefined : Number(v));

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function formatCount(v: Num): string {
  const n = num(v);
  return n === undefined || !Number.isFinite(n) ? '—' : integer.format(n);
}

export const formatBytes = (v: Num): string => bytesText(num(v));

export const formatCost = (v: Num): string => formatUsd(num(v));

/** 850 -> "850 ms", 12345 -> "12.3 s", 83000 -> "1 min 23 s". */
export function formatDuration(v: Num): string {
  const ms = num(v);
  if (ms === undefined || !Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const totalSeconds = Math.floor(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return hours > 0 ? `${hours} h ${minutes} min` : `${minutes} min ${seconds} s`;
}

/** Elapsed wall time while a query runs, at 0.1 s resolution: "0.4 s", "12.0 s", "2:05". */
export function formatElapsed(ms: number): string {
  if (ms < 60_000) return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
  const totalSeconds = Math.floor(ms / 1000);
  return `${Math.floor(totalSeconds / 60)}:${String(totalSeconds % 60).padStart(2, '0')}`;
}

/** An ISO instant in the browser's local time. */
export function formatWhen(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

/** A `datetime-local` input's value (local time) as the ISO-8601 instant the server compares. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
