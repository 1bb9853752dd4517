import { utcTimestampText } from '../util/sql-text/timestamp-text';

/**
 * The time window a rule's query covers, and the `{{window_start}}` / `{{window_end}}`
 * placeholders in its SQL. `schedule`: the M minutes before the run's slot. `anchored`: the M
 * minutes before the newest event in the store (CloudTrail delivers late, so "now" may have no
 * events yet; this is what the seed's CLI script did with `SELECT MAX(eventTime)`).
 */
export type WindowMode = 'schedule' | 'anchored';
export interface TimeWindow { start: Date; end: Date }

export function windowBefore(end: Date, minutes: number): TimeWindow {
  return { start: new Date(end.getTime() - minutes * 60_000), end };
}

/** A UTC timestamp as the lake's SQL (and CloudTrail Lake's) compares with eventTime: `2026-01-11 00:27:12.000`. */
export function sqlTimestamp(d: Date): string {
  return utcTimestampText(d.getTime());
}

const PLACEHOLDER = /\{\{\s*(window_start|window_end)\s*\}\}/g;

export function usesWindowPlaceholders(sql: string): boolean {
  return new RegExp(PLACEHOLDER.source).test(sql);
}

/** Fills the placeholders (anywhere, usually inside quotes: `eventTime >= '{{window_start}}'`); the values hold only digits, dashes, colons, dots and a space. */
export function fillWindow(sql: string, w: TimeWindow): string {
  return sql.replace(PLACEHOLDER, (_m, name: string) => sqlTimestamp(name === 'window_start' ? w.start : w.end));
}

/** The query that finds the newest event for anchored windows. */
export const NEWEST_EVENT_SQL = 'SELECT max(eventTime) AS newest FROM $EDS_ID';
