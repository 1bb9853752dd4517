import { expect, test, type Page } from '@playwright/test';
import { editorText, expectReadOnlyEditor, setSql } from './helpers';
import { acceptInviteAndSignIn, invite } from './people';

// Accounts as new users meet them: the admin (signed in by global-setup) invites an analyst and a
// viewer on the users page; each sets a password through their one-time link and signs in in a
// browser of their own; the analyst saves, edits (two versions, the diff), runs, exports and
// shares a query; the viewer runs the shared query but cannot change it, and cannot open another
// private query by its ID; the admin sees both runs and the export in the audit log.

const SQL_V1 = 'SELECT eventName, count(*) AS n\nFROM $EDS_ID\nGROUP BY eventName\nORDER BY n DESC';
const SQL_V2 = "SELECT eventName, count(*) AS n\nFROM $EDS_ID\nWHERE eventName <> 'ConsoleLogin'\nGROUP BY eventName\nORDER BY n DESC, eventName";

function queryStatus(page: Page) {
  return page.getByRole('status', { name: 'Query status' });
}

async function runAndSeeRows(page: Page) {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(queryStatus(page)).toHaveText('FINISHED');
  const table = page.getByRole('table', { name: 'Query results' });
  await expect(table.getByRole('columnheader', { name: 'eventName', exact: true })).toBeVisible();
  await expect(table.getByRole('row').nth(1).getByRole('cell').first()).not.toBeEmpty();
}

