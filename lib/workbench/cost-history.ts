import { eventTimeWindow } from './lint';
import { DAY_MS } from '../util/time';

export interface PastRun {
  sql: string;
  bytesScanned: number;
  createdAt: string;
}

export interface HistoryEstimate {
  bytesScanned: number;
  /** Days of the new query's window, and the median bytes per day of the earlier runs used. */
  days: number;
  bytesPerDay: number;
  runsUsed: number;
}

/** Days an eventTime window covers, measured up to `asOf` (a window with no start cannot be measured). */
export function windowDays(sql: string, asOf: Date): number | undefined {
  const w = eventTimeWindow(sql, asOf.getTime());
  if (w.from === undefined) return undefined;
  const to = Math.min(w.to ?? asOf.getTime(), asOf.getTime());
  return Math.max(to - w.from, 0) / DAY_MS;
}

/**
 * For lakes that cannot estimate (AWS CloudTrail Lake): the bytes per day of window that earlier
 * finished queries of the same store actually scanned (their median), times the new query's days.
 * Runs without a bounded window, or shorter than a minute, say nothing about a per-day rate.
 */
export function estimateFromHistory(sql: string, past: PastRun[], now = new Date()): HistoryEstimate | undefined {
  const days = windowDays(sql, now);
  if (days === undefined) return undefined;
  const rates = past
    .map((r) => ({ bytes: r.bytesScanned, days: windowDays(r.sql, new Date(r.createdAt)) }))
    .filter((r): r is { bytes: number; days: number } => r.days !== undefined && r.days * DAY_MS >= 60_000)
    .map((r) => r.bytes / r.days)
    .sort((a, b) => a - b);
  if (!rates.length) return undefined;
  const mid = rates.length >> 1;
  const bytesPerDay = rates.length % 2 ? rates[mid] : (rates[mid - 1] + rates[mid]) / 2;
  return { bytesScanned: Math.round(bytesPerDay * days), days, bytesPerDay, runsUsed: rates.length };
}
