import { fillKnown } from '../parameters/bind';
import { findPlaceholders } from '../parameters/placeholders';
import { RANGE_END, RANGE_START } from '../parameters/types';
import { utcTimestampText } from '../util/sql-text/timestamp-text';

/**
 * The time window a rule's query covers, and the `{{window_start}}` / `{{window_end}}`
 * placeholders in its SQL. `schedule`: the M minutes before the run's slot. `anchored`: the M
 * minutes before the newest event in the store (CloudTrail delivers late, so "now" may have no
 * events yet; this is what the seed's CLI script did with `SELECT MAX(eventTime)`).
 */
export type WindowMode = 'schedule' | 'anchored';
export interface TimeWindow {
  start: Date;
  end: Date;
}

export function windowBefore(end: Date, minutes: number): TimeWindow {
  return { start: new Date(end.getTime() - minutes * 60_000), end };
}

/** A UTC timestamp as the lake's SQL (and CloudTrail Lake's) compares with eventTime: `2026-01-11 00:27:12.000`. */
export function sqlTimestamp(d: Date): string {
  return utcTimestampText(d.getTime());
}

const WINDOW_NAMES = new Set(['window_start', 'window_end', RANGE_START, RANGE_END]);

export function usesWindowPlaceholders(sql: string): boolean {
  return findPlaceholders(sql).some((p) => WINDOW_NAMES.has(p.name) && p.context !== 'comment');
}

/**
 * Fills the window's placeholders through the parameter generator: `{{window_start}}` /
 * `{{window_end}}` (usually inside quotes: `eventTime >= '{{window_start}}'`) and a time range's
 * `{{start}}` / `{{end}}` (detections), which in code become `TIMESTAMP '...'` literals.
 */
export function fillWindow(sql: string, w: TimeWindow): string {
  const start = { kind: 'timestamp', ms: w.start.getTime() } as const;
  const end = { kind: 'timestamp', ms: w.end.getTime() } as const;
  return fillKnown(
    sql,
    new Map([
      ['window_start', start],
      ['window_end', end],
      [RANGE_START, start],
      [RANGE_END, end],
    ]),
  );
}

/** The query that finds the newest event for anchored windows. */
export const NEWEST_EVENT_SQL = 'SELECT max(eventTime) AS newest FROM $EDS_ID';
