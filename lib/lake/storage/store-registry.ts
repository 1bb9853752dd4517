import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { readJson, writeFileAtomic } from '../../util/fs-atomic';
import { shapeForCategories, type TableShape } from '../schema';

export type StoreStatus = 'CREATED' | 'ENABLED' | 'PENDING_DELETION' | 'STARTING_INGESTION' | 'STOPPING_INGESTION' | 'STOPPED_INGESTION';

export interface AdvancedEventSelector {
  Name?: string;
  FieldSelectors: {
    Field: string;
    Equals?: string[];
    StartsWith?: string[];
    EndsWith?: string[];
    NotEquals?: string[];
    NotStartsWith?: string[];
    NotEndsWith?: string[];
  }[];
}

/** An event data store's settings, kept in `stores/<id>/store.json`. */
export interface StoreRecord {
  id: string;
  name: string;
  arn: string;
  status: StoreStatus;
  shape: TableShape;
  retentionPeriod: number;
  multiRegionEnabled: boolean;
  organizationEnabled: boolean;
  terminationProtectionEnabled: boolean;
  billingMode: 'EXTENDABLE_RETENTION_PRICING' | 'FIXED_RETENTION_PRICING';
  advancedEventSelectors: AdvancedEventSelector[];
  tags: { Key: string; Value: string }[];
  createdTimestamp: number; // epoch seconds
  updatedTimestamp: number;
  /** When DeleteEventDataStore was called (epoch seconds); the store is purged 7 days later. */
  deletionRequestedAt?: number;
  /** Status to return to when a pending deletion is restored. */
  statusBeforeDeletion?: StoreStatus;
  /** A log source the store follows, ingesting new files as they appear (a Trailbench extension). */
  ingestionSource?: { uri: string; s3BucketRegion?: string };
}

export const DEFAULT_SELECTORS: AdvancedEventSelector[] = [
  { Name: 'Default management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
];

export class StoreRegistry {
  constructor(
    private storesDir: string,
    private region: string,
    private account: string,
    /** Event data stores the lake may hold, pending deletion included (CloudTrail Lake's quota is 10 per region). */
    readonly maxStores = 10,
  ) {
    fs.mkdirSync(storesDir, { recursive: true });
  }

  dir(id: string): string {
    return path.join(this.storesDir, id);
  }

  list(): StoreRecord[] {
    return fs
      .readdirSync(this.storesDir)
      .map((id) => readJson<StoreRecord>(path.join(this.storesDir, id, 'store.json')))
      .filter((s): s is StoreRecord => !!s)
      .sort((a, b) => a.createdTimestamp - b.createdTimestamp || a.id.localeCompare(b.id));
  }

  /** By ID or full ARN, as every EventDataStore input accepts. */
  get(idOrArn: string): StoreRecord | undefined {
    const id = idOrArn.includes(':eventdatastore/') ? idOrArn.split('/').pop()! : idOrArn;
    if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
    return readJson<StoreRecord>(path.join(this.storesDir, id.toLowerCase(), 'store.json'));
  }

  byName(name: string): StoreRecord | undefined {
    return this.list().find((s) => s.name === name);
  }

  create(input: Partial<StoreRecord> & { name: string }): StoreRecord {
    const id = randomUUID();
    const now = Date.now() / 1000;
    const rec: StoreRecord = {
      id,
      name: input.name,
      arn: `arn:aws:cloudtrail:${this.region}:${this.account}:eventdatastore/${id}`,
      status: input.status ?? 'ENABLED',
      shape: input.shape ?? shapeForCategories(categoriesOf(input.advancedEventSelectors ?? DEFAULT_SELECTORS)),
      retentionPeriod: input.retentionPeriod ?? 366,
      multiRegionEnabled: input.multiRegionEnabled ?? true,
      organizationEnabled: input.organizationEnabled ?? false,
      terminationProtectionEnabled: input.terminationProtectionEnabled ?? true,
      billingMode: input.billingMode ?? 'EXTENDABLE_RETENTION_PRICING',
      advancedEventSelectors: input.advancedEventSelectors ?? DEFAULT_SELECTORS,
      tags: input.tags ?? [],
      createdTimestamp: now,
      updatedTimestamp: now,
    };
    this.save(rec);
    return rec;
  }

  /** Removes a store and all its files for good. */
  purge(id: string): void {
    fs.rmSync(this.dir(id), { recursive: true, force: true });
  }

  save(rec: StoreRecord): void {
    writeFileAtomic(path.join(this.dir(rec.id), 'store.json'), JSON.stringify(rec, null, 2));
  }
}

/** The eventCategory values a store's selectors ask for. */
export function categoriesOf(selectors: AdvancedEventSelector[]): string[] {
  return selectors.flatMap((s) => s.FieldSelectors.filter((f) => f.Field === 'eventCategory').flatMap((f) => f.Equals ?? []));
}
