import { LakeError, storeNotFound } from '../errors';
import { DEFAULT_SELECTORS, type AdvancedEventSelector, type StoreRecord, type StoreRegistry } from '../storage/store-registry';
import { validateSelectors } from './selectors';

/**
 * Event data store lifecycle with CloudTrail's rules: unique names, 10 stores per lake,
 * retention bounds, termination protection, PENDING_DELETION for 7 days, restore, and
 * starting/stopping ingestion.
 */
export const DELETION_GRACE_MS = 7 * 86_400_000;

export interface StoreSettings {
  Name?: string;
  AdvancedEventSelectors?: AdvancedEventSelector[];
  MultiRegionEnabled?: boolean;
  OrganizationEnabled?: boolean;
  RetentionPeriod?: number;
  TerminationProtectionEnabled?: boolean;
  BillingMode?: 'EXTENDABLE_RETENTION_PRICING' | 'FIXED_RETENTION_PRICING';
  KmsKeyId?: string;
}

const invalidParameter = (m: string) => new LakeError('InvalidParameterException', m);
const NAME = /^[a-zA-Z0-9._-]{3,128}$/;

function checkRetention(days: number, billing: StoreRecord['billingMode']) {
  const max = billing === 'FIXED_RETENTION_PRICING' ? 2557 : 3653;
  if (!Number.isInteger(days) || days < 7 || days > max) {
    throw invalidParameter(`RetentionPeriod must be between 7 and ${max} days for ${billing}; got ${days}.`);
  }
}

function checkName(stores: StoreRegistry, name: string, self?: string) {
  if (!NAME.test(name)) throw invalidParameter(`Name must be 3-128 letters, digits, '.', '_' or '-'; got '${name}'.`);
  const other = stores.byName(name);
  if (other && other.id !== self) throw new LakeError('EventDataStoreAlreadyExistsException', `An event data store named ${name} already exists.`);
}

export function createStore(
  stores: StoreRegistry,
  input: StoreSettings & { Name: string; TagsList?: { Key: string; Value?: string }[]; StartIngestion?: boolean },
): StoreRecord {
  if (input.KmsKeyId)
    throw new LakeError('UnsupportedOperationException', "The built-in lake does not support KMS keys; stores are kept on the lake's own disk.");
  checkName(stores, input.Name);
  if (stores.list().length >= stores.maxStores) {
    throw new LakeError(
      'EventDataStoreMaxLimitExceededException',
      `This lake already has ${stores.maxStores} event data stores (stores pending deletion count too).`,
    );
  }
  const billingMode = input.BillingMode ?? 'EXTENDABLE_RETENTION_PRICING';
  const retentionPeriod = input.RetentionPeriod ?? (billingMode === 'FIXED_RETENTION_PRICING' ? 2557 : 366);
  checkRetention(retentionPeriod, billingMode);
  const selectors = input.AdvancedEventSelectors ?? DEFAULT_SELECTORS;
  const shape = validateSelectors(selectors);
  const tags = input.TagsList ?? [];
  if (tags.length > 50 || tags.some((t) => !t.Key || t.Key.length > 128 || (t.Value ?? '').length > 256)) {
    throw new LakeError('InvalidTagParameterException', 'Tags need a Key of 1-128 characters and a Value of up to 256; at most 50 tags.');
  }
  return stores.create({
    name: input.Name,
    shape,
    advancedEventSelectors: selectors,
    billingMode,
    retentionPeriod,
    multiRegionEnabled: input.MultiRegionEnabled ?? true,
    organizationEnabled: input.OrganizationEnabled ?? false,
    terminationProtectionEnabled: input.TerminationProtectionEnabled ?? true,
    tags: tags.map((t) => ({ Key: t.Key, Value: t.Value ?? '' })),
    status: input.StartIngestion === false ? 'STOPPED_INGESTION' : 'ENABLED',
  });
}

export function requireActive(stores: StoreRegistry, idOrArn: string): StoreRecord {
  const s = stores.get(idOrArn);
  if (!s) throw storeNotFound(idOrArn);
  if (s.status === 'PENDING_DELETION') throw new LakeError('InactiveEventDataStoreException', `Event data store ${s.id} is pending deletion.`);
  return s;
}

