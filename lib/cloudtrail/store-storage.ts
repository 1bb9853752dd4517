import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { callExtension } from './extension-call';

/**
 * A built-in lake store's storage and live-ingestion state, as `TrailbenchDescribeStorage` and
 * `TrailbenchCompactEventDataStore` return it. Times are epoch seconds.
 */
export interface StoreStorage {
  EventDataStoreArn: string;
  Files: number;
  Bytes: number;
  Events: number;
  Days: number;
  MaxFilesPerDay: number;
  ManifestBytes: number;
  /** Files compaction or retention dropped that a running query still reads. */
  FilesAwaitingDeletion: number;
  LastCompactionTime?: number;
  LastCompactionFilesMerged?: number;
  LastCompactionError?: string;
  /** Oldest and newest eventTime stored (epoch seconds), null for an empty store. */
  OldestEventTime: number | null;
  NewestEventTime: number | null;
  /** Stored events per UTC day, oldest first. */
  EventsPerDay: { Day: string; Events: number }[];
  Follow: {
    SourceUri: string | null;
    IntervalSeconds: number;
    FilesIngested: number;
    EventsIngested: number;
    LastCheckTime?: number;
    LastIngestTime?: number;
    /** Start of the last check that ingested all it listed. */
    CaughtUpTime?: number;
    /** Seconds since CaughtUpTime while the store follows a source: no file older than that waits. */
    LagSeconds?: number;
    LastError?: string;
    RecentFailures: { Location: string; ErrorType: string; ErrorMessage: string; LastUpdatedTime: number }[];
  };
}

/** The store's storage state, or undefined where the lake is not a Trailbench lake (AWS). */
export function describeStorage(client: CloudTrailClient, store: string): Promise<StoreStorage | undefined> {
  return callExtension<StoreStorage>(client, 'TrailbenchDescribeStorage', { EventDataStore: store }).catch(() => undefined);
}

/** Compacts the store now; undefined where the lake has no compaction (AWS). */
export function compactStore(client: CloudTrailClient, store: string): Promise<StoreStorage | undefined> {
  return callExtension<StoreStorage>(client, 'TrailbenchCompactEventDataStore', { EventDataStore: store });
}
