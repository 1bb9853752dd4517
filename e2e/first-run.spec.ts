import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { freePort } from '../tests/helpers/receiver';
import { startServer, type TestServer } from '../tests/helpers/server';
import { fillFirstAdminSetup } from './people';

// The first hour on a server of its own with an empty database (the suite's server already has an
// admin from the environment): the sign-in page says how to create the first admin, the setup link
// the server printed creates it and signs it in; then accounts: re-sent invites, reset links,
// a password change, sign-out; used links say so. No 401s in the console on the sign-in page.

let server: TestServer;
const ADMIN = { email: 'first@e2e.test', password: 'first-admin-password-1' };
const ANALYST = { email: 'analyst@e2e.test', password: 'analyst-password-11' };

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const port = await freePort();
  server = await startServer({ port, dataDir: path.resolve(__dirname, '../.tmp/e2e-first-run'), env: { TRAILBENCH_DEMO_EVENTS: '200', PORT: String(port) } });
});

test.afterAll(async () => {
  await server?.stop();
});

/** A fresh browser with no cookies (the suite's admin cookie is for the other server); records 401s and console errors. */
async function freshPage(browser: Browser): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, baseURL: server.url });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('response', (r) => r.status() === 401 && problems.push(`401: ${r.url()}`));
  return { page, problems };
}

async function signInAs(page: Page, who: { email: string; password: string }) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText(who.email);
}

test('the first admin comes from the printed setup link, is signed in at once, and the link then says it is used', async ({ browser }) => {
  const { page, problems } = await freshPage(browser);
  await page.goto('/login');
  const help = page.getByRole('region', { name: 'No users yet: create the first admin' });
  await expect(help).toContainText('the server printed in its console output');
  await expect(help).toContainText('TRAILBENCH_ADMIN_EMAIL');
  await expect(help).toContainText('TRAILBENCH_ADMIN_PASSWORD');
  await expect(page.getByRole('form', { name: 'Sign in' })).toBeVisible();
  expect(problems, 'the sign-in page fetches nothing that needs a session').toEqual([]);

  await page.goto('/setup?token=copied-only-in-part');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('This link is not valid');
  await expect(page.getByRole('button', { name: 'Create admin' })).toHaveCount(0);

  const { form, setupUrl } = await fillFirstAdminSetup(page, server.output(), { ...ADMIN, name: 'First Admin' });
  await form.getByRole('button', { name: 'Create admin' }).click();
  await expect(page).toHaveURL(`${server.url}/`);
  await expect(page.getByRole('navigation', { name: 'Main' })).toContainText(ADMIN.email);

  await page.goto(setupUrl!);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Setup is already complete: the first admin exists. Sign in instead.');
  await expect(page.getByRole('link', { name: 'Go to sign-in' })).toBeVisible();
  await page.context().close();
});

test.describe.configure({ mode: 'serial' }); // the second test uses the admin the first one creates

