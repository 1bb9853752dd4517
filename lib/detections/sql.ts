import { sqlString } from '../util/sql-text/quote';
import type { ParameterSpec } from '../parameters/types';
import type { EventNeed } from './types';

/** Every detection's time range: `{{start}}` / `{{end}}` (an alert rule fills them with its window). */
export const RANGE: ParameterSpec = { name: 'range', type: 'timeRange', label: 'Time range', default: '24h' };
export const IN_RANGE = 'eventTime >= {{start}} AND eventTime < {{end}}';

/** The events of the needs, as a WHERE condition. */
export function callsOf(events: readonly EventNeed[]): string {
  const one = (e: EventNeed) => `(eventSource = ${sqlString(e.source)} AND eventName IN (${e.names.map(sqlString).join(', ')}))`;
  return events.length === 1 ? one(events[0]) : `(${events.map(one).join(' OR ')})`;
}

/** A need of management-event API calls. */
export const management = (source: string, ...names: string[]): EventNeed => ({ source, names, category: 'Management' });

/** What a per-event detection returns for each event: when, what, who, from where, and where. */
const EVENT_COLUMNS = ['eventTime', 'eventName', 'userIdentity.arn AS principal', 'sourceIPAddress', 'awsRegion', 'recipientAccountId'];

/** A per-event detection: the successful calls of `events` in the range that meet `condition`, with `columns` beside the usual ones. */
export function matchingCalls(events: readonly EventNeed[], condition = '', columns: string[] = []): string {
  return [
    `SELECT ${[...EVENT_COLUMNS, ...columns, 'eventID'].join(', ')}`,
    'FROM $EDS_ID',
    `WHERE ${IN_RANGE}`,
    `  AND ${callsOf(events)}`,
    '  AND errorCode IS NULL',
    ...(condition ? [`  AND ${condition}`] : []),
    'ORDER BY eventTime',
  ].join('\n');
}

/** Who acted: the role behind an assumed-role session, else the caller's ARN (allow-lists name roles, not sessions). */
export const ACTOR = 'coalesce(userIdentity.sessionContext.sessionIssuer.arn, userIdentity.arn)';

/** A request parameter's text (NULL when absent; nested objects are compact JSON). */
export const param = (key: string) => `element_at(requestParameters, ${sqlString(key)})`;

/** A count a group must reach to be reported. */
export const threshold = (name: string, label: string, fallback: number): ParameterSpec => ({
  name,
  type: 'number',
  label,
  default: String(fallback),
  min: 1,
  max: 100_000,
});

/** How far before the range "known" behaviour is learnt from. */
export const BASELINE_DAYS: ParameterSpec = { name: 'baselineDays', type: 'number', label: 'Days of history before the range', default: '14', min: 1, max: 90 };
