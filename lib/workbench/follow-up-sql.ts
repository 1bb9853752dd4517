import { parseTimestampText, utcTimestampText } from '../util/sql-text/timestamp-text';
import { sqlString } from '../util/sql-text/quote';
import { DAY_MS } from '../util/time';

/**
 * SQL the results view writes on the user's behalf (an event's full record, entity pivots):
 * quoted literals and the eventTime window of the query the results came from.
 */
export interface TimeWindow {
  /** Epoch ms, inclusive; undefined when the original query gave no bound. */
  from?: number;
  to?: number;
}

/** `2026-03-01 12:00:00.000` (UTC), as the lake and CloudTrail Lake read timestamp text. */
export function timestampLiteral(ms: number): string {
  return sqlString(utcTimestampText(ms));
}

/** The WHERE conjuncts that keep a follow-up query inside the window (none when it is open). */
export function windowConditions(window: TimeWindow): string[] {
  const out: string[] = [];
  if (window.from !== undefined) out.push(`eventTime >= ${timestampLiteral(window.from)}`);
  if (window.to !== undefined) out.push(`eventTime <= ${timestampLiteral(window.to)}`);
  return out;
}

/** A FROM target: the store's ID as CloudTrail Lake expects it (a UUID or an ARN, never user text). */
export function storeRef(storeId: string): string {
  if (!/^[\w:/.-]+$/.test(storeId)) throw new Error(`'${storeId}' is not an event data store ID.`);
  return storeId;
}

/**
 * The full record of one event. The window is the original query's; when it had none, a day
 * around the row's own eventTime (when the row has one) keeps the lookup from scanning everything.
 */
export function eventLookupSql(storeId: string, eventId: string, window: TimeWindow, rowEventTime?: string): string {
  let w = window;
  if (w.from === undefined && w.to === undefined && rowEventTime) {
    const t = parseTimestampText(rowEventTime.replace(/ UTC$/, ''));
    if (t !== undefined) w = { from: t - DAY_MS, to: t + DAY_MS };
  }
  const where = [`eventID = ${sqlString(eventId)}`, ...windowConditions(w)];
  return `SELECT *\nFROM ${storeRef(storeId)}\nWHERE ${where.join('\n  AND ')}\nLIMIT 1`;
}
