import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { LAKE_KEYS } from '../helpers/lake-client';
import { ADMIN, session, signIn, type SessionFetch } from '../helpers/session';

/** Accounts, roles, saved queries, sharing, history and audit over HTTP (run on SQLite and on PostgreSQL). */
const baseUrl = inject('baseUrl');
const database = inject('database');
const anonymous = session(baseUrl);
let admin: SessionFetch;
let analyst: SessionFetch;
let viewer: SessionFetch;
let storeId: string;
const seen: string[] = []; // every response body, scanned for secrets at the end

async function body(res: Response) {
  const text = await res.text();
  seen.push(text);
  return { status: res.status, json: text ? JSON.parse(text) : {} };
}

async function invite(email: string, role: string) {
  const r = await body(await admin('/api/users', { method: 'POST', json: { email, role } }));
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  const token = new URL(r.json.inviteUrl).searchParams.get('token')!;
  const accepted = await body(await anonymous('/api/invites/accept', { method: 'POST', json: { token, password: `${role}-password-123` } }));
  expect(accepted.status).toBe(200);
  const reused = await body(await anonymous('/api/invites/accept', { method: 'POST', json: { token, password: 'another-password-123' } }));
  expect(reused.json.error.type).toBe('InvalidToken');
  return signIn(baseUrl, email, `${role}-password-123`);
}

async function finish(as: SessionFetch, handle: string) {
  let d = await body(await as(`/api/queries/${handle}`));
  while (['QUEUED', 'RUNNING'].includes(d.json.status)) d = await body(await as(`/api/queries/${handle}`));
  return d.json;
}

beforeAll(async () => {
  admin = await signIn(baseUrl, ADMIN.email, ADMIN.password);
  analyst = await invite(`analyst-${database}@example.test`, 'analyst');
  viewer = await invite(`viewer-${database}@example.test`, 'viewer');
  const stores = await body(await analyst('/api/stores'));
  storeId = stores.json.stores.find((s: { name: string; connectionId: string }) => s.name === 'demo' && s.connectionId === 'builtin').id;
});

