import { DAY_MS } from '../lib/util/time';
/**
 * The benchmark's queries: CloudTrail Lake SQL as a user would write it, `FROM <store ID>`, with
 * eventTime windows on whole UTC days of the generated data.
 */
export type QueryKind = 'one-day' | 'full-scan' | 'week' | 'lookup' | 'listing';

export interface BenchQuery {
  id: string;
  title: string;
  kind: QueryKind;
  sql: string;
  /** For a one-day query: the same statement over every day of the data, to show what the day window saves. */
  widened?: string;
}

export interface QueryContext {
  storeId: string;
  /** A whole UTC day inside the data, YYYY-MM-DD. */
  day: string;
  /** An eventID that occurs on `day`. */
  eventId: string;
  /** The first and last UTC day of the data. */
  first: string;
  last: string;
}

/** `YYYY-MM-DD` shifted by whole days. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The day the bounded queries look at: a week before the end of the data, so the week before it is inside too. */
export function benchDay(dataEnd: string): string {
  return addDays(dataEnd.slice(0, 10), -7);
}

/** SQL finding the `eventId` for the point lookup (any eventID of the day, chosen deterministically). */
export function lookupSeedSql(storeId: string, day: string): string {
  return `SELECT eventID FROM ${storeId} WHERE eventTime >= '${day} 00:00:00' AND eventTime < '${addDays(day, 1)} 00:00:00' ORDER BY eventID LIMIT 1`;
}

export function benchQueries({ storeId: id, day, eventId, first, last }: QueryContext): BenchQuery[] {
  const dayWindow = `eventTime >= '${day} 00:00:00' AND eventTime < '${addDays(day, 1)} 00:00:00'`;
  const allWindow = `eventTime >= '${first} 00:00:00' AND eventTime < '${addDays(last, 1)} 00:00:00'`;
  const widen = (q: BenchQuery): BenchQuery => ({ ...q, widened: q.sql.replace(dayWindow, allWindow) });
  const weekWindow = `eventTime >= '${addDays(day, -6)} 00:00:00' AND eventTime < '${addDays(day, 1)} 00:00:00'`;
  return [
    widen({
      id: 'day-logins',
      title: 'Console logins by user and IP, one day',
      kind: 'one-day',
      sql: `SELECT userIdentity.userName AS userName, sourceIPAddress, count(*) AS logins,
  count_if(element_at(responseElements, 'ConsoleLogin') = 'Failure') AS failures
FROM ${id}
WHERE eventName = 'ConsoleLogin' AND ${dayWindow}
GROUP BY userIdentity.userName, sourceIPAddress
ORDER BY logins DESC`,
    }),
    {
      id: 'all-by-name',
      title: 'Events by eventName, full scan',
      kind: 'full-scan',
      sql: `SELECT eventName, count(*) FROM ${id} GROUP BY eventName`,
    },
    widen({
      id: 'day-by-name',
      title: 'Events by eventName, one day',
      kind: 'one-day',
      sql: `SELECT eventName, count(*) FROM ${id} WHERE ${dayWindow} GROUP BY eventName`,
    }),
    {
      id: 'week-top-buckets',
      title: 'Top 10 S3 buckets by requests, 7 days',
      kind: 'week',
      sql: `SELECT element_at(requestParameters, 'bucketName') AS bucket, count(*) AS requests,
  count(DISTINCT userIdentity.arn) AS callers
FROM ${id}
WHERE eventSource = 's3.amazonaws.com' AND ${weekWindow}
GROUP BY element_at(requestParameters, 'bucketName')
ORDER BY requests DESC
LIMIT 10`,
    },
    {
      id: 'lookup-by-id',
      title: 'SELECT * by eventID, one day',
      kind: 'lookup',
      sql: `SELECT * FROM ${id} WHERE eventID = '${eventId}' AND ${dayWindow}`,
    },
    {
      id: 'day-listing',
      title: 'Latest 5,000 events of a day (5 pages)',
      kind: 'listing',
      sql: `SELECT eventTime, eventSource, eventName, awsRegion, sourceIPAddress, userIdentity.arn AS principal, errorCode
FROM ${id}
WHERE ${dayWindow}
ORDER BY eventTime DESC
LIMIT 5000`,
    },
  ];
}
