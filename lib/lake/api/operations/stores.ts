import { z } from 'zod';
import type { Lake } from '../../lake';
import type { StoreRecord } from '../../storage/stores';
import { storeNotFound } from '../../errors';
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
};
