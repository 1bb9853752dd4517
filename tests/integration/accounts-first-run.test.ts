import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/receiver';
import { startServer, type TestServer } from '../helpers/server';
import { session, signIn, type SessionFetch } from '../helpers/session';

/**
 * A team's first hour over HTTP, on a server of its own with an empty database and no admin in
 * the environment: the sign-in page's first-admin help, the printed setup link, then accounts
 * (re-invite, password change, reset link, sign-out) and what each leaves in the audit log.
 */
let server: TestServer;
let anonymous: SessionFetch;
const ADMIN = { email: 'first-admin@example.test', password: 'first-admin-password-1' };

const page = async (path: string) => (await anonymous(path)).text();
const json = async (res: Response) => ({ status: res.status, json: await res.json() });
const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

beforeAll(async () => {
  const port = await freePort();
  // no TRAILBENCH_ADMIN_EMAIL/PASSWORD here (unlike the suite's own server): the setup link is printed
  server = await startServer({ port, dataDir: path.resolve(__dirname, '../../.tmp/it-first-run'), env: { TRAILBENCH_DEMO_EVENTS: '200', PORT: String(port) } });
  anonymous = session(server.url);
});

afterAll(async () => {
  await server?.stop();
});

describe('first run', () => {
  let setupUrl = '';

  it('prints a one-time setup link in the console, and the sign-in page says where to find it', async () => {
    setupUrl = /https?:\/\/\S+\/setup\?token=\S+/.exec(server.output())?.[0] ?? '';
    expect(setupUrl, server.output()).toMatch(/\/setup\?token=[\w-]{20,}$/);
    const login = await page('/login');
    expect(login).toContain('No users yet: create the first admin');
    expect(login).toContain('console output');
    expect(login).toContain('TRAILBENCH_ADMIN_EMAIL');
    expect(login).toContain('TRAILBENCH_ADMIN_PASSWORD');
  });

  it('shows the setup form for the printed link and a clear message for a wrong one', async () => {
    expect(await page(`/setup?token=${tokenOf(setupUrl)}`)).toContain('Create admin');
    const wrong = await page('/setup?token=not-the-printed-token');
    expect(wrong).toContain('This link is not valid');
    expect(wrong).not.toContain('Create admin');
  });

  it('creates the first admin once; then the link and the setup page say setup is done, and the sign-in page drops its help', async () => {
    const created = await json(await anonymous('/api/setup', { method: 'POST', json: { token: tokenOf(setupUrl), ...ADMIN } }));
    expect(created.status, JSON.stringify(created.json)).toBe(200);
    const again = await page(`/setup?token=${tokenOf(setupUrl)}`);
    expect(again).toContain('Setup is already complete');
    expect(again).not.toContain('Create admin');
    expect(await page('/login')).not.toContain('No users yet');
  });
});

