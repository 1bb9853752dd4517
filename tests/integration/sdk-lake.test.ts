import { describe, expect, inject, it, beforeAll } from 'vitest';
import {
  CancelQueryCommand,
  CloudTrailClient,
  DescribeQueryCommand,
  GetEventDataStoreCommand,
  GetQueryResultsCommand,
  ListEventDataStoresCommand,
  ListQueriesCommand,
  StartQueryCommand,
} from '@aws-sdk/client-cloudtrail';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { asObjects, demoStoreId, lakeClient, LAKE_KEYS, runQuery } from '../helpers/lake-client';

const baseUrl = inject('baseUrl');
let client: CloudTrailClient;
let storeId: string;

beforeAll(async () => {
  client = lakeClient(baseUrl);
  storeId = await demoStoreId(client);
});

async function rejectionOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as Error & { name: string };
  }
  throw new Error('expected a rejection');
}

describe('the lake through @aws-sdk/client-cloudtrail over HTTP', () => {
  it('lists the demo store and gets it by ID and by ARN', async () => {
    const list = await client.send(new ListEventDataStoresCommand({}));
    const demo = list.EventDataStores!.find((s) => s.Name === 'demo')!;
    expect(demo.EventDataStoreArn).toMatch(/^arn:aws:cloudtrail:us-east-1:\d{12}:eventdatastore\/[0-9a-f-]{36}$/);
    const byId = await client.send(new GetEventDataStoreCommand({ EventDataStore: storeId }));
    const byArn = await client.send(new GetEventDataStoreCommand({ EventDataStore: demo.EventDataStoreArn }));
    expect(byId.Name).toBe('demo');
    expect(byArn.EventDataStoreArn).toBe(demo.EventDataStoreArn);
    expect(byId.Status).toBe('ENABLED');
    expect(byId.CreatedTimestamp).toBeInstanceOf(Date);
  });

  it('counts events by name over the last 30 days, and the counts add up to every stored event', async () => {
    const since = new Date(Date.now() - 31 * 86_400_000).toISOString().slice(0, 19).replace('T', ' ');
    const { rows, described } = await runQuery(
      client,
      `SELECT eventName, count(*) AS n FROM ${storeId} WHERE eventTime > '${since}' GROUP BY eventName ORDER BY n DESC`,
    );
    const objs = asObjects(rows);
    expect(described.QueryStatus).toBe('FINISHED');
    expect(Object.keys(objs[0])).toEqual(['eventName', 'n']);
    const counts = objs.map((r) => Number(r.n));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(5000);
    expect(objs.map((r) => r.eventName)).toContain('ConsoleLogin');
    expect(described.QueryStatistics!.BytesScanned).toBeGreaterThan(0);
    expect(described.QueryStatistics!.EventsScanned).toBe(5000);
  });

  it('pages results through NextToken without losing or repeating rows', async () => {
    const all = await runQuery(client, `SELECT eventID FROM ${storeId} ORDER BY eventID LIMIT 250`);
    const paged = await runQuery(client, `SELECT eventID FROM ${storeId} ORDER BY eventID LIMIT 250`, 33);
    expect(paged.pages).toBe(Math.ceil(250 / 33));
    expect(asObjects(paged.rows).map((r) => r.eventID)).toEqual(asObjects(all.rows).map((r) => r.eventID));
    expect(new Set(asObjects(paged.rows).map((r) => r.eventID)).size).toBe(250);
    const first = await client.send(new GetQueryResultsCommand({ QueryId: paged.queryId, MaxQueryResults: 33 }));
    expect(first.QueryStatistics).toMatchObject({ ResultsCount: 33, TotalResultsCount: 250 });
  });

  it('rejects statements that are not SELECT before they reach the engine', async () => {
    for (const sql of [`DELETE FROM ${storeId}`, `DROP TABLE ${storeId}`, `INSERT INTO ${storeId} VALUES (1)`, 'CREATE TABLE x (a int)']) {
      const e = await rejectionOf(client.send(new StartQueryCommand({ QueryStatement: sql })));
      expect(e.name).toBe('InvalidQueryStatementException');
      expect(e.message).toMatch(/^line 1:1: Only SELECT statements/);
    }
  });

  it('returns no file content for read_csv on /etc/passwd', async () => {
    const e = await rejectionOf(client.send(new StartQueryCommand({ QueryStatement: "SELECT * FROM read_csv('/etc/passwd')" })));
    expect(e.name).toBe('InvalidQueryStatementException');
    expect(e.message).not.toContain('root:');
  });

  it('reports a syntax error with its line and column', async () => {
    const e = await rejectionOf(client.send(new StartQueryCommand({ QueryStatement: `SELECT eventName\nFROM ${storeId}\nWHER eventName = 'x'` })));
    expect(e.name).toBe('InvalidQueryStatementException');
    expect(e.message).toMatch(/^line 3:\d+: /);
  });

  it('rejects an unknown store and a bad page size with the service exceptions', async () => {
    const e = await rejectionOf(client.send(new StartQueryCommand({ QueryStatement: 'SELECT * FROM 00000000-0000-4000-8000-000000000000' })));
    expect(e.name).toBe('InvalidQueryStatementException');
    expect(e.message).toMatch(/does not exist/);
    const { queryId } = await runQuery(client, `SELECT 1 AS one FROM ${storeId} LIMIT 1`);
    const bad = await rejectionOf(client.send(new GetQueryResultsCommand({ QueryId: queryId, MaxQueryResults: 2000 })));
    expect(bad.name).toBe('InvalidMaxResultsException');
    const missing = await rejectionOf(client.send(new DescribeQueryCommand({ QueryId: '00000000-0000-4000-8000-000000000000' })));
    expect(missing.name).toBe('QueryIdNotFoundException');
    const inactive = await rejectionOf(client.send(new CancelQueryCommand({ QueryId: queryId })));
    expect(inactive.name).toBe('InactiveQueryException');
  });

  it('lists the queries run against a store', async () => {
    const { queryId } = await runQuery(client, `SELECT count(*) FROM ${storeId}`);
    const list = await client.send(new ListQueriesCommand({ EventDataStore: storeId }));
    expect(list.Queries!.map((q) => q.QueryId)).toContain(queryId);
  });
});

