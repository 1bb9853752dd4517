import { z } from 'zod';
import type { Lake } from '../../lake';
import { LakeError } from '../../errors';
import { decodeToken, encodeToken, pageOf } from '../paging';
import { maxResults, parseInput, token } from './input';
import { requireStore } from './stores';
import { rawJson } from '../raw-json';
import { NULL_CELLS_HEADER, NULL_MARK } from '../null-cells';

const queryId = z
  .string()
  .length(36)
  .regex(/^[a-f0-9-]+$/, 'must be a query ID');
const startInput = z.object({
  QueryStatement: z.string().min(1).optional(),
  DeliveryS3Uri: z.string().max(1024).optional(),
  QueryAlias: z.string().optional(),
  QueryParameters: z.array(z.string()).optional(),
  EventDataStoreOwnerAccountId: z.string().optional(),
});
const describeInput = z.object({ QueryId: queryId, EventDataStore: z.string().optional(), EventDataStoreOwnerAccountId: z.string().optional() });
const resultsInput = z.object({
  QueryId: queryId,
  NextToken: token,
  MaxQueryResults: maxResults(1000),
  EventDataStore: z.string().optional(),
  EventDataStoreOwnerAccountId: z.string().optional(),
});
const listInput = z.object({
  EventDataStore: z.string().min(3).max(256),
  NextToken: token,
  MaxResults: maxResults(1000),
  StartTime: z.number().optional(),
  EndTime: z.number().optional(),
  QueryStatus: z.enum(['QUEUED', 'RUNNING', 'FINISHED', 'FAILED', 'CANCELLED', 'TIMED_OUT']).optional(),
});

const estimateInput = z.object({ QueryStatement: z.string().min(1) });

/**
 * DescribeQuery on a running query answers when it ends or after this long, whichever is first:
 * pollers hear of the end at once instead of one polling interval later, and poll less.
 */
const DESCRIBE_WAIT_MS = 100;

export const queryOperations = {
  /** Trailbench extension: bytes and events a statement would scan, from the manifests; runs nothing. */
  TrailbenchEstimateQuery(lake: Lake, body: unknown) {
    const e = lake.estimate(parseInput(estimateInput, body).QueryStatement);
    return { BytesScanned: e.bytesScanned, EventsScanned: e.eventsScanned, FilesScanned: e.filesScanned };
  },

  async StartQuery(lake: Lake, body: unknown) {
    const input = parseInput(startInput, body);
    if (input.QueryAlias)
      throw new LakeError(
        'UnsupportedOperationException',
        'QueryAlias (dashboard and generated queries) is not supported by the built-in lake; send QueryStatement.',
      );
    if (!input.QueryStatement) throw new LakeError('InvalidParameterException', 'QueryStatement is required.');
    if (input.DeliveryS3Uri)
      throw new LakeError('UnsupportedOperationException', 'DeliveryS3Uri is not supported by the built-in lake yet; page results with GetQueryResults.');
    const q = await lake.startQuery(input.QueryStatement);
    return { QueryId: q.queryId };
  },

  async DescribeQuery(lake: Lake, body: unknown) {
    const input = parseInput(describeInput, body, { QueryId: 'QueryIdNotFoundException' });
    await lake.queries.waitForEnd(lake.queries.get(input.QueryId).queryId, DESCRIBE_WAIT_MS);
    const q = lake.queries.get(input.QueryId);
    return {
      QueryId: q.queryId,
      QueryString: q.queryString,
      QueryStatus: q.status,
      QueryStatistics: {
        EventsMatched: q.statistics.eventsMatched,
        EventsScanned: q.statistics.eventsScanned,
        BytesScanned: q.statistics.bytesScanned,
        ExecutionTimeInMillis: q.statistics.executionTimeInMillis,
        CreationTime: q.creationTime,
      },
      ErrorMessage: q.errorMessage,
    };
  },

  GetQueryResults(lake: Lake, body: unknown, headers: Record<string, string> = {}) {
    const input = parseInput(resultsInput, body, {
      QueryId: 'QueryIdNotFoundException',
      MaxQueryResults: 'InvalidMaxResultsException',
      NextToken: 'InvalidNextTokenException',
    });
    const q = lake.queries.get(input.QueryId);
    const done = q.status === 'FINISHED' || q.status === 'CANCELLED' || q.status === 'TIMED_OUT';
    const start = decodeToken(input.NextToken, q.queryId);
    const nullCell = headers[NULL_CELLS_HEADER] === 'marked' ? JSON.stringify(NULL_MARK) : undefined;
    const page = done ? lake.queries.pageJson(q.queryId, start, input.MaxQueryResults ?? 1000, nullCell) : { json: '[]', rows: 0 };
    const end = start + page.rows;
    return {
      QueryStatus: q.status,
      QueryStatistics: { ResultsCount: page.rows, TotalResultsCount: q.resultsCount, BytesScanned: q.statistics.bytesScanned },
      QueryResultRows: rawJson(page.json),
      NextToken: done && end < q.resultsCount ? encodeToken(q.queryId, end) : undefined,
      ErrorMessage: q.errorMessage,
    };
  },

  CancelQuery(lake: Lake, body: unknown) {
    const input = parseInput(describeInput, body, { QueryId: 'QueryIdNotFoundException' });
    const q = lake.queries.cancel(input.QueryId);
    return { QueryId: q.queryId, QueryStatus: q.status };
  },

  ListQueries(lake: Lake, body: unknown) {
    const input = parseInput(listInput, body, {
      MaxResults: 'InvalidMaxResultsException',
      NextToken: 'InvalidNextTokenException',
      QueryStatus: 'InvalidQueryStatusException',
    });
    const store = requireStore(lake, input.EventDataStore);
    if (input.StartTime !== undefined && input.EndTime !== undefined && input.StartTime > input.EndTime) {
      throw new LakeError('InvalidDateRangeException', 'StartTime must be before EndTime.');
    }
    const all = lake.queries
      .list(store.id)
      .filter(
        (q) =>
          (!input.QueryStatus || q.status === input.QueryStatus) &&
          (input.StartTime === undefined || q.creationTime >= input.StartTime) &&
          (input.EndTime === undefined || q.creationTime <= input.EndTime),
      );
    const { page, next } = pageOf(all, `queries:${store.id}`, input.NextToken, input.MaxResults ?? 1000);
    return { Queries: page.map((q) => ({ QueryId: q.queryId, QueryStatus: q.status, CreationTime: q.creationTime })), NextToken: next };
  },
};
