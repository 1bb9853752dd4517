import { execFile } from 'node:child_process';
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { demoStoreId, lakeClient, LAKE_KEYS } from '../helpers/lake-client';
import { ADMIN, session, signIn, type SessionFetch } from '../helpers/session';

/**
 * Per-user lake access keys through the real clients (Debian's AWS CLI and boto3) against a real
 * server: keys made over the console's HTTP API act with their owner's role, see only their
 * owner's queries, stop working when revoked, rotated or their owner disabled, and every /lake
 * call lands in the audit log. Also: an oversized /lake body is refused (413) before the signature check.
 */
const baseUrl = inject('baseUrl');
const endpoint = `${baseUrl}/lake`;
const run = promisify(execFile);
const tag = randomUUID().slice(0, 8);
const since = new Date().toISOString();

interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
}
interface Outcome {
  ok: boolean;
  out: string;
  err: string;
}

const clientEnv = (k: Keys) => ({
  ...process.env,
  AWS_ACCESS_KEY_ID: k.accessKeyId,
  AWS_SECRET_ACCESS_KEY: k.secretAccessKey,
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_PAGER: '',
  AWS_MAX_ATTEMPTS: '1',
});

async function aws(k: Keys, ...args: string[]): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run('/usr/bin/aws', ['cloudtrail', ...args, '--endpoint-url', endpoint, '--output', 'json'], { env: clientEnv(k) });
    return { ok: true, out: stdout, err: stderr };
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string };
    return { ok: false, out: String(x.stdout ?? ''), err: String(x.stderr ?? '') };
  }
}

/** A boto3 call; prints the result as JSON, or the error's code and message. */
async function boto(
  k: Keys,
  method: string,
  params: object = {},
): Promise<{ ok: true; body: Record<string, unknown> } | { ok: false; code: string; message: string }> {
  const script = `
import boto3, botocore, json, sys
ct = boto3.client('cloudtrail', endpoint_url=sys.argv[1], config=botocore.config.Config(retries={'max_attempts': 1}))
try:
    print(json.dumps({'ok': True, 'body': getattr(ct, sys.argv[2])(**json.loads(sys.argv[3]))}, default=str))
except botocore.exceptions.ClientError as e:
    print(json.dumps({'ok': False, 'code': e.response['Error']['Code'], 'message': e.response['Error']['Message']}))
`;
  const { stdout } = await run('/usr/bin/python3', ['-c', script, endpoint, method, JSON.stringify(params)], { env: clientEnv(k) });
  return JSON.parse(stdout);
}

async function json<T = Record<string, unknown>>(res: Promise<Response>): Promise<T> {
  const r = await res;
  const body = await r.json();
  if (!r.ok) throw new Error(`${r.status} ${JSON.stringify(body)}`);
  return body as T;
}

async function userWithRole(admin: SessionFetch, role: 'analyst' | 'viewer', name: string) {
  const email = `${name}-${tag}@example.test`;
  const invite = await json<{ inviteUrl: string; user: { id: string } }>(admin('/api/users', { method: 'POST', json: { email, role } }));
  const token = new URL(invite.inviteUrl).searchParams.get('token')!;
  await json(session(baseUrl)('/api/invites/accept', { method: 'POST', json: { token, password: `${name}-password-123` } }));
  return { id: invite.user.id, email, fetch: await signIn(baseUrl, email, `${name}-password-123`) };
}

const createKey = async (user: SessionFetch, name: string) => {
  const out = await json<{ key: { accessKeyId: string }; secretAccessKey: string }>(user('/api/access-keys', { method: 'POST', json: { name } }));
  return { accessKeyId: out.key.accessKeyId, secretAccessKey: out.secretAccessKey };
};

async function finishedQuery(k: Keys, sql: string): Promise<string> {
  const started = await boto(k, 'start_query', { QueryStatement: sql });
  if (!started.ok) throw new Error(`${started.code}: ${started.message}`);
  const id = String(started.body.QueryId);
  for (let i = 0; i < 300; i++) {
    const d = await boto(k, 'describe_query', { QueryId: id });
    if (d.ok && !['QUEUED', 'RUNNING'].includes(String(d.body.QueryStatus))) return id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`query ${id} did not finish`);
}

