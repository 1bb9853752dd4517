import {
  CreateEventDataStoreCommand,
  GetEventDataStoreCommand,
  ListEventDataStoresCommand,
  type CloudTrailClient,
  type EventDataStore,
} from '@aws-sdk/client-cloudtrail';
import { CliError } from './command';
import { allPages } from './paging';

/** A store as the commands need it. */
export interface StoreRef {
  arn: string;
  id: string;
  name: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every event data store, all pages. */
export function listStores(client: CloudTrailClient): Promise<EventDataStore[]> {
  return allPages(async (NextToken) => {
    const page = await client.send(new ListEventDataStoresCommand({ NextToken }));
    return { items: page.EventDataStores, NextToken: page.NextToken };
  });
}

const refOf = (s: { EventDataStoreArn?: string; Name?: string }): StoreRef => ({
  arn: s.EventDataStoreArn!,
  id: s.EventDataStoreArn!.split('/').pop()!,
  name: s.Name ?? '',
});

export const isStoreId = (ref: string) => ref.includes(':eventdatastore/') || UUID.test(ref);

/** `--store` as a name, an ARN or an ID; undefined when there is no such store. */
export async function findStore(client: CloudTrailClient, ref: string): Promise<StoreRef | undefined> {
  if (isStoreId(ref)) {
    try {
      return refOf(await client.send(new GetEventDataStoreCommand({ EventDataStore: ref })));
    } catch (e) {
      if ((e as Error).name === 'EventDataStoreNotFoundException') return undefined;
      throw e;
    }
  }
  const byName = (await listStores(client)).find((s) => s.Name === ref);
  return byName && refOf(byName);
}

/** The error for an unknown `--store`, naming the stores there are. */
export async function unknownStore(client: CloudTrailClient, ref: string, where: string, hint = ''): Promise<CliError> {
  const names = (await listStores(client)).map((s) => s.Name).filter(Boolean);
  const known = names.length ? `Stores there: ${names.join(', ')}.` : 'There are no stores yet.';
  return new CliError(`No event data store '${ref}' in ${where}. ${known}${hint ? ` ${hint}` : ''}`);
}

/** What `--create` makes: a store that keeps every management and data event a trail logs. */
export async function createStore(client: CloudTrailClient, name: string): Promise<StoreRef> {
  const s = await client.send(
    new CreateEventDataStoreCommand({
      Name: name,
      AdvancedEventSelectors: [{ Name: 'Management and data events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management', 'Data'] }] }],
    }),
  );
  return refOf(s);
}
