import type { StoreRecord } from '../storage/stores';
import type { EventSpooler, RecordFilter, SpooledEvents, WriteResult } from '../ingest/write-events';
import type { ReadResult } from './sources';
import { LakeError } from '../errors';
import { LogFileError, parseLogFile, type LogRecords } from './read-log-file';
import { matchesSelectors } from './selector-filter';
import { DAY_MS } from '../../util/time';

/** What imports and live ingestion share: reading log files and committing a batch of them to a store. */
export interface ImportFailure { Location: string; Status: 'FAILED'; ErrorType: string; ErrorMessage: string; LastUpdatedTime: number }

export interface IngestHost {
  store(id: string): StoreRecord | undefined;
  /** Checks and spools records as they are read; no lock, so the next batch is spooled while one commits. */
  spooler(storeId: string): EventSpooler;
  commit(storeId: string, spooled: SpooledEvents): Promise<WriteResult>;
}

export type LogBatch = ({ file: string } & LogRecords)[];

/**
 * What an import's or a followed source's failure as a whole may say: the lake's own messages
 * and S3's (a service's answer, never a file's bytes). Another error (DuckDB's, say) may quote
 * the records it choked on, so it is only named; the caller logs it in full on the server.
 */
export function failureMessage(e: unknown): string {
  if (LakeError.is(e) || e instanceof LogFileError) return e.message;
  if (e instanceof Error && '$fault' in e) return `S3: ${e.name}: ${e.message}`;
  return `stopped on an unexpected ${(e as Error)?.name ?? 'error'}; the server's log has the details`;
}

/** Records of a file a source fetched, or why it has none; `viewFields` as `viewFieldsFor` gives them for the store. */
export function parseFetched(fetched: ReadResult, viewFields?: readonly string[]): LogRecords & { failure?: ImportFailure } {
  const failure = (errorType: string, message: string): ImportFailure => ({ Location: fetched.file, Status: 'FAILED', ErrorType: errorType, ErrorMessage: message, LastUpdatedTime: Date.now() / 1000 });
  if (!fetched.bytes) return { records: [], failure: failure(fetched.errorType ?? 'ReadError', fetched.message ?? 'the file could not be read') };
  try {
    const bytes = Buffer.from(fetched.bytes.buffer, fetched.bytes.byteOffset, fetched.bytes.byteLength);
    return parseLogFile(bytes, fetched.spans && { spans: fetched.spans, stride: fetched.stride, checksums: fetched.checksums, viewFields });
  } catch (e) {
    return { records: [], failure: failure(e instanceof LogFileError ? e.errorType : 'ReadError', (e as Error).message) };
  }
}

/**
 * Appends the records of a batch of files that the store wants: inside the time window, inside
 * the retention period, matching its event selectors. Records the store cannot hold come back as
 * failures naming their file.
 */
export async function ingestBatch(host: IngestHost, store: StoreRecord, batch: LogBatch, window: TimeWindow = {}) {
  const keep = recordFilter(store, window);
  const spooled = await host.spooler(store.id).fillWith((s) => {
    for (const { file, ...parsed } of batch) s.add(parsed.records, file, { ...parsed, keep });
  });
  return commitBatch(host, store, spooled);
}

export interface TimeWindow { lo?: number; hi?: number }

/** Which raw records a store takes from an import or its source. */
export function recordFilter(store: StoreRecord, window: TimeWindow): RecordFilter {
  const lo = Math.max(window.lo ?? -Infinity, Date.now() - store.retentionPeriod * DAY_MS);
  const hi = window.hi ?? Infinity;
  return {
    // records that are not objects go through so the spooler reports them as failures
    wants: (r) => !r || typeof r !== 'object' || matchesSelectors(r as Record<string, unknown>, store.advancedEventSelectors),
    inWindow: (t) => t >= lo && t <= hi,
  };
}

export async function commitBatch(host: IngestHost, store: StoreRecord, spooled: SpooledEvents) {
  const result = await host.commit(store.id, spooled);
  const failures: ImportFailure[] = result.failed.map((f) => ({ Location: f.source ?? store.arn, Status: 'FAILED', ErrorType: 'InvalidRecord', ErrorMessage: f.reason, LastUpdatedTime: Date.now() / 1000 }));
  return { added: result.added, failures };
}
