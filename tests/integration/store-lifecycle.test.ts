import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  CloudTrailClient,
  CreateEventDataStoreCommand,
  DeleteEventDataStoreCommand,
  GetEventDataStoreCommand,
  ListEventDataStoresCommand,
  RestoreEventDataStoreCommand,
  StartEventDataStoreIngestionCommand,
  StartQueryCommand,
  StopEventDataStoreIngestionCommand,
  UpdateEventDataStoreCommand,
} from '@aws-sdk/client-cloudtrail';
import { lakeClient } from '../helpers/lake-client';

const baseUrl = inject('baseUrl');
let client: CloudTrailClient;
beforeAll(() => {
  client = lakeClient(baseUrl);
});

async function errorName(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as Error).name;
  }
  return 'no error';
}

describe('event data store lifecycle through the CloudTrail API', () => {
  it('creates a store with AWS defaults and refuses a duplicate name', async () => {
    const out = await client.send(new CreateEventDataStoreCommand({ Name: 'lifecycle-a', TagsList: [{ Key: 'team', Value: 'sec' }] }));
    expect(out).toMatchObject({
      Name: 'lifecycle-a',
      Status: 'CREATED',
      RetentionPeriod: 366,
      MultiRegionEnabled: true,
      OrganizationEnabled: false,
      TerminationProtectionEnabled: true,
      BillingMode: 'EXTENDABLE_RETENTION_PRICING',
    });
    expect(out.AdvancedEventSelectors![0].FieldSelectors![0]).toEqual({ Field: 'eventCategory', Equals: ['Management'] });
    expect(out.TagsList).toEqual([{ Key: 'team', Value: 'sec' }]);
    const got = await client.send(new GetEventDataStoreCommand({ EventDataStore: out.EventDataStoreArn }));
    expect(got.Status).toBe('ENABLED');
    expect(await errorName(client.send(new CreateEventDataStoreCommand({ Name: 'lifecycle-a' })))).toBe('EventDataStoreAlreadyExistsException');
  });

  it('validates retention, names and selectors', async () => {
    expect(await errorName(client.send(new CreateEventDataStoreCommand({ Name: 'short-retention', RetentionPeriod: 3 })))).toBe('InvalidParameterException');
    expect(await errorName(client.send(new CreateEventDataStoreCommand({ Name: 'x' })))).toBe('InvalidParameterException');
    const mixed = [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management', 'ActivityAuditLog'] }] }];
    expect(await errorName(client.send(new CreateEventDataStoreCommand({ Name: 'mixed', AdvancedEventSelectors: mixed })))).toBe(
      'InvalidEventSelectorsException',
    );
    const badField = [
      {
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Data'] },
          { Field: 'bogus', Equals: ['x'] },
        ],
      },
    ];
    expect(await errorName(client.send(new CreateEventDataStoreCommand({ Name: 'bad-field', AdvancedEventSelectors: badField })))).toBe(
      'InvalidEventSelectorsException',
    );
  });

  it('deletes only without termination protection, hides the store from SQL, and restores it', async () => {
    const s = await client.send(new CreateEventDataStoreCommand({ Name: 'lifecycle-b', RetentionPeriod: 90 }));
    const id = s.EventDataStoreArn!.split('/').pop()!;
    expect(await errorName(client.send(new DeleteEventDataStoreCommand({ EventDataStore: id })))).toBe('EventDataStoreTerminationProtectedException');
    const updated = await client.send(new UpdateEventDataStoreCommand({ EventDataStore: id, TerminationProtectionEnabled: false, RetentionPeriod: 30 }));
    expect(updated).toMatchObject({ TerminationProtectionEnabled: false, RetentionPeriod: 30 });
    await client.send(new DeleteEventDataStoreCommand({ EventDataStore: id }));
    expect((await client.send(new GetEventDataStoreCommand({ EventDataStore: id }))).Status).toBe('PENDING_DELETION');
    expect(await errorName(client.send(new StartQueryCommand({ QueryStatement: `SELECT count(*) FROM ${id}` })))).toBe('InvalidQueryStatementException');
    expect(await errorName(client.send(new DeleteEventDataStoreCommand({ EventDataStore: id })))).toBe('InactiveEventDataStoreException');
    const restored = await client.send(new RestoreEventDataStoreCommand({ EventDataStore: id }));
    expect(restored.Status).toBe('ENABLED');
    expect(await errorName(client.send(new RestoreEventDataStoreCommand({ EventDataStore: id })))).toBe('InvalidEventDataStoreStatusException');
    await client.send(new StartQueryCommand({ QueryStatement: `SELECT count(*) FROM ${id}` }));
  });

  it("stops and starts ingestion with the service's status rules", async () => {
    const s = await client.send(new CreateEventDataStoreCommand({ Name: 'lifecycle-c', StartIngestion: false }));
    expect((await client.send(new GetEventDataStoreCommand({ EventDataStore: s.EventDataStoreArn }))).Status).toBe('STOPPED_INGESTION');
    expect(await errorName(client.send(new StopEventDataStoreIngestionCommand({ EventDataStore: s.EventDataStoreArn })))).toBe(
      'InvalidEventDataStoreStatusException',
    );
    await client.send(new StartEventDataStoreIngestionCommand({ EventDataStore: s.EventDataStoreArn }));
    expect((await client.send(new GetEventDataStoreCommand({ EventDataStore: s.EventDataStoreArn }))).Status).toBe('ENABLED');
  });

  it('pages the store list', async () => {
    const first = await client.send(new ListEventDataStoresCommand({ MaxResults: 2 }));
    expect(first.EventDataStores).toHaveLength(2);
    expect(first.NextToken).toBeTruthy();
    const rest = await client.send(new ListEventDataStoresCommand({ MaxResults: 100, NextToken: first.NextToken }));
    const names = [...first.EventDataStores!, ...rest.EventDataStores!].map((s) => s.Name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['demo', 'lifecycle-a', 'lifecycle-b', 'lifecycle-c']));
  });
});
