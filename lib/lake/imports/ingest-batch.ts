import type { StoreRecord } from '../storage/stores';
import type { EventSpooler, SpooledEvents, WriteResult } from '../ingest/write-events';
import type { LogSource } from './sources';
import { LogFileError, parseLogFile } from './read-log-file';
import { matchesSelectors } from './selector-filter';

/** What imports and live ingestion share: reading log files and committing a batch of them to a store. */
export interface ImportFailure { Location: string; Status: 'FAILED'; ErrorType: string; ErrorMessage: string; LastUpdatedTime: number }

export interface IngestHost {
  store(id: string): StoreRecord | undefined;
  /** Checks and spools records as they are read; no lock, so the next batch is spooled while one commits. */
  spooler(storeId: string): EventSpooler;
  commit(storeId: string, spooled: SpooledEvents): Promise<WriteResult>;
}

export type LogBatch = { file: string; records: Record<string, unknown>[] }[];

const DAY_MS = 86_400_000;

export async function readLogFile(source: LogSource, file: string): Promise<{ records: Record<string, unknown>[]; failure?: ImportFailure }> {
  try {
    return { records: parseLogFile(await source.read(file)) };
  } catch (e) {
    const type = e instanceof LogFileError ? e.errorType : 'ReadError';
    return { records: [], failure: { Location: file, Status: 'FAILED', ErrorType: type, ErrorMessage: (e as Error).message, LastUpdatedTime: Date.now() / 1000 } };
  }
}

/**
 * Appends the records of a batch of files that the store wants: inside the time window, inside
 * the retention period, matching its event selectors. Records the store cannot hold come back as
 * failures naming their file.
 */
export async function ingestBatch(host: IngestHost, store: StoreRecord, batch: LogBatch, window: TimeWindow = {}) {
  const keep = recordFilter(store, window);
  const spooled = host.spooler(store.id).fillWith((s) => {
    for (const { file, records } of batch) s.add(records.filter(keep), file);
  });
  return commitBatch(host, store, spooled);
}

export interface TimeWindow { lo?: number; hi?: number }

/** Which raw records a store takes from an import or its source. */
export function recordFilter(store: StoreRecord, window: TimeWindow): (r: Record<string, unknown>) => boolean {
  const lo = Math.max(window.lo ?? -Infinity, Date.now() - store.retentionPeriod * DAY_MS);
  const hi = window.hi ?? Infinity;
  return (r) => {
    const t = Date.parse(String(r.eventTime));
    // unreadable times go through so the writer reports them as failures
    return (Number.isNaN(t) || (t >= lo && t <= hi)) && matchesSelectors(r, store.advancedEventSelectors);
  };
}

export async function commitBatch(host: IngestHost, store: StoreRecord, spooled: SpooledEvents) {
  const result = await host.commit(store.id, spooled);
  const failures: ImportFailure[] = result.failed.map((f) => ({ Location: f.source ?? store.arn, Status: 'FAILED', ErrorType: 'InvalidRecord', ErrorMessage: f.reason, LastUpdatedTime: Date.now() / 1000 }));
  return { added: result.added, failures };
}