let admin: SessionFetch;
let analyst: Awaited<ReturnType<typeof userWithRole>>;
let other: Awaited<ReturnType<typeof userWithRole>>;
let viewer: Awaited<ReturnType<typeof userWithRole>>;
let keys: { admin: Keys; analyst: Keys; other: Keys; viewer: Keys };
let storeId: string;

beforeAll(async () => {
  admin = await signIn(baseUrl, ADMIN.email, ADMIN.password);
  analyst = await userWithRole(admin, 'analyst', 'keys-analyst');
  other = await userWithRole(admin, 'analyst', 'keys-other');
  viewer = await userWithRole(admin, 'viewer', 'keys-viewer');
  keys = {
    admin: await createKey(admin, 'admin script'),
    analyst: await createKey(analyst.fetch, 'analyst laptop'),
    other: await createKey(other.fetch, 'other laptop'),
    viewer: await createKey(viewer.fetch, 'viewer laptop'),
  };
  storeId = await demoStoreId(lakeClient(baseUrl));
});

/** Sends headers and the first part of a body, and waits for the answer without sending the rest. */
function partialPost(headers: Record<string, string>, feed: (req: http.ClientRequest) => void): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    const req = http.request(
      endpoint,
      { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'CloudTrail_20131101.StartQuery', ...headers } },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => {
          req.destroy();
          resolve({ status: res.statusCode!, body, sent });
        });
      },
    );
    req.on('error', (e) => (sent > 0 ? undefined : reject(e))); // the server may close the socket on the rest of the body
    const write = req.write.bind(req);
    req.write = ((chunk: Buffer) => ((sent += chunk.length), write(chunk))) as typeof req.write;
    feed(req);
    // generous: the server may be busy with the suite's other work (scheduled alert runs); what
    // matters is that it answers before the body ends, which the bytes sent (asserted) show
    setTimeout(() => reject(new Error(`no answer after sending ${sent} bytes: the body is being read whole`)), 60_000).unref();
  });
}

describe('the /lake body cap', () => {
  const MiB = 1024 * 1024;

  it('answers 413 to a Content-Length over 1 MiB before reading the body or checking the (missing) signature', async () => {
    const r = await partialPost({ 'content-length': String(64 * MiB) }, (req) => req.write(Buffer.alloc(64 * 1024, 0x20)));
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).__type).toBe('RequestEntityTooLargeException');
    expect(r.sent).toBeLessThan(MiB);
  });

  it('answers 413 to a chunked body as soon as it grows past 1 MiB', async () => {
    const r = await partialPost({}, (req) => {
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        if (req.destroyed || req.writableEnded) return;
        if (req.write(chunk) && req.writableLength < 8 * MiB) setImmediate(pump);
        else req.once('drain', pump);
      };
      pump();
    });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body).__type).toBe('RequestEntityTooLargeException');
    expect(r.sent).toBeLessThan(16 * MiB); // stopped early, never reads an endless body
    expect((await fetch(`${baseUrl}/api/health`)).ok).toBe(true);
  });
});

