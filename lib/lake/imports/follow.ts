import fs from 'node:fs';
import path from 'node:path';
import { LakeError } from '../errors';
import { readJson, writeFileAtomic } from '../../util/fs-atomic';
import type { StoreRegistry } from '../storage/store-registry';
import { failureMessage, ingestFiles, recordFilter, type ImportFailure, type IngestHost } from './pipeline';
import type { LogSource, LogSources } from './sources';
import { viewFieldsFor } from './scan-plan';
import { dateRootOf, dayOfPath } from './archive-dates';
import { DAY_MS } from '../../util/time';

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

/** A check commits a batch per 200 files or 50,000 events, as an import does per 50,000. */
const BATCH_FILES = 200;
const BATCH_EVENTS = 50_000;
/**
 * A check lists only the date folders from the day before the newest day ingested (a trail
 * writes into today's folder; the day before covers midnight and late deliveries), so its cost
 * follows the days being written, not the archive's months. A full listing — on the first check,
 * then hourly, and always for a source with files outside date folders — picks up a file landing
 * in an older folder (a backfill) and the folders of a new account or region.
 */
const FULL_LISTING_MS = 3_600_000;
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
  /** Per store: when its source was last listed whole, and what listings have shown of its layout. */
  private layouts = new Map<string, SourceLayout>();

  constructor(
    private stores: StoreRegistry,
    private host: IngestHost,
    private sources: LogSources,
    readonly intervalMs = 30_000,
  ) {}

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
    set = new Set(
      lines.flatMap((l) => {
        try {
          return [JSON.parse(l) as string];
        } catch {
          return [];
        }
      }),
    );
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
      const layout = this.layoutOf(storeId, source.uri);
      const listed = await source.list(undefined, layout.recentOnly());
      layout.learn(listed);
      const fresh = listed.filter((f) => !seen.has(f));
      await ingestFiles({
        host: this.host,
        store,
        source,
        files: fresh,
        keep: recordFilter(store, {}),
        viewFields: viewFieldsFor(store.advancedEventSelectors),
        batchEvents: BATCH_EVENTS,
        batchFiles: BATCH_FILES,
        failed: (failure) => state.failures.push(failure),
        committed: (files, added, refused) => {
          state.failures = [...state.failures, ...refused].slice(-KEEP_FAILURES);
          this.recordIngested(storeId, files);
          state.eventsIngested += added;
          state.lastIngestAt = Date.now() / 1000;
          this.save(storeId, state);
        },
      });
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

  private layoutOf(storeId: string, uri: string): SourceLayout {
    let l = this.layouts.get(storeId);
    if (!l || l.uri !== uri) this.layouts.set(storeId, (l = new SourceLayout(uri)));
    return l;
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

/** What a follower knows of its source's layout: the newest archive day and the prefixes holding date folders. */
class SourceLayout {
  private fullAt = 0;
  private newestDay?: string;
  private dateRoots = new Set<string>();
  private undated = false;

  constructor(readonly uri: string) {}

  /** The listing options of the next check: everything when a full listing is due. */
  recentOnly(): { since?: string; dateRoots?: string[] } {
    if (Date.now() - this.fullAt >= FULL_LISTING_MS || this.undated || !this.newestDay) {
      this.fullAt = Date.now();
      this.dateRoots.clear();
      this.undated = false;
      return {};
    }
    return { since: new Date(Date.parse(this.newestDay) - DAY_MS).toISOString().slice(0, 10), dateRoots: [...this.dateRoots] };
  }

  learn(files: readonly string[]) {
    for (const f of files) {
      const day = dayOfPath(f);
      const root = dateRootOf(f);
      if (!day || !root) this.undated = true;
      else {
        if (!this.newestDay || day > this.newestDay) this.newestDay = day;
        this.dateRoots.add(root);
      }
    }
  }
}