describe(`accounts on ${database}`, () => {
  it('answers 401 on every route without a session', async () => {
    const routes: [string, string][] = [
      ['GET', '/api/stores'],
      ['GET', '/api/connections'],
      ['POST', '/api/queries'],
      ['GET', '/api/queries/x'],
      ['GET', '/api/queries/x/results'],
      ['POST', '/api/queries/x/cancel'],
      ['GET', '/api/queries/x/export'],
      ['POST', '/api/estimate'],
      ['GET', '/api/exports/x'],
      ['GET', '/api/me'],
      ['GET', '/api/users'],
      ['POST', '/api/users'],
      ['PATCH', '/api/users/x'],
      ['GET', '/api/saved-queries'],
      ['POST', '/api/saved-queries'],
      ['GET', '/api/saved-queries/x'],
      ['PUT', '/api/saved-queries/x'],
      ['DELETE', '/api/saved-queries/x'],
      ['GET', '/api/saved-queries/x/versions'],
      ['GET', '/api/saved-queries/x/shares'],
      ['PUT', '/api/saved-queries/x/shares'],
      ['POST', '/api/saved-queries/x/run'],
      ['GET', '/api/history'],
      ['GET', '/api/audit'],
    ];
    for (const [method, route] of routes) {
      const r = await body(await anonymous(route, { method, json: method === 'GET' ? undefined : {} }));
      expect(r.status, `${method} ${route}`).toBe(401);
    }
  });

  it('rejects state changes from another origin or without one (CSRF)', async () => {
    const noOrigin = await fetch(`${baseUrl}/api/saved-queries`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noOrigin.status).toBe(403);
    const foreign = await analyst('/api/saved-queries', { method: 'POST', json: { name: 'x', sql: 'SELECT 1' }, headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect((await body(foreign)).json.error.type).toBe('CsrfRejected');
  });

  it('lets an analyst save, edit (two versions) and share a query; a viewer may run it but not change it', async () => {
    const created = await body(
      await analyst('/api/saved-queries', {
        method: 'POST',
        json: { name: 'Failed sign-ins', tags: ['signin'], sql: 'SELECT count(*) AS n FROM $EDS_ID', storeId },
      }),
    );
    expect(created.status).toBe(200);
    const id = created.json.query.id;
    const edited = await body(
      await analyst(`/api/saved-queries/${id}`, {
        method: 'PUT',
        json: { name: 'Failed sign-ins', sql: "SELECT count(*) AS n FROM $EDS_ID WHERE eventName = 'ConsoleLogin'", storeId },
      }),
    );
    expect(edited.json.query.version).toBe(2);
    const versions = await body(await analyst(`/api/saved-queries/${id}/versions`));
    expect(versions.json.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect((await body(await analyst('/api/saved-queries?q=consolelogin'))).json.queries.map((q: { id: string }) => q.id)).toContain(id);
    expect((await body(await analyst('/api/saved-queries?tag=signin'))).json.queries).toHaveLength(1);

    expect((await body(await viewer(`/api/saved-queries/${id}`))).status).toBe(404);
    const shared = await body(
      await analyst(`/api/saved-queries/${id}/shares`, {
        method: 'PUT',
        json: { everyoneRole: null, users: [{ email: `viewer-${database}@example.test`, role: 'viewer' }] },
      }),
    );
    expect(shared.json.users).toHaveLength(1);
    expect((await body(await viewer(`/api/saved-queries/${id}`))).json.query.access).toBe('viewer');
    expect((await body(await viewer(`/api/saved-queries/${id}`, { method: 'PUT', json: { name: 'mine now', sql: 'SELECT 1' } }))).status).toBe(403);
    const ran = await body(await viewer(`/api/saved-queries/${id}/run`, { method: 'POST', json: {} }));
    expect(ran.status).toBe(200);
    expect((await finish(viewer, ran.json.queryId)).status).toBe('FINISHED');

    const privateOne = await body(await analyst('/api/saved-queries', { method: 'POST', json: { name: 'Private', sql: 'SELECT 1 FROM $EDS_ID', storeId } }));
    expect((await body(await viewer(`/api/saved-queries/${privateOne.json.query.id}`))).status).toBe(404);
    expect((await body(await viewer(`/api/saved-queries/${privateOne.json.query.id}/run`, { method: 'POST', json: {} }))).status).toBe(404);
  });

  it("keeps free SQL from viewers and each user's runs from the others", async () => {
    expect((await body(await viewer('/api/queries', { method: 'POST', json: { sql: 'SELECT 1 FROM $EDS_ID', storeId } }))).status).toBe(403);
    const run = await body(await analyst('/api/queries', { method: 'POST', json: { sql: 'SELECT eventName FROM $EDS_ID LIMIT 5', storeId } }));
    await finish(analyst, run.json.queryId);
    expect((await body(await viewer(`/api/queries/${run.json.queryId}/results`))).status).toBe(404);
    expect((await body(await admin(`/api/queries/${run.json.queryId}/results`))).status).toBe(200);
    const history = await body(await analyst('/api/history'));
    expect(history.json.runs.map((r: { handle: string }) => r.handle)).toContain(run.json.queryId);
    expect(history.json.runs.find((r: { handle: string }) => r.handle === run.json.queryId).status).toBe('FINISHED');
    expect((await body(await viewer('/api/history'))).json.runs.map((r: { handle: string }) => r.handle)).not.toContain(run.json.queryId);
    await (await analyst(`/api/queries/${run.json.queryId}/export`)).text();
  });

  it('shows admins every run, export, sign-in and admin action in the audit log; nobody else', async () => {
    expect((await body(await analyst('/api/audit'))).status).toBe(403);
    expect((await body(await analyst('/api/users'))).status).toBe(403);
    const log = await body(await admin(`/api/audit?email=analyst-${database}@example.test`));
    const actions = log.json.entries.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['sign-in', 'query.run', 'export', 'saved-query.create', 'saved-query.share']));
    const viewerRuns = await body(await admin(`/api/audit?email=viewer-${database}@example.test&action=query.run`));
    expect(viewerRuns.json.entries.length).toBeGreaterThan(0);
    const csv = await admin('/api/audit?format=csv');
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect((await csv.text()).split('\r\n')[0]).toBe('at,user,action,target,detail');
    expect((await body(await admin('/api/audit?action=admin.invite'))).json.entries.length).toBeGreaterThanOrEqual(2);
  });

  it('rate-limits sign-in after repeated failures', async () => {
    const email = `limited-${database}@example.test`;
    const r = await body(await admin('/api/users', { method: 'POST', json: { email, role: 'viewer' } }));
    const token = new URL(r.json.inviteUrl).searchParams.get('token')!;
    await anonymous('/api/invites/accept', { method: 'POST', json: { token, password: 'correct-password-123' } });
    for (let i = 0; i < 5; i++) await expect(signIn(baseUrl, email, 'wrong-password-000')).rejects.toThrow();
    await expect(signIn(baseUrl, email, 'correct-password-123')).rejects.toThrow();
  });

  it('never sends a secret to the browser', async () => {
    const secret = fs.readFileSync(path.resolve('.tmp/it-data/session-secret'), 'utf8').trim();
    const all = seen.join('\n');
    for (const s of [LAKE_KEYS.secretAccessKey, secret, 'scrypt$', 'password_hash', ADMIN.password]) expect(all).not.toContain(s);
  });
});
