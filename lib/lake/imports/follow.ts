import fs from 'node:fs';
import path from 'node:path';
import { LakeError } from '../errors';
import { readJson, writeFileAtomic } from '../../util/fs-atomic';
import type { StoreRegistry } from '../storage/stores';
import { failureMessage, ingestBatch, parseFetched, type ImportFailure, type IngestHost, type LogBatch } from './ingest-batch';
import type { LogSource, LogSources } from './sources';
import { viewFieldsFor } from './scan-plan';

/**
 * Per-store progress of live ingestion, kept in `stores/<id>/follow-state.json`; the files
 * ingested are appended to `follow-files.log`, one JSON string a line, so a check writes what it
 * ingested, not everything ingested before (written before that log existed: `files` here).
 */
export interface FollowState {
  files?: string[];
  eventsIngested: number;
  lastCheckAt?: number; // epoch seconds
  lastIngestAt?: number;
  /** Start of the last check that ingested everything it listed: a file that landed before it is queryable. */
  caughtUpAt?: number;
  lastError?: string;
  failures: ImportFailure[];
}

const BATCH_FILES = 200;
const KEEP_FAILURES = 100;

/**
 * Live ingestion: every `intervalMs` each ENABLED store with an ingestion source is checked for
 * log files it has not ingested yet, the way a trail keeps a CloudTrail Lake store current.
 * Files are recorded as ingested only after their batch is committed, and events already stored
 * are skipped by eventID, so a crash never loses or duplicates an event.
 */
export class SourceFollower {
  private timer?: NodeJS.Timeout;
  private busy?: Promise<void>;
  private ingested = new Map<string, Set<string>>();

  constructor(private stores: StoreRegistry, private host: IngestHost, private sources: LogSources, readonly intervalMs = 30_000) {}

  start(): void {
    this.timer = setInterval(() => void this.checkAll(), this.intervalMs);
    this.timer.unref();
    void this.checkAll();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One pass over every following store (a pass already running is awaited, not doubled). */
  checkAll(): Promise<void> {
    this.busy ??= this.checkEach().finally(() => {
      this.busy = undefined;
    });
    return this.busy;
  }

  private async checkEach(): Promise<void> {
    for (const s of this.stores.list()) if (s.ingestionSource && s.status === 'ENABLED') await this.checkStore(s.id);
  }

  state(storeId: string): FollowState {
    return readJson<FollowState>(this.stateFile(storeId)) ?? { eventsIngested: 0, failures: [] };
  }

  /** Files the store has ingested from its source: read once, then kept current in memory. */
  ingestedFiles(storeId: string): Set<string> {
    let set = this.ingested.get(storeId);
    if (set) return set;
    const log = this.filesLog(storeId);
    const lines = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
    // a line cut short by a crash is dropped: its file is read again, and its events skipped by eventID
    set = new Set(lines.flatMap((l) => { try { return [JSON.parse(l) as string]; } catch { return []; } }));
    const state = this.state(storeId);
    if (state.files) {
      for (const f of state.files) set.add(f);
      writeFileAtomic(log, [...set].map((f) => JSON.stringify(f) + '\n').join(''));
      delete state.files;
      this.save(storeId, state);
    }
    this.ingested.set(storeId, set);
    return set;
  }

  /** Appends files committed by a batch to the store's log (fsynced: it says they need no reading again). */
  private recordIngested(storeId: string, files: string[]) {
    const set = this.ingestedFiles(storeId);
    const fd = fs.openSync(this.filesLog(storeId), 'a');
    try {
      fs.writeSync(fd, files.map((f) => JSON.stringify(f) + '\n').join(''));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    for (const f of files) set.add(f);
  }

  private async checkStore(storeId: string): Promise<void> {
    const store = this.stores.get(storeId);
    if (!store?.ingestionSource) return;
    const seen = this.ingestedFiles(storeId); // first: it moves an old state's file list to the log
    const state = this.state(storeId);
    const checkStart = Date.now() / 1000;
    state.lastCheckAt = checkStart;
    let source: LogSource | undefined;
    try {
      source = this.sources.open(store.ingestionSource.uri, { s3Region: store.ingestionSource.s3BucketRegion, shape: store.shape });
      const viewFields = viewFieldsFor(store.advancedEventSelectors);
      const fresh = (await source.list()).filter((f) => !seen.has(f));
      for (let i = 0; i < fresh.length; i += BATCH_FILES) {
        const batch: LogBatch = [];
        for (const fetched of await source.fetch(fresh.slice(i, i + BATCH_FILES))) {
          const { failure, ...parsed } = parseFetched(fetched, viewFields);
          if (failure) state.failures.push(failure);
          batch.push({ file: fetched.file, ...parsed });
        }
        const result = await ingestBatch(this.host, store, batch);
        state.failures.push(...result.failures);
        state.failures = state.failures.slice(-KEEP_FAILURES);
        this.recordIngested(storeId, batch.map((b) => b.file));
        state.eventsIngested += result.added;
        state.lastIngestAt = Date.now() / 1000;
        this.save(storeId, state);
      }
      state.lastError = undefined;
      state.caughtUpAt = checkStart;
    } catch (e) {
      state.lastError = failureMessage(e);
      if (!LakeError.is(e)) console.error(`[lake] following ${store.ingestionSource.uri} into ${storeId} failed:`, e);
    } finally {
      source?.close();
    }
    this.save(storeId, state);
  }

  private filesLog(storeId: string) {
    return path.join(this.stores.dir(storeId), 'follow-files.log');
  }

  private stateFile(storeId: string) {
    return path.join(this.stores.dir(storeId), 'follow-state.json');
  }

  private save(storeId: string, state: FollowState) {
    writeFileAtomic(this.stateFile(storeId), JSON.stringify(state));
  }
}