export function updateStore(stores: StoreRegistry, idOrArn: string, input: StoreSettings): StoreRecord {
  const s = requireActive(stores, idOrArn);
  if (input.KmsKeyId) throw new LakeError('UnsupportedOperationException', 'The built-in lake does not support KMS keys.');
  const changes = Object.entries(input).filter(([, v]) => v !== undefined);
  if (!changes.length) throw invalidParameter('Give at least one setting to update.');
  if (input.Name !== undefined) checkName(stores, input.Name, s.id);
  if (input.BillingMode === 'FIXED_RETENTION_PRICING' && s.billingMode === 'EXTENDABLE_RETENTION_PRICING') {
    throw invalidParameter('BillingMode can change from FIXED_RETENTION_PRICING to EXTENDABLE_RETENTION_PRICING only.');
  }
  const billingMode = input.BillingMode ?? s.billingMode;
  if (input.RetentionPeriod !== undefined) checkRetention(input.RetentionPeriod, billingMode);
  if (input.AdvancedEventSelectors) {
    const shape = validateSelectors(input.AdvancedEventSelectors);
    if (shape !== s.shape)
      throw new LakeError(
        'InvalidEventSelectorsException',
        `Event data store ${s.id} holds ${s.shape} events; its selectors cannot switch it to another kind.`,
      );
  }
  const next: StoreRecord = {
    ...s,
    name: input.Name ?? s.name,
    advancedEventSelectors: input.AdvancedEventSelectors ?? s.advancedEventSelectors,
    multiRegionEnabled: input.MultiRegionEnabled ?? s.multiRegionEnabled,
    organizationEnabled: input.OrganizationEnabled ?? s.organizationEnabled,
    retentionPeriod: input.RetentionPeriod ?? s.retentionPeriod,
    terminationProtectionEnabled: input.TerminationProtectionEnabled ?? s.terminationProtectionEnabled,
    billingMode,
    updatedTimestamp: Date.now() / 1000,
  };
  stores.save(next);
  return next;
}

export function deleteStore(stores: StoreRegistry, idOrArn: string, hasOngoingImport: (id: string) => boolean): void {
  const s = requireActive(stores, idOrArn);
  if (s.terminationProtectionEnabled) {
    throw new LakeError(
      'EventDataStoreTerminationProtectedException',
      `Event data store ${s.id} has termination protection on; turn it off with UpdateEventDataStore first.`,
    );
  }
  if (hasOngoingImport(s.id)) throw new LakeError('EventDataStoreHasOngoingImportException', `Event data store ${s.id} has an import in progress.`);
  stores.save({
    ...s,
    status: 'PENDING_DELETION',
    statusBeforeDeletion: s.status,
    deletionRequestedAt: Date.now() / 1000,
    updatedTimestamp: Date.now() / 1000,
  });
}

export function restoreStore(stores: StoreRegistry, idOrArn: string): StoreRecord {
  const s = stores.get(idOrArn);
  if (!s) throw storeNotFound(idOrArn);
  if (s.status !== 'PENDING_DELETION') {
    throw new LakeError('InvalidEventDataStoreStatusException', `Event data store ${s.id} is ${s.status}; only a store pending deletion can be restored.`);
  }
  const next: StoreRecord = {
    ...s,
    status: s.statusBeforeDeletion ?? 'ENABLED',
    deletionRequestedAt: undefined,
    statusBeforeDeletion: undefined,
    updatedTimestamp: Date.now() / 1000,
  };
  stores.save(next);
  return next;
}

export function setIngestion(stores: StoreRegistry, idOrArn: string, on: boolean): StoreRecord {
  const s = requireActive(stores, idOrArn);
  if (s.shape !== 'cloudtrail' && s.shape !== 'config') {
    throw new LakeError('InvalidEventDataStoreCategoryException', `Ingestion of ${s.shape} stores cannot be started or stopped.`);
  }
  const from = on ? 'STOPPED_INGESTION' : 'ENABLED';
  if (s.status !== from) {
    throw new LakeError(
      'InvalidEventDataStoreStatusException',
      `Event data store ${s.id} is ${s.status}; it must be ${from} to ${on ? 'start' : 'stop'} ingestion.`,
    );
  }
  const next: StoreRecord = { ...s, status: on ? 'ENABLED' : 'STOPPED_INGESTION', updatedTimestamp: Date.now() / 1000 };
  stores.save(next);
  return next;
}

/** Purges stores whose 7-day deletion window has passed; returns their IDs. */
export function purgeDeleted(stores: StoreRegistry, now = Date.now()): string[] {
  const gone = stores
    .list()
    .filter((s) => s.status === 'PENDING_DELETION' && s.deletionRequestedAt !== undefined && now - s.deletionRequestedAt * 1000 >= DELETION_GRACE_MS);
  for (const s of gone) stores.purge(s.id);
  return gone.map((s) => s.id);
}
