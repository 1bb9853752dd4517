import { GetEventDataStoreCommand } from '@aws-sdk/client-cloudtrail';
import type { AdvancedEventSelector } from '../lake/storage/store-registry';
import { clientFor } from '../cloudtrail/clients';
import { locateStore } from '../workbench/queries';

/** A store's advanced event selectors, through the CloudTrail API (any lake), for coverage.ts. */
export async function storeSelectors(storeId: string): Promise<AdvancedEventSelector[]> {
  const where = await locateStore(storeId);
  const client = await clientFor(where.connectionId, where.region);
  const d = await client.send(new GetEventDataStoreCommand({ EventDataStore: storeId }));
  return (d.AdvancedEventSelectors ?? []) as AdvancedEventSelector[];
}
