import type { StoreRecord } from '../storage/stores';
import type { SpooledEvents, WriteResult } from '../ingest/write-events';
import type { LogSource } from './sources';
import { LogFileError, parseLogFile } from './read-log-file';
import { matchesSelectors } from './selector-filter';

/** What imports and live ingestion share: reading log files and committing a batch of them to a store. */
export interface ImportFailure { Location: string; Status: 'FAILED'; ErrorType: string; ErrorMessage: string; LastUpdatedTime: number }

export interface IngestHost {
  store(id: string): StoreRecord | undefined;
  /** Checks and spools records; no lock, so the next batch can be spooled while one commits. */
  spool(storeId: string, records: unknown[]): SpooledEvents;
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

/** A batch whose records are spooled, waiting for `commitBatch`; `owners[i]` is record i's file. */
export interface SpooledBatch { spooled: SpooledEvents; owners: string[] }

/**
 * Appends the records of a batch of files that the store wants: inside the time window, inside
 * the retention period, matching its event selectors. Records the store cannot hold come back as
 * failures naming their file.
 */
export async function ingestBatch(host: IngestHost, store: StoreRecord, batch: LogBatch, window: { lo?: number; hi?: number } = {}) {
  return commitBatch(host, store, spoolBatch(host, store, batch, window));
}

/** The CPU-bound first half of `ingestBatch`: selects and spools the records. */
export function spoolBatch(host: IngestHost, store: StoreRecord, batch: LogBatch, window: { lo?: number; hi?: number } = {}): SpooledBatch {
  const lo = Math.max(window.lo ?? -Infinity, Date.now() - store.retentionPeriod * DAY_MS);
  const hi = window.hi ?? Infinity;
  const keep = (r: Record<string, unknown>) => {
    const t = Date.parse(String(r.eventTime));
    // unreadable times go through so the writer reports them as failures
    return (Number.isNaN(t) || (t >= lo && t <= hi)) && matchesSelectors(r, store.advancedEventSelectors);
  };
  const owners: string[] = [];
  const records: unknown[] = [];
  for (const { file, records: rs } of batch) {
    for (const r of rs) if (keep(r)) { records.push(r); owners.push(file); }
  }
  return { spooled: host.spool(store.id, records), owners };
}

export async function commitBatch(host: IngestHost, store: StoreRecord, { spooled, owners }: SpooledBatch) {
  const result = await host.commit(store.id, spooled);
  const failures: ImportFailure[] = result.failed.map((f) => ({ Location: owners[f.index], Status: 'FAILED', ErrorType: 'InvalidRecord', ErrorMessage: f.reason, LastUpdatedTime: Date.now() / 1000 }));
  return { added: result.added, failures };
}
