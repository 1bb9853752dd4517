import { expect, type Browser, type Page } from '@playwright/test';

// New people as the admin (signed in by global-setup) brings them in: an invite on the users
// page, then the invitee's own browser sets a password through the link and signs in.

export async function invite(admin: Page, email: string, role: 'analyst' | 'viewer'): Promise<string> {
  await admin.goto('/admin/users');
  const form = admin.getByRole('form', { name: 'Invite a user' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role').selectOption(role);
  await form.getByRole('button', { name: 'Invite' }).click();
  const link = admin.getByLabel(`Invite link for ${email}`);
  await expect(link).toHaveValue(/\/invite\?token=[\w-]{20,}$/);
  await expect(admin.getByRole('table', { name: 'Users' }).getByRole('row').filter({ hasText: email })).toContainText('Not signed in yet');
  const url = await link.inputValue();
  expect(new URL(url).origin, 'the invite link points at this server').toBe(new URL(admin.url()).origin);
  return url;
}

/**
 * A new person in a fresh browser: opens the invite link, sets a password, signs in, and lands
 * on their home (the workbench; a viewer, who may not run free SQL, on the saved queries).
 */
export async function acceptInviteAndSignIn(
  browser: Browser,
  inviteUrl: string,
  who: { email: string; password: string; role: 'analyst' | 'viewer' },
  options: { viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, ...options });
  const page = await context.newPage();
  await page.goto(inviteUrl);
  await page.getByLabel(/^Password/).fill(who.password);
  await page.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('status')).toHaveText(`Account ready for ${who.email}. Sign in now.`);
  await page.getByRole('link', { name: 'Go to sign-in' }).click();
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(who.role === 'viewer' ? /\/saved$/ : /\/$/);
  return page;
}

/**
 * The first admin's setup form, filled from the setup link the server printed (not yet sent:
 * the caller may look at it first). Returns the form.
 */
export async function fillFirstAdminSetup(page: Page, serverOutput: string, who: { email: string; name: string; password: string }) {
  const setupUrl = /https?:\/\/\S+\/setup\?token=\S+/.exec(serverOutput)?.[0];
  expect(setupUrl, 'the server printed a setup link').toBeTruthy();
  await page.goto(setupUrl!);
  const form = page.getByRole('form', { name: 'Create the first admin' });
  await form.getByLabel('Email').fill(who.email);
  await form.getByLabel('Name').fill(who.name);
  await form.getByLabel(/^Password/).fill(who.password);
  return { form, setupUrl: setupUrl! };
}