describe('per-user lake access keys', () => {
  it('shows the secret only at creation: listings carry neither it nor the server key', async () => {
    const mine = await json<{ keys: { accessKeyId: string; name: string; status: string }[] }>(analyst.fetch('/api/access-keys'));
    expect(mine.keys.map((k) => k.accessKeyId)).toEqual([keys.analyst.accessKeyId]);
    const everyone = JSON.stringify(await json(admin('/api/access-keys?all=1')));
    for (const k of Object.values(keys)) expect(everyone).not.toContain(k.secretAccessKey);
    expect(everyone).not.toContain(LAKE_KEYS.secretAccessKey);
    expect(everyone).not.toContain(LAKE_KEYS.accessKeyId);
    // only admins see everyone's
    const notAll = await json<{ keys: { accessKeyId: string }[] }>(analyst.fetch('/api/access-keys?all=1'));
    expect(notAll.keys.map((k) => k.accessKeyId)).toEqual([keys.analyst.accessKeyId]);
  });

  it("a viewer's key lists stores but runs no query (AWS CLI and boto3 say why)", async () => {
    const listed = await aws(keys.viewer, 'list-event-data-stores');
    expect(listed.ok, listed.err).toBe(true);
    expect(JSON.parse(listed.out).EventDataStores.map((s: { Name: string }) => s.Name)).toContain('demo');
    const cli = await aws(keys.viewer, 'start-query', '--query-statement', `SELECT count(*) FROM ${storeId}`);
    expect(cli.ok).toBe(false);
    expect(cli.err).toContain('AccessDeniedException');
    expect(cli.err).toMatch(/viewer's lake key may only call ListEventDataStores, GetEventDataStore/);
    const py = await boto(keys.viewer, 'start_query', { QueryStatement: `SELECT count(*) FROM ${storeId}` });
    expect(py).toMatchObject({ ok: false, code: 'AccessDeniedException' });
  });

  it("an analyst's key queries through the AWS CLI but cannot create a store", async () => {
    const started = await aws(
      keys.analyst,
      'start-query',
      '--query-statement',
      `SELECT eventName, count(*) AS n FROM ${storeId} GROUP BY eventName ORDER BY n DESC LIMIT 3`,
    );
    expect(started.ok, started.err).toBe(true);
    const { QueryId } = JSON.parse(started.out);
    let status = '';
    for (let i = 0; i < 200 && !['FINISHED', 'FAILED', 'CANCELLED'].includes(status); i++) {
      status = JSON.parse((await aws(keys.analyst, 'describe-query', '--query-id', QueryId)).out).QueryStatus;
      if (status !== 'FINISHED') await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe('FINISHED');
    const results = await aws(keys.analyst, 'get-query-results', '--query-id', QueryId);
    expect(JSON.parse(results.out).QueryResultRows).toHaveLength(3);
    const create = await aws(keys.analyst, 'create-event-data-store', '--name', `analyst-store-${tag}`);
    expect(create.ok).toBe(false);
    expect(create.err).toContain('AccessDeniedException');
    expect(create.err).toMatch(/needs the admin role/);
    // the run is the analyst's, in the console's history too
    const history = await json<{ runs: { handle: string; status: string }[] }>(analyst.fetch('/api/history'));
    expect(history.runs.find((r) => r.handle === QueryId)?.status).toBe('FINISHED');
  });

  it("an admin's key manages stores (boto3)", async () => {
    const created = await boto(keys.admin, 'create_event_data_store', { Name: `admin-store-${tag}`, TerminationProtectionEnabled: false });
    if (!created.ok) throw new Error(`${created.code}: ${created.message}`);
    const arn = String(created.body.EventDataStoreArn);
    expect(await boto(keys.admin, 'delete_event_data_store', { EventDataStore: arn })).toMatchObject({ ok: true });
  });

  it("another user's query is not visible to a key; its owner, an admin and the server key see it", async () => {
    const mine = await finishedQuery(keys.analyst, `SELECT count(*) AS n FROM ${storeId}`);
    for (const method of ['describe_query', 'get_query_results', 'cancel_query']) {
      expect(await boto(keys.other, method, { QueryId: mine }), method).toMatchObject({ ok: false, code: 'QueryIdNotFoundException' });
    }
    const otherList = await boto(keys.other, 'list_queries', { EventDataStore: storeId });
    expect(JSON.stringify(otherList)).not.toContain(mine);
    const ownList = await boto(keys.analyst, 'list_queries', { EventDataStore: storeId });
    expect(JSON.stringify(ownList)).toContain(mine);
    expect(await boto(keys.admin, 'describe_query', { QueryId: mine })).toMatchObject({ ok: true });
    expect(await boto(LAKE_KEYS, 'get_query_results', { QueryId: mine })).toMatchObject({ ok: true });
    // a query started with the server key (the CLI, monitors) is not a user's either
    const serverQuery = await finishedQuery(LAKE_KEYS, `SELECT count(*) AS n FROM ${storeId}`);
    expect(await boto(keys.analyst, 'get_query_results', { QueryId: serverQuery })).toMatchObject({ ok: false, code: 'QueryIdNotFoundException' });
  });

  it("a revoked or rotated key, a disabled owner's key and a key signed for another region are refused", async () => {
    const spare = await createKey(other.fetch, 'to revoke');
    expect(await boto(spare, 'list_event_data_stores')).toMatchObject({ ok: true });
    await json(other.fetch(`/api/access-keys/${spare.accessKeyId}`, { method: 'DELETE' }));
    const revoked = await aws(spare, 'list-event-data-stores');
    expect(revoked.ok).toBe(false);
    expect(revoked.err).toContain('UnrecognizedClientException');

    const rotated = await json<{ key: { accessKeyId: string }; secretAccessKey: string }>(
      analyst.fetch(`/api/access-keys/${keys.analyst.accessKeyId}/rotate`, { method: 'POST', json: {} }),
    );
    expect(await boto(keys.analyst, 'list_event_data_stores')).toMatchObject({ ok: false, code: 'UnrecognizedClientException' });
    keys.analyst = { accessKeyId: rotated.key.accessKeyId, secretAccessKey: rotated.secretAccessKey };
    expect(await boto(keys.analyst, 'list_event_data_stores')).toMatchObject({ ok: true });

    // an admin revokes another user's key but cannot rotate it (that would hand them its owner's powers); a user cannot touch someone else's
    expect((await other.fetch(`/api/access-keys/${keys.analyst.accessKeyId}`, { method: 'DELETE' })).status).toBe(404);
    expect((await admin(`/api/access-keys/${keys.analyst.accessKeyId}/rotate`, { method: 'POST', json: {} })).status).toBe(404);
    const otherSpare = await createKey(other.fetch, 'admin revokes');
    await json(admin(`/api/access-keys/${otherSpare.accessKeyId}`, { method: 'DELETE' }));
    expect(await boto(otherSpare, 'list_event_data_stores')).toMatchObject({ ok: false, code: 'UnrecognizedClientException' });

    await json(admin(`/api/users/${viewer.id}`, { method: 'PATCH', json: { disabled: true } }));
    expect(await boto(keys.viewer, 'list_event_data_stores')).toMatchObject({ ok: false, code: 'UnrecognizedClientException' });

    const wrongRegion = await run('/usr/bin/aws', ['cloudtrail', 'list-event-data-stores', '--endpoint-url', endpoint, '--region', 'eu-west-1'], {
      env: clientEnv(keys.analyst),
    }).catch((e: { stderr: string }) => e);
    expect(String((wrongRegion as { stderr?: string }).stderr)).toMatch(/InvalidSignatureException.*scoped to a valid region/);
  });

  it("admins see each key's last use", async () => {
    const all = await json<{
      keys: { accessKeyId: string; ownerEmail: string; lastUsedAt: string | null; lastUsedOperation: string | null; status: string }[];
    }>(admin('/api/access-keys?all=1'));
    const k = all.keys.find((x) => x.accessKeyId === keys.analyst.accessKeyId)!;
    expect(k).toMatchObject({ ownerEmail: analyst.email, status: 'active', lastUsedOperation: 'ListEventDataStores' });
    expect(Date.now() - Date.parse(k.lastUsedAt!)).toBeLessThan(120_000);
  });

  it('every /lake call is in the audit log: who, operation, store, bytes scanned, outcome', async () => {
    const { entries } = await json<{ entries: { email: string | null; action: string; target: string | null; detail: string }[] }>(
      admin(`/api/audit?action=lake.&since=${encodeURIComponent(since)}`),
    );
    const rows = entries.map((e) => ({ ...e, detail: JSON.parse(e.detail) as Record<string, unknown> }));
    const of = (email: string, action: string) => rows.filter((r) => r.email === email && r.action === action);
    expect(of(analyst.email, 'lake.StartQuery').some((r) => r.detail.outcome === 'ok' && r.target === storeId)).toBe(true);
    expect(of(analyst.email, 'lake.GetQueryResults').some((r) => Number(r.detail.bytesScanned) > 0)).toBe(true);
    expect(of(analyst.email, 'lake.CreateEventDataStore').some((r) => r.detail.outcome === 'AccessDeniedException')).toBe(true);
    expect(of(viewer.email, 'lake.StartQuery').some((r) => r.detail.outcome === 'AccessDeniedException')).toBe(true);
    expect(of(other.email, 'lake.DescribeQuery').some((r) => r.detail.outcome === 'QueryIdNotFoundException')).toBe(true);
    expect(rows.some((r) => r.detail.caller === 'server key' && r.action === 'lake.StartQuery' && r.detail.outcome === 'ok')).toBe(true);
    expect(rows.some((r) => String(r.detail.caller).startsWith('unknown key') && r.detail.outcome === 'UnrecognizedClientException')).toBe(true);
    expect(rows.some((r) => r.detail.outcome === 'RequestEntityTooLargeException')).toBe(true);
  });
});
