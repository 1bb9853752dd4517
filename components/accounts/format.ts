// Display formats shared by the accounts pages (history, audit, users, saved queries).

import { formatBytes as bytesText } from '../../lib/format-bytes';

const num = (v: number | string | null | undefined): number | null => (v === null || v === undefined || v === '' ? null : Number(v));

export function formatWhen(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

export function formatBytes(v: number | string | null | undefined): string {
  return bytesText(num(v) ?? undefined);
}

export function formatCost(v: number | string | null | undefined): string {
  const n = num(v);
  if (n === null) return '—';
  return n > 0 && n < 0.0001 ? '< $0.0001' : `$${n.toFixed(4)}`;
}

export function formatDuration(v: number | string | null | undefined): string {
  const n = num(v);
  if (n === null) return '—';
  return n < 1000 ? `${n} ms` : `${(n / 1000).toFixed(1)} s`;
}

export function formatCount(v: number | string | null | undefined): string {
  const n = num(v);
  return n === null ? '—' : n.toLocaleString();
}

/** A `datetime-local` input's value (local time) as the ISO-8601 instant the server compares. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
