import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DeleteEventDataStoreCommand, GetEventDataStoreCommand, UpdateEventDataStoreCommand } from '@aws-sdk/client-cloudtrail';
import { awsCliCommand } from '../../lib/lake-admin/cli-command';
import { createRequest, emptyForm, formOf, updateRequest, type StoreForm } from '../../lib/lake-admin/store-form';
import { lakeClient, LAKE_KEYS } from '../helpers/lake-client';
import { ADMIN, session, signIn, type SessionFetch } from '../helpers/session';

/**
 * The console's review page shows a CreateEventDataStore request and the AWS CLI command that
 * sends it. Run with Debian's AWS CLI v2 against /lake, that command must create exactly the store
 * the request describes (the console's Create button sends the request itself: e2e/lake-admin.spec.ts).
 */
const baseUrl = inject('baseUrl');
const client = lakeClient(baseUrl);
const env = { ...process.env, AWS_ACCESS_KEY_ID: LAKE_KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: LAKE_KEYS.secretAccessKey, AWS_PAGER: '' };
const suffix = Date.now().toString(36);
const created: string[] = [];
let admin: SessionFetch;

// every step of the wizard filled in, with a quote in a value to exercise the shell quoting
const form: StoreForm = {
  ...emptyForm(),
  name: `cli-${suffix}`,
  retentionPeriod: 400,
  multiRegionEnabled: false,
  terminationProtectionEnabled: false,
  tags: [{ key: 'team', value: "sec'ops" }],
  management: { enabled: true, read: true, write: false, excludeKms: true, excludeRdsData: true },
  dataEvents: [
    {
      name: '',
      resourceType: 'AWS::S3::Object',
      template: 'advanced',
      conditions: [{ field: 'resources.ARN', operator: 'StartsWith', values: ['arn:aws:s3:::audit-bucket/'] }],
    },
  ],
};

beforeAll(async () => {
  admin = await signIn(baseUrl, ADMIN.email, ADMIN.password);
});

afterAll(async () => {
  // stores pending deletion still count against the lake's 10: leave as few as possible
  for (const id of created) await client.send(new DeleteEventDataStoreCommand({ EventDataStore: id })).catch(() => undefined);
});

