import { z } from 'zod';
import type { Lake } from '../../lake';
import type { StoreRecord } from '../../storage/store-registry';
import { LakeError, storeNotFound } from '../../errors';
import { createStore, deleteStore, restoreStore, setIngestion, updateStore } from '../../stores/lifecycle';
import { pageOf } from '../paging';
import { maxResults, parseInput, token } from './input';

export function storeSummary(s: StoreRecord) {
  return {
    EventDataStoreArn: s.arn,
    Name: s.name,
    TerminationProtectionEnabled: s.terminationProtectionEnabled,
    Status: s.status,
    AdvancedEventSelectors: s.advancedEventSelectors,
    MultiRegionEnabled: s.multiRegionEnabled,
    OrganizationEnabled: s.organizationEnabled,
    RetentionPeriod: s.retentionPeriod,
    CreatedTimestamp: s.createdTimestamp,
    UpdatedTimestamp: s.updatedTimestamp,
  };
}

export function storeDetail(s: StoreRecord) {
  return { ...storeSummary(s), BillingMode: s.billingMode, FederationStatus: 'DISABLED' };
}

export function requireStore(lake: Lake, idOrArn: string): StoreRecord {
  const s = lake.stores.get(idOrArn);
  if (!s) throw storeNotFound(idOrArn);
  return s;
}

const listInput = z.object({ MaxResults: maxResults(1000), NextToken: token });
const getInput = z.object({ EventDataStore: z.string().min(3).max(256) });
const stringList = z.array(z.string()).optional();
/** Advanced event selectors as the API's input takes them (shapes and sizes; the rules are in stores/selectors.ts). */
export const selectorsSchema = z.array(
  z.object({
    Name: z.string().max(1000).optional(),
    FieldSelectors: z.array(
      z.object({
        Field: z.string().min(1).max(1000),
        Equals: stringList,
        StartsWith: stringList,
        EndsWith: stringList,
        NotEquals: stringList,
        NotStartsWith: stringList,
        NotEndsWith: stringList,
      }),
    ),
  }),
);
const settings = {
  AdvancedEventSelectors: selectorsSchema.optional(),
  MultiRegionEnabled: z.boolean().optional(),
  OrganizationEnabled: z.boolean().optional(),
  RetentionPeriod: z.number().int().optional(),
  TerminationProtectionEnabled: z.boolean().optional(),
  BillingMode: z.enum(['EXTENDABLE_RETENTION_PRICING', 'FIXED_RETENTION_PRICING']).optional(),
  KmsKeyId: z.string().min(1).max(350).optional(),
};
const createInput = z.object({
  Name: z.string(),
  ...settings,
  TagsList: z
    .array(z.object({ Key: z.string(), Value: z.string().optional() }))
    .max(200)
    .optional(),
  StartIngestion: z.boolean().optional(),
});
const updateInput = z.object({ EventDataStore: z.string().min(3).max(256), Name: z.string().optional(), ...settings });
const selectorErrors = { AdvancedEventSelectors: 'InvalidEventSelectorsException', TagsList: 'InvalidTagParameterException' };

function created(s: StoreRecord) {
  const { FederationStatus: _f, ...rest } = storeDetail(s);
  return { ...rest, TagsList: s.tags };
}

export const storeOperations = {
  ListEventDataStores(lake: Lake, body: unknown) {
    const input = parseInput(listInput, body, { MaxResults: 'InvalidMaxResultsException', NextToken: 'InvalidNextTokenException' });
    const { page, next } = pageOf(lake.stores.list(), 'stores', input.NextToken, input.MaxResults ?? 1000);
    return { EventDataStores: page.map(storeSummary), NextToken: next };
  },
  GetEventDataStore(lake: Lake, body: unknown) {
    const input = parseInput(getInput, body);
    return storeDetail(requireStore(lake, input.EventDataStore));
  },
  CreateEventDataStore(lake: Lake, body: unknown) {
    const s = createStore(lake.stores, parseInput(createInput, body, selectorErrors));
    return { ...created(s), Status: 'CREATED' };
  },
  async UpdateEventDataStore(lake: Lake, body: unknown) {
    const { EventDataStore, ...changes } = parseInput(updateInput, body, selectorErrors);
    const s = updateStore(lake.stores, EventDataStore, changes);
    await lake.applyRetention(s.id);
    return storeDetail(s);
  },
  DeleteEventDataStore(lake: Lake, body: unknown) {
    deleteStore(lake.stores, parseInput(getInput, body).EventDataStore, (id) => lake.hasOngoingImport(id));
    return {};
  },
  RestoreEventDataStore(lake: Lake, body: unknown) {
    return created(restoreStore(lake.stores, parseInput(getInput, body).EventDataStore));
  },
  StartEventDataStoreIngestion(lake: Lake, body: unknown) {
    setIngestion(lake.stores, parseInput(getInput, body).EventDataStore, true);
    return {};
  },
  StopEventDataStoreIngestion(lake: Lake, body: unknown) {
    setIngestion(lake.stores, parseInput(getInput, body).EventDataStore, false);
    return {};
  },
  /** Trailbench extension: a store's files, bytes, compaction and follow state (lag, last error). */
  TrailbenchDescribeStorage(lake: Lake, body: unknown) {
    return storageOf(lake, requireStore(lake, parseInput(getInput, body).EventDataStore));
  },
  /** Trailbench extension: merges the store's small files now (`trailbench compact`), as far as it goes. */
  async TrailbenchCompactEventDataStore(lake: Lake, body: unknown) {
    const s = requireStore(lake, parseInput(getInput, body).EventDataStore);
    if (s.status === 'PENDING_DELETION') throw new LakeError('InactiveEventDataStoreException', `Event data store ${s.id} is pending deletion.`);
    await lake.compact(s.id);
    return storageOf(lake, s);
  },
};

function storageOf(lake: Lake, s: StoreRecord) {
  const { EventDataStoreArn: _arn, ...follow } = lake.followStatus(s.id);
  return { EventDataStoreArn: s.arn, ...lake.storageStatus(s.id), Follow: follow };
}
