import type { StoreRecord } from '../storage/store-registry';
import { discardSpooled, type EventSpooler, type RecordFilter, type SpooledEvents, type WriteResult } from '../ingest/write-events';
import type { LogSource, ReadResult } from './sources';
import { LakeError } from '../errors';
import { LogFileError, parseLogFile } from './read-log-file';
import { recordsOnly, type RecordBatch } from '../ingest/record-batch';
import { matchesSelectors } from './selector-filter';
import { readAhead } from './read-ahead';
import { DAY_MS } from '../../util/time';

/**
 * The one ingest pipeline, driven by imports (`ImportManager`) and live ingestion
 * (`SourceFollower`): read log files a few chunks ahead, parse, spool, and commit batches in
 * order while the next ones are read.
 */
export interface ImportFailure {
  Location: string;
  Status: 'FAILED';
  ErrorType: string;
  ErrorMessage: string;
  LastUpdatedTime: number;
}

export interface IngestHost {
  store(id: string): StoreRecord | undefined;
  /** Checks and spools records as they are read; no lock, so the next batch is spooled while one commits. */
  spooler(storeId: string): EventSpooler;
  commit(storeId: string, spooled: SpooledEvents): Promise<WriteResult>;
}

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

/** Log files are read and decompressed in chunks, a few chunks ahead of the parsing. */
const READ_CHUNK_FILES = 64;
const READ_AHEAD_CHUNKS = 3;

const failureOf = (file: string, errorType: string, message: string): ImportFailure => ({
  Location: file,
  Status: 'FAILED',
  ErrorType: errorType,
  ErrorMessage: message,
  LastUpdatedTime: Date.now() / 1000,
});

/** Records of a file a source fetched, or why it has none; `viewFields` as `viewFieldsFor` gives them for the store. */
export function parseFetched(fetched: ReadResult, viewFields?: readonly string[]): RecordBatch & { failure?: ImportFailure } {
  if (!fetched.bytes)
    return { ...recordsOnly([]), failure: failureOf(fetched.file, fetched.errorType ?? 'ReadError', fetched.message ?? 'the file could not be read') };
  try {
    const bytes = Buffer.from(fetched.bytes.buffer, fetched.bytes.byteOffset, fetched.bytes.byteLength);
    return parseLogFile(bytes, fetched.spans && { spans: fetched.spans, stride: fetched.stride, checksums: fetched.checksums, viewFields });
  } catch (e) {
    return { ...recordsOnly([]), failure: failureOf(fetched.file, e instanceof LogFileError ? e.errorType : 'ReadError', (e as Error).message) };
  }
}

export interface TimeWindow {
  lo?: number;
  hi?: number;
}

/** Which raw records a store takes: inside the time window and the retention period, matching its event selectors. */
export function recordFilter(store: StoreRecord, window: TimeWindow): RecordFilter {
  const lo = Math.max(window.lo ?? -Infinity, Date.now() - store.retentionPeriod * DAY_MS);
  const hi = window.hi ?? Infinity;
  return {
    // records that are not objects go through so the spooler reports them as failures
    wants: (r) => !r || typeof r !== 'object' || matchesSelectors(r as Record<string, unknown>, store.advancedEventSelectors),
    inWindow: (t) => t >= lo && t <= hi,
  };
}

export interface IngestRun {
  host: IngestHost;
  store: StoreRecord;
  source: LogSource;
  /** Files to read, in the order their batches commit. */
  files: string[];
  keep: RecordFilter;
  viewFields?: readonly string[];
  /** A batch commits once it holds this many events, or this many files. */
  batchEvents: number;
  batchFiles: number;
  /** Checked before each file: true ends the reading (StopImport); batches read so far still commit. */
  stopped?: () => boolean;
  /** A file with nothing to give: unreadable, or not a log file. */
  failed(failure: ImportFailure): void;
  /** A batch is in the store: its files, events added, records it refused (naming their file). Called in order. */
  committed(files: string[], added: number, refused: ImportFailure[]): void;
}

/**
 * Reads, spools and commits `run.files`. Each file's records are spooled as soon as it is read,
 * so memory stays flat. While DuckDB commits one batch, the next ones are read, parsed and
 * spooled: the two use different cores. Batches commit in order; at most two wait on disk for
 * their commit while the next is read. A failed commit ends the run with its error, and nothing
 * after it commits.
 */
export async function ingestFiles(run: IngestRun): Promise<void> {
  const { host, store, source } = run;
  let spooler = host.spooler(store.id);
  let batchFiles: string[] = [];
  let batchEvents = 0;
  const commits: Promise<void>[] = [];
  const commitBatch = async (files: string[], spooled: SpooledEvents) => {
    const result = await host.commit(store.id, spooled);
    const refused = result.failed.map((f) => failureOf(f.source ?? store.arn, 'InvalidRecord', f.reason));
    run.committed(files, result.added, refused);
  };
  const flush = async () => {
    if (!batchFiles.length) return;
    const [spooled, files] = [await spooler.finish(), batchFiles];
    spooler = host.spooler(store.id);
    batchFiles = [];
    batchEvents = 0;
    const previous = commits.at(-1) ?? Promise.resolve();
    const commit = previous.then(
      () => commitBatch(files, spooled),
      (e) => {
        discardSpooled(spooled);
        throw e;
      },
    );
    commit.catch(() => undefined); // awaited below; this only marks it handled
    commits.push(commit);
    if (commits.length > 2) await commits.shift();
  };
  const chunks = Array.from({ length: Math.ceil(run.files.length / READ_CHUNK_FILES) }, (_, i) =>
    run.files.slice(i * READ_CHUNK_FILES, (i + 1) * READ_CHUNK_FILES),
  );
  try {
    reading: for await (const chunk of readAhead(chunks, (c) => source.fetch(c), READ_AHEAD_CHUNKS)) {
      for (const fetched of chunk) {
        if (run.stopped?.()) break reading;
        const { failure, ...parsed } = parseFetched(fetched, run.viewFields);
        if (failure) run.failed(failure);
        spooler.add(parsed, fetched.file, run.keep);
        batchFiles.push(fetched.file);
        batchEvents += parsed.records.length;
        if (batchEvents >= run.batchEvents || batchFiles.length >= run.batchFiles) await flush();
      }
    }
    await flush();
  } finally {
    await spooler.discard(); // a batch cut short by an error; empty after the last flush
  }
  for (const commit of commits) await commit;
}