describe("the review page's AWS CLI command", () => {
  it('creates with /usr/bin/aws the store the review page describes', async () => {
    // one store only: this suite's server is shared, and the lake holds at most 10 (pending deletion included)
    const request = createRequest(form);
    const command = awsCliCommand('CreateEventDataStore', request, { region: 'us-east-1', endpointUrl: `${baseUrl}/lake` });
    expect(command).toMatch(/^aws cloudtrail create-event-data-store --name cli-\S+ --advanced-event-selectors '/);
    const out = JSON.parse(execFileSync('bash', ['-c', `PATH=/usr/bin:/bin ${command} --output json`], { env, encoding: 'utf8' }));
    created.push(out.EventDataStoreArn);
    expect(out.TagsList).toEqual([{ Key: 'team', Value: "sec'ops" }]);

    const store = await client.send(new GetEventDataStoreCommand({ EventDataStore: out.EventDataStoreArn }));
    const { TagsList: _t, ...settings } = request;
    // every setting of the request, and the defaults of what it leaves out
    expect(store).toMatchObject({ ...settings, BillingMode: 'EXTENDABLE_RETENTION_PRICING', Status: 'ENABLED' });
    expect(store.AdvancedEventSelectors).toEqual(request.AdvancedEventSelectors);
    // the form reads the store back as it was filled in
    expect(createRequest(formOf(store as never))).toEqual(createRequest({ ...form, tags: [] }));
  });

  it("the edit form's update-event-data-store command changes only what changed", async () => {
    const arn = created[0];
    const before = formOf((await client.send(new GetEventDataStoreCommand({ EventDataStore: arn }))) as never);
    const request = updateRequest(arn, before, { ...before, retentionPeriod: 30 });
    expect(request).toEqual({ EventDataStore: arn, RetentionPeriod: 30 });
    execFileSync(
      'bash',
      ['-c', `PATH=/usr/bin:/bin ${awsCliCommand('UpdateEventDataStore', request, { region: 'us-east-1', endpointUrl: `${baseUrl}/lake` })}`],
      { env, encoding: 'utf8' },
    );
    const after = await client.send(new GetEventDataStoreCommand({ EventDataStore: arn }));
    expect(after.RetentionPeriod).toBe(30);
    expect(after.AdvancedEventSelectors).toEqual(createRequest(before).AdvancedEventSelectors);
  });
});

describe('console lake routes', () => {
  it('audits each change with its request', async () => {
    const arn = created[0];
    const res = await admin(`/api/lake-admin/stores/${arn.split('/').pop()}`, { method: 'PATCH', json: { RetentionPeriod: 45 } });
    expect(res.status).toBe(200);
    expect((await client.send(new GetEventDataStoreCommand({ EventDataStore: arn }))).RetentionPeriod).toBe(45);
    const audit = await (await admin('/api/audit?action=console.UpdateEventDataStore')).json();
    const entry = audit.entries.find((e: { target: string }) => e.target === arn.split('/').pop());
    expect(JSON.parse(entry.detail)).toMatchObject({ request: { RetentionPeriod: 45, EventDataStore: arn.split('/').pop() }, outcome: 'ok' });
  });

  it("refuses the lake's own validation errors as the API does", async () => {
    const res = await admin('/api/lake-admin/selectors', {
      method: 'POST',
      json: {
        AdvancedEventSelectors: [
          {
            FieldSelectors: [
              { Field: 'eventCategory', Equals: ['Data'] },
              { Field: 'resources.ARN', StartsWith: [] },
            ],
          },
        ],
      },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toEqual({
      type: 'InvalidEventSelectorsException',
      message: 'Selector 1: resources.ARN StartsWith needs 1 or more values of 1-2048 characters.',
    });
    const malformed = await admin('/api/lake-admin/selectors', { method: 'POST', json: { AdvancedEventSelectors: [null] } });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.type).toBe('InvalidEventSelectorsException');
  });

  it('shows a viewer only the stores their shared saved queries read, and no imports', async () => {
    const email = `lake-viewer-${suffix}@example.test`;
    const invited = await (await admin('/api/users', { method: 'POST', json: { email, role: 'viewer' } })).json();
    const token = new URL(invited.inviteUrl).searchParams.get('token')!;
    await session(baseUrl)('/api/invites/accept', { method: 'POST', json: { token, password: 'viewer-password-123' } });
    const viewer = await signIn(baseUrl, email, 'viewer-password-123');
    const names = async () => ((await (await viewer('/api/lake-admin/stores')).json()).stores as { store: { Name: string } }[]).map((s) => s.store.Name);
    expect(await names()).not.toContain(`cli-${suffix}`);
    const storeId = created[0].split('/').pop();
    const saved = await (await admin('/api/saved-queries', { method: 'POST', json: { name: `q-${suffix}`, sql: `SELECT count(*) FROM ${storeId}` } })).json();
    await admin(`/api/saved-queries/${saved.query.id}/shares`, { method: 'PUT', json: { everyoneRole: null, users: [{ email, role: 'viewer' }] } });
    expect(await names()).toContain(`cli-${suffix}`);
    expect((await viewer(`/api/lake-admin/stores/${storeId}`)).status).toBe(200);
    expect((await viewer('/api/lake-admin/imports')).status).toBe(403);
  });

  it('lists the stores of an AWS-style connection through the same calls', async () => {
    type Listed = { stores: { id: string; store: { Name: string }; storage?: { Events: number } }[] };
    const builtin = (await (await admin('/api/lake-admin/stores')).json()) as Listed;
    const res = await admin('/api/lake-admin/stores?connection=self&region=us-east-1');
    expect(res.status).toBe(200);
    const self = (await res.json()) as Listed;
    // the 'self' connection is this lake over HTTP: the same stores, with the same storage figures
    expect(self.stores.map((s) => [s.id, s.store.Name, s.storage?.Events])).toEqual(builtin.stores.map((s) => [s.id, s.store.Name, s.storage?.Events]));
    expect(self.stores.find((s) => s.store.Name === 'demo')!.storage!.Events).toBeGreaterThan(0);
  });
});