test('an admin re-sends an invite (the old link says so) and issues a reset link; users change passwords; sign-out is audited', async ({ browser }) => {
  test.setTimeout(180_000);
  const { page: admin } = await freshPage(browser);
  await signInAs(admin, ADMIN);

  await admin.goto('/admin/users');
  const invite = admin.getByRole('form', { name: 'Invite a user' });
  await invite.getByLabel('Email').fill(ANALYST.email);
  await invite.getByLabel('Role').selectOption('analyst');
  await invite.getByRole('button', { name: 'Invite' }).click();
  const firstLink = await admin.getByLabel(`Invite link for ${ANALYST.email}`).first().inputValue();
  await admin.getByRole('button', { name: `Re-send invite to ${ANALYST.email}` }).click();
  const row = admin.getByRole('table', { name: 'Users' }).getByRole('row').filter({ hasText: ANALYST.email });
  await expect(row.getByLabel(`Invite link for ${ANALYST.email}`)).toHaveValue(/\/invite\?token=[\w-]{20,}$/);
  const newLink = await row.getByLabel(`Invite link for ${ANALYST.email}`).inputValue();
  expect(newLink).not.toBe(firstLink);

  const { page: analyst, problems } = await freshPage(browser);
  await analyst.goto(firstLink);
  await expect(analyst.getByRole('main').getByRole('alert')).toHaveText(
    'This link has already been used (or was replaced by a newer one). Ask your Trailbench admin to send you a new invite link.',
  );
  await expect(analyst.getByRole('button', { name: 'Set password' })).toHaveCount(0);
  await analyst.goto(newLink);
  await analyst.getByLabel(/^Password/).fill(ANALYST.password);
  await analyst.getByRole('button', { name: 'Set password' }).click();
  await expect(analyst.getByRole('status')).toHaveText(`Account ready for ${ANALYST.email}. Sign in now.`);
  await signInAs(analyst, ANALYST);

  await test.step('the analyst changes their password on Your account', async () => {
    await expect(analyst.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your account' })).toHaveAttribute('href', '/account');
    await analyst.goto('/account');
    const form = analyst.getByRole('form', { name: 'Change password' });
    await form.getByLabel('Current password').fill('not-the-password-1');
    await form.getByLabel(/^New password/).fill('analyst-password-22');
    await form.getByLabel('Repeat new password').fill('analyst-password-22');
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(analyst.getByRole('main').getByRole('alert')).toHaveText('The current password is not right.');
    await form.getByLabel('Current password').fill(ANALYST.password);
    await form.getByRole('button', { name: 'Change password' }).click();
    await expect(analyst.getByRole('status')).toHaveText('Password changed. Your other sessions are signed out.');
    ANALYST.password = 'analyst-password-22';
    await analyst.reload();
    await expect(analyst.getByRole('navigation', { name: 'Main' })).toContainText(ANALYST.email); // still signed in here
  });

  await test.step('the admin issues a reset link; it works once and ends the analyst session', async () => {
    await admin.reload();
    await admin.getByRole('button', { name: `Reset password of ${ANALYST.email}` }).click();
    const link = admin.getByLabel(`Password-reset link for ${ANALYST.email}`);
    await expect(link).toHaveValue(/\/reset\?token=[\w-]{20,}$/);
    const resetUrl = await link.inputValue();
    const { page: person } = await freshPage(browser);
    await person.goto(resetUrl);
    await person.getByLabel(/^Password/).fill('analyst-password-33');
    await person.getByRole('button', { name: 'Set new password' }).click();
    await expect(person.getByRole('status')).toHaveText(`New password set for ${ANALYST.email}. Sign in now.`);
    await person.goto(resetUrl);
    await expect(person.getByRole('main').getByRole('alert')).toContainText('This link has already been used');
    await expect(person.getByRole('main').getByRole('alert')).toContainText('Ask your Trailbench admin for a new password-reset link.');
    await analyst.goto('/account');
    await expect(analyst).toHaveURL(/\/login\?next=%2Faccount$/);
    await signInAs(analyst, { email: ANALYST.email, password: 'analyst-password-33' });
  });

  await test.step('signing out lands on a quiet sign-in page and is audited', async () => {
    const before = problems.length;
    await analyst.getByRole('button', { name: 'Sign out' }).click();
    await expect(analyst.getByRole('form', { name: 'Sign in' })).toBeVisible();
    await expect(analyst.getByRole('region', { name: /No users yet/ })).toHaveCount(0);
    await admin.goto('/admin/audit');
    await expect(
      admin.getByRole('table', { name: 'Audit log' }).getByRole('row').filter({ hasText: 'sign-out' }).filter({ hasText: ANALYST.email }).first(),
    ).toBeVisible();
    for (const action of ['password.change', 'admin.reset-link', 'admin.reinvite', 'password.reset']) {
      await expect(admin.getByRole('table', { name: 'Audit log' }).getByRole('row').filter({ hasText: action }).first()).toBeVisible();
    }
    expect(problems.slice(before)).toEqual([]);
  });
});
