import { expect, test } from '@playwright/test';
import { editorFlatText, editorRegion, openWorkbench, setSql } from './helpers';

// Saving as an analyst (here the admin) does it: "Save query" is a button that opens a dialog in
// the workbench (name from the tab; folder, tags, description), saves without leaving the page
// and links the tab, so saving it again adds a version. The saved query's page edits the SQL in
// the same Monaco editor, and an earlier version can be restored as a new one.

const V1 = 'SELECT eventName FROM $EDS_ID LIMIT 3';
const V2 = 'SELECT eventName, awsRegion FROM $EDS_ID LIMIT 3';
const V4 = 'SELECT awsRegion FROM $EDS_ID LIMIT 4';

test('saves a tab in place, saves it again as version 2, restores version 1 and edits in Monaco', async ({ page }) => {
  const name = `Saved in place ${Date.now().toString(36)}`;
  await openWorkbench(page);
  await setSql(page, V1);

  const save = page.getByRole('button', { name: 'Save query', exact: true });
  const activeTab = page.getByRole('tablist', { name: 'Query tabs' }).getByRole('tab', { selected: true });
  await expect(save).toHaveClass(/\bbtn\b/); // styled as the toolbar's other buttons
  await expect(page.getByRole('link', { name: 'Save query' })).toHaveCount(0);

  await test.step('the dialog is prefilled from the tab and saves without leaving the workbench', async () => {
    const tabTitle = (await activeTab.innerText()).trim();
    await save.click();
    const dialog = page.getByRole('dialog', { name: 'Save query' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Name')).toHaveValue(tabTitle);
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Folder').fill('E2E');
    await dialog.getByLabel('Tags (comma-separated)').fill('e2e, saving');
    await dialog.getByLabel('Description').fill('Saved from the workbench.');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('status').filter({ hasText: `Saved as version 1 of ${name}` })).toBeVisible();
    await expect(activeTab).toContainText(name);
  });

  await test.step('saving the same tab again says it adds version 2, and does', async () => {
    await setSql(page, V2);
    await save.click();
    const dialog = page.getByRole('dialog', { name: 'Save a new version' });
    await expect(dialog).toContainText(`This tab is saved as “${name}”: saving adds version 2`);
    await expect(dialog.getByLabel('Name')).toHaveValue(name);
    await expect(dialog.getByLabel('Folder')).toHaveValue('E2E');
    await expect(dialog.getByLabel('Tags (comma-separated)')).toHaveValue('e2e, saving');
    await dialog.getByRole('button', { name: 'Save version 2' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: `Saved as version 2 of ${name}` })).toBeVisible();
  });

  await test.step('the saved query’s page shows the SQL in the Monaco editor, with both versions', async () => {
    await page.getByRole('status').getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
    await expect(editorRegion(page)).toBeVisible();
    await expect.poll(() => editorFlatText(page)).toBe(V2);
    await expect(page.getByRole('textbox', { name: 'SQL', exact: true })).toHaveCount(0); // no plain textarea
    await expect(page.getByRole('heading', { name: 'Versions (2)' })).toBeVisible();
    await expect(page.getByLabel('Folder')).toHaveValue('E2E');
  });

  await test.step('restoring version 1 saves it as version 3', async () => {
    await page.getByRole('button', { name: 'Restore version 1' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Restored version 1 as version 3.' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Versions (3)' })).toBeVisible();
    await expect.poll(() => editorFlatText(page)).toBe(V1);
    await expect(page.getByRole('region', { name: 'Changes from version 2 to version 3' })).toContainText('1 line added, 1 line removed.');
  });

  await test.step('an edit in the Monaco editor saves as version 4', async () => {
    await setSql(page, V4);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved as version 4.' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Versions' }).getByRole('row')).toHaveCount(5); // header + 4
    await expect.poll(() => editorFlatText(page)).toBe(V4);
  });
});
