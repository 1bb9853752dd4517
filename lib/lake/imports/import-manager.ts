import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { LakeError } from '../errors';
import { readJson, writeFileAtomic } from '../../util/fs-atomic';
import type { StoreRecord } from '../storage/store-registry';
import type { LogSources } from './sources';
import { dayOfPath } from './archive-dates';
import { failureMessage, ingestFiles, recordFilter, type ImportFailure, type IngestHost } from './pipeline';
import { viewFieldsFor } from './scan-plan';
import { DAY_MS } from '../../util/time';

export type ImportStatus = 'INITIALIZING' | 'IN_PROGRESS' | 'FAILED' | 'STOPPED' | 'COMPLETED';

export type { ImportFailure };

/**
 * An import as GetImport reports it, kept in `imports/<id>.json`. The files already done are
 * appended to `imports/<id>.files`, one JSON string per line: rewriting the whole list after every
 * batch would grow with the square of an archive's files.
 */
export interface ImportRecord {
  importId: string;
  destination: string; // store ARN
  storeId: string;
  source: { S3LocationUri: string; S3BucketRegion?: string; S3BucketAccessRoleArn?: string };
  startEventTime?: number; // epoch seconds
  endEventTime?: number;
  status: ImportStatus;
  createdTimestamp: number;
  updatedTimestamp: number;
  statistics: { PrefixesFound: number; PrefixesCompleted: number; FilesCompleted: number; EventsCompleted: number; FailedEntries: number };
  failures: ImportFailure[];
  error?: string;
}

export type ImportHost = IngestHost;

/** The import this process is running: `stop` ends its reading, `listing` its listing. */
interface Run {
  rec: ImportRecord;
  stop: boolean;
  listing: AbortController;
  done: Promise<void>;
}