test('an analyst saves, edits and shares a query; a viewer runs it read-only; the admin audits both', async ({ page: admin, browser }) => {
  test.setTimeout(180_000);
  const suffix = `${Date.now().toString(36)}${test.info().repeatEachIndex}`; // new people and names on every run
  const ANALYST = { email: `analyst-${suffix}@e2e.test`, password: 'analyst-password-1', role: 'analyst' } as const;
  const VIEWER = { email: `viewer-${suffix}@e2e.test`, password: 'viewer-password-1', role: 'viewer' } as const;
  const NAME = `Event counts ${suffix}`;

  const analystLink = await invite(admin, ANALYST.email, 'analyst');
  const viewerLink = await invite(admin, VIEWER.email, 'viewer');
  const analyst = await acceptInviteAndSignIn(browser, analystLink, ANALYST);
  const viewer = await acceptInviteAndSignIn(browser, viewerLink, VIEWER);

  let queryUrl = '';
  let shareLink = '';
  let privateId = '';

  await test.step('the analyst saves a query from a prefilled /saved/new link', async () => {
    const stores = (await (await analyst.request.get('/api/stores')).json()) as { stores: { id: string; name: string; connectionId: string }[] };
    const demo = stores.stores.find((s) => s.name === 'demo')!;
    const params = new URLSearchParams({ sql: SQL_V1, storeId: demo.id, connectionId: demo.connectionId, name: NAME, tags: 'e2e, counts' });
    await analyst.goto(`/saved/new?${params}`);
    await expect(analyst.getByRole('heading', { name: 'New saved query' })).toBeVisible();
    await expect.poll(() => editorText(analyst)).toBe(SQL_V1);
    await expect(analyst.getByLabel('Default store').locator('option:checked')).toHaveText(new RegExp(`^demo \\(${demo.id}\\)`));
    await analyst.getByLabel('Folder').fill('Team');
    await analyst.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(analyst.getByRole('heading', { name: NAME })).toBeVisible();
    await expect(analyst).toHaveURL(/\/saved\/[0-9a-f-]{36}$/);
    queryUrl = analyst.url();
    await expect(analyst.getByText(/^Version 1 · created/)).toBeVisible();
    await expect(analyst.getByText('Only one version so far; saving a change adds the next.')).toBeVisible();
  });

  await test.step('the analyst edits it: version 2, and the diff shows what changed', async () => {
    await setSql(analyst, SQL_V2);
    await analyst.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(analyst.getByRole('status').filter({ hasText: 'Saved as version 2.' })).toBeVisible();
    const versions = analyst.getByRole('table', { name: 'Versions' });
    await expect(versions.getByRole('row')).toHaveCount(3); // header + 2 versions
    await expect(versions.getByRole('row').nth(1)).toContainText(ANALYST.email);
    const diff = analyst.getByRole('region', { name: 'Changes from version 1 to version 2' });
    await expect(diff.getByRole('insertion').filter({ hasText: "WHERE eventName <> 'ConsoleLogin'" })).toBeVisible();
    await expect(diff.getByRole('insertion').filter({ hasText: 'ORDER BY n DESC, eventName' })).toBeVisible();
    await expect(diff.getByRole('deletion')).toHaveText(['- Removed: ORDER BY n DESC']);
    await expect(diff).toContainText('2 lines added, 1 line removed.');
  });

  await test.step('the analyst finds it by text and by tag', async () => {
    await analyst.goto('/saved');
    await analyst.getByLabel('Text', { exact: true }).fill("'ConsoleLogin'");
    await analyst.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(analyst.getByRole('table', { name: 'Saved queries' }).getByRole('link', { name: NAME })).toBeVisible();
    await analyst.getByRole('button', { name: 'Show queries tagged counts' }).click();
    await expect(analyst.getByLabel('Tag', { exact: true })).toHaveValue('counts');
    await expect(analyst.getByRole('table', { name: 'Saved queries' }).getByRole('link', { name: NAME })).toBeVisible();
    await analyst.getByRole('link', { name: NAME }).click();
    await expect(analyst.getByRole('heading', { name: NAME })).toBeVisible();
  });

  await test.step('the analyst runs it and exports the result', async () => {
    await runAndSeeRows(analyst);
    const [download] = await Promise.all([analyst.waitForEvent('download'), analyst.getByRole('link', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(await download.failure()).toBeNull();
  });

  await test.step('the analyst shares it with the viewer and keeps another query private', async () => {
    await analyst.getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = analyst.getByRole('dialog', { name: `Share “${NAME}”` });
    await expect(dialog).toBeVisible();
    shareLink = await dialog.getByLabel('Share link').inputValue();
    expect(shareLink).toBe(queryUrl);
    await dialog.getByLabel('Person’s email').fill(VIEWER.email);
    await dialog.getByLabel('Role', { exact: true }).selectOption('viewer');
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await expect(dialog.getByLabel(`Role of ${VIEWER.email}`)).toHaveValue('viewer');
    await dialog.getByRole('button', { name: 'Save sharing' }).click();
    await expect(dialog).toBeHidden();
    await expect(analyst.getByText(`shared with ${VIEWER.email} (viewer)`)).toBeVisible();

    await analyst.goto(`/saved/new?${new URLSearchParams({ name: `Private ${suffix}`, sql: 'SELECT count(*) FROM $EDS_ID' })}`);
    await analyst.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(analyst.getByRole('heading', { name: `Private ${suffix}` })).toBeVisible();
    privateId = analyst.url().split('/').pop()!;
  });

  await test.step('the viewer opens the share link, runs the query, and cannot change it', async () => {
    await viewer.goto(shareLink);
    await expect(viewer.getByRole('heading', { name: NAME })).toBeVisible();
    await expect(viewer.getByText('You can view and run this query, but not change it.')).toBeVisible();
    // the SQL in the same Monaco editor as everywhere, read-only
    await expect.poll(() => editorText(viewer)).toBe(SQL_V2);
    await expectReadOnlyEditor(viewer);
    await expect(viewer.getByRole('textbox', { name: 'Name', exact: true })).not.toBeEditable();
    await expect(viewer.getByRole('button', { name: 'Save', exact: true })).toHaveCount(0);
    await expect(viewer.getByRole('button', { name: 'Share', exact: true })).toHaveCount(0);
    await expect(viewer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workbench' })).toHaveCount(0);
    await runAndSeeRows(viewer);
  });

  await test.step('the viewer cannot open the other, private query by its ID', async () => {
    await viewer.goto(`/saved/${privateId}`);
    await expect(viewer.getByRole('heading', { name: 'Saved query not found' })).toBeVisible();
    await expect(viewer.getByRole('alert').filter({ hasText: 'not shared with you' })).toBeVisible();
    await expect(viewer.getByText(`Private ${suffix}`)).toHaveCount(0);
    await viewer.goto('/saved');
    await expect(viewer.getByRole('table', { name: 'Saved queries' }).getByRole('link', { name: NAME })).toBeVisible();
    await expect(viewer.getByRole('link', { name: `Private ${suffix}` })).toHaveCount(0);
  });

  await test.step('the admin sees both runs and the export in the audit log, and both runs in history', async () => {
    await admin.goto('/admin/audit');
    await admin.getByLabel('Action starts with').fill('query.run');
    await admin.getByRole('button', { name: 'Filter' }).click();
    const log = admin.getByRole('table', { name: 'Audit log' });
    await expect(log.getByRole('row').filter({ hasText: ANALYST.email }).filter({ hasText: 'query.run' }).first()).toBeVisible();
    await expect(log.getByRole('row').filter({ hasText: VIEWER.email }).filter({ hasText: 'query.run' })).toHaveCount(1);

    await admin.getByLabel('User email').fill(ANALYST.email);
    await admin.getByLabel('Action starts with').fill('export');
    await admin.getByRole('button', { name: 'Filter' }).click();
    await expect(log.getByRole('row').filter({ hasText: 'export' })).toHaveCount(1);
    await expect(log).toContainText('"rows":');
    await expect(log).toContainText('"sha256":');
    const csvLink = admin.getByRole('link', { name: 'Export CSV' });
    await expect(csvLink).toHaveAttribute('href', `/api/audit?format=csv&email=${encodeURIComponent(ANALYST.email)}&action=export`);
    const [csv] = await Promise.all([admin.waitForEvent('download'), csvLink.click()]);
    expect(csv.suggestedFilename()).toBe('trailbench-audit.csv');

    await admin.goto('/history');
    await admin.getByLabel('Show everyone’s runs').check();
    const runs = admin.getByRole('table', { name: 'Everyone’s runs' });
    await expect(runs.getByRole('row').filter({ hasText: ANALYST.email }).filter({ hasText: 'FINISHED' }).first()).toBeVisible();
    await expect(runs.getByRole('row').filter({ hasText: VIEWER.email }).filter({ hasText: 'FINISHED' })).toHaveCount(1);
  });

  await test.step('each person signs out', async () => {
    for (const page of [analyst, viewer]) {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect(page).toHaveURL(/\/login$/);
      await page.goto('/saved');
      await expect(page).toHaveURL(/\/login\?next=%2Fsaved$/);
      await page.context().close();
    }
  });
});