describe('authentication', () => {
  it('refuses a wrong secret, an unknown key and a request without a signature', async () => {
    const wrongSecret = lakeClient(baseUrl, { ...LAKE_KEYS, secretAccessKey: 'not-the-secret-at-all' });
    expect((await rejectionOf(wrongSecret.send(new ListEventDataStoresCommand({})))).name).toBe('InvalidSignatureException');
    const unknownKey = lakeClient(baseUrl, { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x' });
    expect((await rejectionOf(unknownKey.send(new ListEventDataStoresCommand({})))).name).toBe('UnrecognizedClientException');
    const res = await fetch(`${baseUrl}/lake`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'CloudTrail_20131101.ListEventDataStores' },
      body: '{}',
    });
    expect(res.status).toBe(403);
    const body = await res.json();
    expect(body.__type).toBe('MissingAuthenticationTokenException');
    expect(JSON.stringify(body)).not.toContain('EventDataStores');
  });

  /** A request signed by hand, as botocore signs it (the long X-Amz-Target prefix). */
  async function signedFetch(target: string, body: object, signingDate = new Date()) {
    const url = new URL(`${baseUrl}/lake`);
    const request = new HttpRequest({
      method: 'POST',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: '/lake',
      headers: { host: url.host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
      body: JSON.stringify(body),
    });
    const signer = new SignatureV4({ credentials: LAKE_KEYS, region: 'us-east-1', service: 'cloudtrail', sha256: Sha256 });
    const signed = await signer.sign(request, { signingDate });
    return fetch(url, { method: 'POST', headers: signed.headers as Record<string, string>, body: signed.body });
  }

  it("accepts botocore's X-Amz-Target prefix and refuses a signature more than 5 minutes old", async () => {
    const ok = await signedFetch('com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.ListEventDataStores', {});
    expect(ok.status).toBe(200);
    expect((await ok.json()).EventDataStores.length).toBeGreaterThan(0);
    const stale = await signedFetch('CloudTrail_20131101.ListEventDataStores', {}, new Date(Date.now() - 10 * 60_000));
    expect(stale.status).toBe(400);
    const body = await stale.json();
    expect(body.__type).toBe('InvalidSignatureException');
    expect(body.Message).toMatch(/Signature expired/);
  });

  it('answers an unknown operation and bad JSON with AWS errors', async () => {
    const unknown = await signedFetch('CloudTrail_20131101.NoSuchOperation', {});
    expect((await unknown.json()).__type).toBe('UnknownOperationException');
  });
});
