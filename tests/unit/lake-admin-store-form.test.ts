import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsCliCommand } from '../../lib/lake-admin/cli-command';
import { selectorsInWords } from '../../lib/lake-admin/selectors-in-words';
import { createRequest, emptyForm, formOf, selectorsOf, updateRequest, type StoreForm } from '../../lib/lake-admin/store-form';
import { validateSelectors } from '../../lib/lake/stores/selectors';
import { callExtension } from '../../lib/cloudtrail/extension-call';
import { inProcessClient } from '../../lib/cloudtrail/in-process-handler';
import { loadFixture, tempLake } from '../helpers/temp-lake';

const readOnlyNoKms: StoreForm = {
  ...emptyForm(),
  name: 'audit',
  management: { enabled: true, read: true, write: false, excludeKms: true, excludeRdsData: false },
  dataEvents: [
    {
      name: '',
      resourceType: 'AWS::S3::Object',
      template: 'advanced',
      conditions: [{ field: 'resources.ARN', operator: 'StartsWith', values: ['arn:aws:s3:::a/', ' arn:aws:s3:::b/'] }],
    },
    { name: 'lambda writes', resourceType: 'AWS::Lambda::Function', template: 'writeOnly', conditions: [] },
  ],
};

describe('the store form', () => {
  it('turns the events step into the selectors the console writes, which the lake accepts', () => {
    const selectors = selectorsOf(readOnlyNoKms);
    expect(selectors).toEqual([
      {
        Name: 'Management events selector',
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Management'] },
          { Field: 'readOnly', Equals: ['true'] },
          { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] },
        ],
      },
      {
        Name: 'AWS::S3::Object data events',
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Data'] },
          { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
          { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::a/', 'arn:aws:s3:::b/'] },
        ],
      },
      {
        Name: 'lambda writes',
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Data'] },
          { Field: 'resources.type', Equals: ['AWS::Lambda::Function'] },
          { Field: 'readOnly', Equals: ['false'] },
        ],
      },
    ]);
    expect(validateSelectors(selectors)).toBe('cloudtrail');
    expect(selectorsInWords(selectors)).toEqual([
      'Management events where readOnly is true and eventSource is not kms.amazonaws.com',
      'Data events where resources.type is AWS::S3::Object and resources.ARN starts with arn:aws:s3:::a/ or arn:aws:s3:::b/',
      'Data events where resources.type is AWS::Lambda::Function and readOnly is false',
    ]);
  });

  it('reads a store back into the same form, and an edit into only what changed', () => {
    const req = createRequest(readOnlyNoKms);
    const back = formOf({ ...req, Status: 'ENABLED' });
    expect(createRequest(back)).toEqual({ ...req, TagsList: undefined });
    expect(updateRequest('arn:x', back, back)).toEqual({ EventDataStore: 'arn:x' });
    expect(updateRequest('arn:x', back, { ...back, retentionPeriod: 30, terminationProtectionEnabled: false })).toEqual({
      EventDataStore: 'arn:x',
      RetentionPeriod: 30,
      TerminationProtectionEnabled: false,
    });
  });

  it('keeps selectors it cannot show (an Insights store) as they are', () => {
    const insights = [{ Name: 'i', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Insight'] }] }];
    const form = formOf({ Name: 'x', AdvancedEventSelectors: insights });
    expect(form.management.enabled).toBe(false);
    expect(selectorsOf(form)).toEqual(insights);
  });

  it('leaves defaults out of the request, so older AWS CLIs can send it', () => {
    const req = createRequest({ ...emptyForm(), name: 'n' });
    expect(req).not.toHaveProperty('BillingMode');
    expect(req).not.toHaveProperty('StartIngestion');
    expect(createRequest({ ...emptyForm(), name: 'n', billingMode: 'FIXED_RETENTION_PRICING', startIngestion: false })).toMatchObject({
      BillingMode: 'FIXED_RETENTION_PRICING',
      StartIngestion: false,
    });
  });
});

describe('the AWS CLI command', () => {
  it('names each member as the CLI does and quotes for a POSIX shell', () => {
    const cmd = awsCliCommand(
      'CreateEventDataStore',
      { Name: 'a', MultiRegionEnabled: false, TerminationProtectionEnabled: true, RetentionPeriod: 7, TagsList: [{ Key: 'k', Value: "it's" }] },
      { region: 'us-east-1', endpointUrl: 'http://127.0.0.1:3000/lake' },
    );
    expect(cmd).toBe(
      `aws cloudtrail create-event-data-store --name a --no-multi-region-enabled --termination-protection-enabled --retention-period 7 --tags-list '[{"Key":"k","Value":"it'\\''s"}]' --endpoint-url http://127.0.0.1:3000/lake --region us-east-1`,
    );
  });
});

describe('TrailbenchDescribeStorage', () => {
  let t: Awaited<ReturnType<typeof tempLake>>;
  beforeAll(async () => {
    t = await tempLake(loadFixture());
  });
  afterAll(() => t.close());

  it("reports the store's files, bytes, events, time range and events per day from its manifest, over the wire", async () => {
    const out = await callExtension<{
      Files: number;
      Bytes: number;
      Events: number;
      OldestEventTime: number;
      NewestEventTime: number;
      EventsPerDay: { Day: string; Events: number }[];
    }>(inProcessClient(t.lake), 'TrailbenchDescribeStorage', { EventDataStore: t.store.arn });
    const files = t.lake.manifest(t.store.id).files;
    expect(out!.Files).toBe(files.length);
    expect(out!.Events).toBe(files.reduce((n, f) => n + f.rows, 0));
    expect(out!.Events).toBeGreaterThan(0);
    expect(out!.Bytes).toBe(files.reduce((n, f) => n + f.bytes, 0));
    expect(out!.EventsPerDay.reduce((n, d) => n + d.Events, 0)).toBe(out!.Events);
    expect(out!.EventsPerDay.map((d) => d.Day)).toEqual([...new Set(files.map((f) => f.day))].sort());
    expect(out!.OldestEventTime * 1000).toBe(Math.min(...files.map((f) => f.minTime)));
    expect(out!.NewestEventTime * 1000).toBe(Math.max(...files.map((f) => f.maxTime)));
  });
});