/** Archive paths in order of their YYYY/MM/DD day, then path. */
function byArchiveDay(a: string, b: string): number {
  const da = dayOfPath(a) ?? '';
  const db = dayOfPath(b) ?? '';
  return da < db ? -1 : da > db ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Runs imports of CloudTrail log files into a store, one at a time. Progress is saved after every
 * batch the store has committed, so a restarted import resumes where it stopped; events already
 * stored are skipped by eventID, so a batch replayed after a crash adds nothing twice.
 */
export class ImportManager {
  private running?: Run;

  constructor(
    private dir: string,
    private host: ImportHost,
    /** Opens sources under the lake's rules (import roots, size caps). */
    private sources: LogSources,
    /** A batch is committed once it holds this many events or 10 times fewer files. */
    private batchEvents = 50_000,
  ) {
    fs.mkdirSync(dir, { recursive: true });
  }

  /**
   * Imports that were running when the process stopped: one that had listed its source
   * (IN_PROGRESS) starts again, listing it anew under the same rules (the roots, the caps) and
   * skipping the files it completed. One that never finished listing (INITIALIZING) is failed
   * instead: its listing may be what stopped the process, and resuming it blindly on every start
   * would stop it again. Retrying it (StartImport with its ImportId) is then the caller's choice.
   */
  resumeInterrupted(): void {
    for (const rec of this.list().filter((r) => r.status === 'INITIALIZING')) {
      this.fail(
        rec,
        new LakeError('ImportFailed', 'The import was interrupted while listing its source (the lake stopped); retry it to list the source again.'),
      );
      this.save(rec);
    }
    const interrupted = this.list().find((r) => r.status === 'IN_PROGRESS');
    if (interrupted) this.launch(interrupted);
  }

  start(input: { store: StoreRecord; source: ImportRecord['source']; startEventTime?: number; endEventTime?: number }): ImportRecord {
    this.assertIdle();
    this.sources.check(input.source.S3LocationUri, input.source.S3BucketRegion); // refuses a bad source now, synchronously
    const now = Date.now() / 1000;
    const rec: ImportRecord = {
      importId: randomUUID(),
      destination: input.store.arn,
      storeId: input.store.id,
      source: input.source,
      startEventTime: input.startEventTime,
      endEventTime: input.endEventTime,
      status: 'INITIALIZING',
      createdTimestamp: now,
      updatedTimestamp: now,
      statistics: { PrefixesFound: 0, PrefixesCompleted: 0, FilesCompleted: 0, EventsCompleted: 0, FailedEntries: 0 },
      failures: [],
    };
    this.save(rec);
    this.launch(rec);
    return rec;
  }

  /** StartImport with only an ImportId: retry a stopped or failed import from where it was. */
  retry(importId: string): ImportRecord {
    const rec = this.get(importId);
    if (rec.status === 'COMPLETED' || this.running?.rec.importId === importId) {
      throw new LakeError('InvalidParameterException', `Import ${importId} is ${rec.status} and cannot be retried.`);
    }
    this.assertIdle();
    rec.status = 'INITIALIZING';
    this.save(rec);
    this.launch(rec);
    return rec;
  }

  stop(importId: string): ImportRecord {
    const rec = this.get(importId);
    if (this.running?.rec.importId === importId) {
      this.running.stop = true;
      this.running.listing.abort();
      return this.running.rec;
    }
    return rec;
  }

  get(importId: string): ImportRecord {
    if (this.running?.rec.importId === importId) return this.running.rec;
    const rec = /^[0-9a-f-]{36}$/.test(importId) ? readJson<ImportRecord & { completedFiles?: unknown }>(path.join(this.dir, `${importId}.json`)) : undefined;
    if (!rec) throw new LakeError('ImportNotFoundException', `Import ${importId} not found.`);
    delete rec.completedFiles; // kept in the record itself before the list had a file of its own
    return rec;
  }

  /** The files a restarted import skips: as many as its saved statistics count, so both agree. */
  private completedFiles(rec: ImportRecord): string[] {
    let text = '';
    try {
      text = fs.readFileSync(this.filesLog(rec), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    const legacy = readJson<{ completedFiles?: string[] }>(path.join(this.dir, `${rec.importId}.json`))?.completedFiles ?? [];
    return [
      ...legacy,
      ...text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as string),
    ].slice(0, rec.statistics.FilesCompleted);
  }

  private filesLog(rec: ImportRecord): string {
    return path.join(this.dir, `${rec.importId}.files`);
  }

  list(): ImportRecord[] {
    return fs
      .readdirSync(this.dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => this.get(f.slice(0, -5)))
      .sort((a, b) => b.createdTimestamp - a.createdTimestamp);
  }

  hasOngoing(storeId: string): boolean {
    return this.running?.rec.storeId === storeId;
  }

  /** Resolves when the running import (if any) has finished; for tests and shutdown. */
  async idle(): Promise<void> {
    await this.running?.done;
  }

  private assertIdle() {
    if (this.running) {
      throw new LakeError('AccountHasOngoingImportException', `Import ${this.running.rec.importId} is still running; wait for it or stop it first.`);
    }
  }

  private launch(rec: ImportRecord) {
    const run: Run = { rec, stop: false, listing: new AbortController(), done: Promise.resolve() };
    this.running = run;
    run.done = this.execute(run)
      .catch((e) => {
        if (run.listing.signal.aborted && (e as Error)?.name === 'AbortError') {
          rec.status = 'STOPPED'; // stopped while listing
          return;
        }
        this.fail(rec, e);
        console.error(`[lake] import ${rec.importId} failed:`, e);
      })
      .finally(() => {
        rec.updatedTimestamp = Date.now() / 1000;
        this.save(rec);
        if (this.running === run) this.running = undefined;
      });
  }

  /** Marks an import failed as a whole. GetImport has no field for why; ListImportFailures shows it against the source. */
  private fail(rec: ImportRecord, e: unknown) {
    rec.status = 'FAILED';
    rec.error = failureMessage(e);
    rec.failures.push({
      Location: rec.source.S3LocationUri,
      Status: 'FAILED',
      ErrorType: 'ImportFailed',
      ErrorMessage: rec.error,
      LastUpdatedTime: Date.now() / 1000,
    });
    rec.statistics.FailedEntries++;
  }

  private async execute(run: Run) {
    const rec = run.rec;
    const store = this.host.store(rec.storeId);
    if (!store || store.status === 'PENDING_DELETION') throw new LakeError('ImportFailed', `event data store ${rec.storeId} is no longer active`);
    const source = this.sources.open(rec.source.S3LocationUri, { s3Region: rec.source.S3BucketRegion, shape: store.shape });
    // Day by day, so a batch touches few days: fewer, larger Parquet files and less to check for duplicates.
    let listed: string[];
    try {
      listed = await source.list(run.listing.signal);
    } catch (e) {
      source.close();
      throw e;
    }
    const files = listed.filter((f) => this.inWindow(f, rec)).sort(byArchiveDay);
    const completed = this.completedFiles(rec);
    const done = new Set(completed);
    const donePrefixes = new Set(completed.map((f) => path.posix.dirname(f)));
    // lines past what the saved record counts (a crash between the two writes) are dropped
    writeFileAtomic(this.filesLog(rec), completed.map((f) => JSON.stringify(f) + '\n').join(''));
    const prefixes = new Set(files.map((f) => path.posix.dirname(f)));
    rec.statistics.PrefixesFound = prefixes.size;
    rec.status = 'IN_PROGRESS';
    this.save(rec);

    try {
      await ingestFiles({
        host: this.host,
        store,
        source,
        files: files.filter((f) => !done.has(f)),
        keep: recordFilter(store, this.window(rec)),
        viewFields: viewFieldsFor(store.advancedEventSelectors),
        batchEvents: this.batchEvents,
        batchFiles: Math.max(1, this.batchEvents / 10),
        stopped: () => run.stop,
        failed: (failure) => {
          rec.failures.push(failure);
          rec.statistics.FailedEntries++;
        },
        committed: (batch, added, refused) => {
          this.recordBatch(rec, batch, added, refused);
          batch.forEach((f) => donePrefixes.add(path.posix.dirname(f)));
          rec.statistics.PrefixesCompleted = donePrefixes.size; // live, for progress (GetImport); saved with the next batch
        },
      });
    } finally {
      source.close();
    }
    rec.statistics.PrefixesCompleted = donePrefixes.size;
    rec.status = run.stop ? 'STOPPED' : 'COMPLETED';
  }

  private window(rec: ImportRecord) {
    return {
      lo: rec.startEventTime !== undefined ? rec.startEventTime * 1000 : undefined,
      hi: rec.endEventTime !== undefined ? rec.endEventTime * 1000 : undefined,
    };
  }

  /** A committed batch, in the import's record: its files done, its events and refused records counted. */
  private recordBatch(rec: ImportRecord, files: string[], added: number, refused: ImportFailure[]) {
    rec.failures.push(...refused);
    rec.statistics.FailedEntries += refused.length;
    // the list first: a crash before the record is saved only makes the restart read the batch again
    this.appendFiles(rec, files);
    rec.statistics.FilesCompleted += files.length;
    rec.statistics.EventsCompleted += added;
    rec.updatedTimestamp = Date.now() / 1000;
    this.save(rec);
  }

  /** Files whose archive date is outside the requested window (with a day of slack) are skipped. */
  private inWindow(file: string, rec: ImportRecord): boolean {
    const day = dayOfPath(file);
    if (!day) return true;
    const t = Date.parse(`${day}T00:00:00Z`);
    if (rec.startEventTime !== undefined && t + 2 * DAY_MS < rec.startEventTime * 1000) return false;
    if (rec.endEventTime !== undefined && t - DAY_MS > rec.endEventTime * 1000) return false;
    return true;
  }

  private appendFiles(rec: ImportRecord, files: string[]) {
    fs.appendFileSync(this.filesLog(rec), files.map((f) => JSON.stringify(f) + '\n').join(''));
  }

  private save(rec: ImportRecord) {
    writeFileAtomic(path.join(this.dir, `${rec.importId}.json`), JSON.stringify(rec));
  }
}