describe('accounts', () => {
  let admin: SessionFetch;
  const ANALYST = { email: 'analyst@example.test', password: 'analyst-password-1' };
  let analystId = '';

  beforeAll(async () => {
    admin = await signIn(server.url, ADMIN.email, ADMIN.password);
  });

  it('re-sends an invite: the new link works, the old one says it was used or replaced', async () => {
    const first = await json(await admin('/api/users', { method: 'POST', json: { email: ANALYST.email, role: 'analyst' } }));
    analystId = first.json.user.id;
    expect(first.json.user.invitePending).toBe(true);
    const again = await json(await admin(`/api/users/${analystId}/invite`, { method: 'POST', json: {} }));
    expect(again.status).toBe(200);
    const oldPage = await page(`/invite?token=${tokenOf(first.json.inviteUrl)}`);
    expect(oldPage).toContain('This link has already been used (or was replaced by a newer one).');
    expect(oldPage).toContain('Ask your Trailbench admin to send you a new invite link.');
    expect(oldPage).not.toContain('Set password</button>');
    const refused = await json(
      await anonymous('/api/invites/accept', { method: 'POST', json: { token: tokenOf(first.json.inviteUrl), password: ANALYST.password } }),
    );
    expect(refused.json.error.type).toBe('InvalidToken');
    const accepted = await json(
      await anonymous('/api/invites/accept', { method: 'POST', json: { token: tokenOf(again.json.inviteUrl), password: ANALYST.password } }),
    );
    expect(accepted.status).toBe(200);
    expect(await page(`/invite?token=${tokenOf(again.json.inviteUrl)}`)).toContain('already been used');
    // an accepted invite is not re-sent; a reset link is the way then
    expect((await json(await admin(`/api/users/${analystId}/invite`, { method: 'POST', json: {} }))).status).toBe(409);
  });

  it('changes a password only with the current one and the rules; the change ends the other sessions', async () => {
    const analyst = await signIn(server.url, ANALYST.email, ANALYST.password);
    const elsewhere = await signIn(server.url, ANALYST.email, ANALYST.password);
    const NEW = 'analyst-new-password-2';
    const wrong = await json(await analyst('/api/account/password', { method: 'POST', json: { currentPassword: 'not-my-password-1', newPassword: NEW } }));
    expect([wrong.status, wrong.json.error.type]).toEqual([400, 'WrongPassword']);
    const short = await json(await analyst('/api/account/password', { method: 'POST', json: { currentPassword: ANALYST.password, newPassword: 'short' } }));
    expect(short.json.error.message).toContain('at least 12 characters');
    expect((await anonymous('/api/account/password', { method: 'POST', json: { currentPassword: ANALYST.password, newPassword: NEW } })).status).toBe(401);
    const changed = await json(await analyst('/api/account/password', { method: 'POST', json: { currentPassword: ANALYST.password, newPassword: NEW } }));
    expect(changed.status, JSON.stringify(changed.json)).toBe(200);
    expect((await elsewhere('/api/me')).status).toBe(401);
    expect((await analyst('/api/me')).status).toBe(401);
    await expect(signIn(server.url, ANALYST.email, ANALYST.password)).rejects.toThrow(/failed/);
    ANALYST.password = NEW;
    expect((await (await signIn(server.url, ANALYST.email, NEW))('/api/me')).status).toBe(200);
  });

  it('issues a one-time reset link to admins only; using it sets the password and ends the sessions', async () => {
    const analyst = await signIn(server.url, ANALYST.email, ANALYST.password);
    expect((await analyst(`/api/users/${analystId}/reset-link`, { method: 'POST', json: {} })).status).toBe(403);
    const issued = await json(await admin(`/api/users/${analystId}/reset-link`, { method: 'POST', json: {} }));
    expect(issued.json.resetUrl).toMatch(/\/reset\?token=[\w-]{20,}$/);
    const token = tokenOf(issued.json.resetUrl);
    expect(await page(`/reset?token=${token}`)).toContain('Set new password');
    const RESET = 'analyst-reset-password-3';
    expect((await json(await anonymous('/api/password-reset', { method: 'POST', json: { token, password: RESET } }))).status).toBe(200);
    expect((await analyst('/api/me')).status).toBe(401);
    expect((await (await signIn(server.url, ANALYST.email, RESET))('/api/me')).status).toBe(200);
    const used = await page(`/reset?token=${token}`);
    expect(used).toContain('This link has already been used');
    expect(used).toContain('new password-reset link');
    expect((await json(await anonymous('/api/password-reset', { method: 'POST', json: { token, password: 'yet-another-password-4' } }))).json.error.type).toBe(
      'InvalidToken',
    );
  });

  it('audits sign-out, password change, reset link, re-invite and reset', async () => {
    const another = await signIn(server.url, ADMIN.email, ADMIN.password);
    const { csrfToken } = await (await another('/api/auth/csrf')).json();
    const out = await another('/api/auth/signout', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrfToken, json: 'true' }),
    });
    expect(out.status).toBe(200);
    const audit = await json(await admin('/api/audit'));
    const actions = audit.json.entries.map((e: { action: string }) => e.action);
    for (const a of ['sign-out', 'password.change', 'password.change-failed', 'admin.reset-link', 'admin.reinvite', 'password.reset', 'admin.setup'])
      expect(actions, a).toContain(a);
    expect(JSON.stringify(audit.json)).not.toMatch(/token=/);
  });
});
