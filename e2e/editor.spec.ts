import { expect, test, type Page } from '@playwright/test';
import {
  editorFlatText,
  editorRegion,
  editorText,
  openWorkbench,
  pickedStoreId,
  queryError,
  queryStatus,
  resultsTable,
  runButton,
  setSql,
  suggestion,
  watchExternalRequests,
} from './helpers';

// Issue 5 as a new user meets it: samples, autocomplete, the property sidebar, syntax markers,
// lint before Run, tabs that keep their results and survive a reload.

let assertNoExternalRequests: () => void;

test.beforeEach(async ({ page }) => {
  assertNoExternalRequests = watchExternalRequests(page);
  await openWorkbench(page);
});

test.afterEach(() => assertNoExternalRequests());

const queryTab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Query tabs' }).getByRole('tab', { name, exact: true });

async function openSample(page: Page, search: string, title: string) {
  await page.getByRole('tab', { name: 'Sample queries' }).click();
  await page.getByRole('searchbox', { name: 'Search sample queries' }).fill(search);
  await page.getByRole('button', { name: title, exact: true }).click();
  await expect(queryTab(page, title)).toHaveAttribute('aria-selected', 'true');
}

test('opens a sample query with $EDS_ID replaced by the store, runs it and shows rows', async ({ page }) => {
  const storeId = await pickedStoreId(page);
  await openSample(page, 'api calls', 'Top API calls');

  await expect.poll(() => editorFlatText(page)).toContain(`FROM ${storeId}`);
  expect(await editorFlatText(page)).not.toContain('$EDS_ID');
  // The store ID is coloured as one token, not as a number followed by names.
  await expect.poll(async () => (await editorRegion(page).locator('.tb-store-id').allTextContents()).join('')).toBe(storeId);
  const colours = await editorRegion(page)
    .locator('.tb-store-id')
    .evaluateAll((els) => new Set(els.map((e) => getComputedStyle(e).color)).size);
  expect(colours).toBe(1);

  await runButton(page).click();
  await expect(queryStatus(page)).toHaveText('FINISHED');
  await expect(resultsTable(page).getByRole('columnheader', { name: 'calls', exact: true })).toBeVisible();
  await expect(resultsTable(page).getByRole('row').nth(1)).toBeVisible();
});

test('opening a sample that is already open focuses its tab; many tabs keep the New tab button whole', async ({ page }) => {
  await openSample(page, 'api calls', 'Top API calls');
  const tabs = page.getByRole('tablist', { name: 'Query tabs' }).getByRole('tab');
  const count = await tabs.count();
  await page.getByRole('button', { name: 'New tab' }).click();
  await openSample(page, 'api calls', 'Top API calls');
  await expect(tabs).toHaveCount(count + 1); // focused, not opened twice

  for (let i = 0; i < 12; i++) await page.getByRole('button', { name: 'New tab' }).click();
  const newTab = await page.getByRole('button', { name: 'New tab' }).boundingBox();
  expect(newTab!.height).toBeLessThan(40); // one line, not wrapped
  const active = page.getByRole('tablist', { name: 'Query tabs' }).getByRole('tab', { selected: true });
  await expect(active).toBeInViewport();
  expect((await active.boundingBox())!.width).toBeGreaterThan(60); // not cut to a letter
});

test('suggests struct members after a dot and inserts the picked one', async ({ page }) => {
  await setSql(page, '');
  await page.keyboard.type('SELECT userIdentity.');
  const arn = suggestion(page, 'arn');
  await expect(arn).toBeVisible();
  await expect(suggestion(page, 'sessionContext')).toBeVisible();
  await arn.click();
  await expect.poll(() => editorFlatText(page)).toBe('SELECT userIdentity.arn');
});

test("suggests a column's frequent values after column = '", async ({ page }) => {
  await setSql(page, '');
  await page.keyboard.type("SELECT count(*) FROM $EDS_ID WHERE awsRegion = 'us-we");
  await expect(suggestion(page, 'us-west-2')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect.poll(() => editorFlatText(page)).toContain("awsRegion = 'us-west-2'");
});

test('suggests map keys inside element_at and stores after FROM', async ({ page }) => {
  const storeId = await pickedStoreId(page);
  await setSql(page, '');
  await page.keyboard.type("SELECT element_at(requestParameters, 'buck");
  const key = suggestion(page, 'bucketName');
  await expect(key).toBeVisible();
  await page.keyboard.press('Enter');
  await expect.poll(() => editorFlatText(page)).toContain("element_at(requestParameters, 'bucketName')");

  await page.keyboard.press('End');
  await page.keyboard.type(' FROM dem');
  await expect(suggestion(page, 'demo')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect.poll(() => editorFlatText(page)).toContain(`FROM ${storeId}`);
});

test('clicking a sidebar property inserts it at the cursor', async ({ page }) => {
  await setSql(page, 'SELECT  FROM $EDS_ID');
  await page.keyboard.press('Home');
  for (let i = 0; i < 'SELECT '.length; i++) await page.keyboard.press('ArrowRight');

  const tree = page.getByRole('tree', { name: 'Event properties' });
  await tree.getByRole('treeitem', { name: 'eventName', exact: true }).click();
  await expect.poll(() => editorFlatText(page)).toBe('SELECT eventName FROM $EDS_ID');

  // A map inserts element_at(...) with the cursor between the quotes, ready for the key.
  await page.keyboard.insertText(', ');
  await tree.getByRole('treeitem', { name: 'requestParameters', exact: true }).locator('.tree-row').first().click();
  await page.keyboard.insertText('roleArn');
  await expect.poll(() => editorFlatText(page)).toBe("SELECT eventName, element_at(requestParameters, 'roleArn') FROM $EDS_ID");

  // Structs open onto their fields (→ on the focused item); nested paths are inserted whole.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.insertText(', ');
  const userIdentity = tree.getByRole('treeitem', { name: 'userIdentity', exact: true });
  await userIdentity.focus();
  await page.keyboard.press('ArrowRight');
  await expect(userIdentity).toHaveAttribute('aria-expanded', 'true');
  await userIdentity.getByRole('treeitem', { name: 'arn', exact: true }).click();
  await expect.poll(() => editorFlatText(page)).toBe("SELECT eventName, element_at(requestParameters, 'roleArn'), userIdentity.arn FROM $EDS_ID");
});

test('marks a syntax error in the editor before running', async ({ page }) => {
  await setSql(page, 'SELECT eventName FROM $EDS_ID WHER eventTime > now()');
  await expect(editorRegion(page).locator('.squiggly-error').first()).toBeVisible();
  const check = page.getByRole('status', { name: 'Syntax check' });
  await expect(check).toHaveAttribute('data-syntax-errors', /^[1-9]/);
  await expect(check).toContainText(/syntax error/);
  await expect(queryStatus(page)).toHaveCount(0); // nothing was run

  await setSql(page, "SELECT eventName FROM $EDS_ID WHERE eventTime > date_add('day', -1, now())");
  await expect(check).toHaveText('No syntax errors');
  await expect(editorRegion(page).locator('.squiggly-error')).toHaveCount(0);
});

test('a cheap unbounded scan runs at once, its cost warning shown beside the result', async ({ page }) => {
  // The demo store's whole scan costs far less than the confirmation threshold (TRAILBENCH_CONFIRM_ABOVE_USD).
  await setSql(page, 'SELECT count(*) AS n FROM $EDS_ID');
  await runButton(page).click();
  await expect(queryStatus(page)).toHaveText('FINISHED');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('note', { name: 'Run warnings' })).toContainText('No lower bound on eventTime');
  await expect(resultsTable(page).getByRole('columnheader', { name: 'n', exact: true })).toBeVisible();

  await setSql(page, "SELECT count(*) AS n FROM $EDS_ID WHERE eventTime > date_add('day', -1, now())");
  await runButton(page).click();
  await expect(queryStatus(page)).toHaveText('FINISHED');
  await expect(page.getByRole('note', { name: 'Run warnings' })).toHaveCount(0);
});

test('a query that does not parse shows its syntax error, not the cost check', async ({ page }) => {
  await setSql(page, 'SELECT count(* AS n FROM $EDS_ID');
  await runButton(page).click();
  await expect(queryError(page)).toContainText(/line \d+:\d+/);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('an unreplaced placeholder is an error the dialog names', async ({ page }) => {
  await setSql(page, "SELECT eventName FROM $EDS_ID WHERE eventTime > date_add('day', -1, now()) AND userIdentity.arn = '<role-arn>'");
  await runButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'This query will probably fail' });
  await expect(dialog).toContainText('<role-arn>');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('two tabs keep their own SQL and results', async ({ page }) => {
  await setSql(page, "SELECT eventName, count(*) AS n FROM $EDS_ID WHERE eventTime > date_add('day', -30, now()) GROUP BY eventName");
  await runButton(page).click();
  await expect(queryStatus(page)).toHaveText('FINISHED');

  await page.getByRole('button', { name: 'New tab' }).click();
  await expect(queryTab(page, 'Query 2')).toHaveAttribute('aria-selected', 'true');
  await setSql(page, "SELECT awsRegion, count(*) AS calls FROM $EDS_ID WHERE eventTime > date_add('day', -30, now()) GROUP BY awsRegion");
  await runButton(page).click();
  await expect(queryStatus(page)).toHaveText('FINISHED');
  await expect(resultsTable(page).getByRole('columnheader', { name: 'calls', exact: true })).toBeVisible();

  await queryTab(page, 'Query 1').click();
  await expect(resultsTable(page).getByRole('columnheader', { name: 'n', exact: true })).toBeVisible();
  await expect.poll(() => editorFlatText(page)).toContain('GROUP BY eventName');

  await queryTab(page, 'Query 2').click();
  await expect(resultsTable(page).getByRole('columnheader', { name: 'calls', exact: true })).toBeVisible();
  await expect.poll(() => editorFlatText(page)).toContain('GROUP BY awsRegion');
});

test('tabs, their SQL and their last results come back after a reload', async ({ page }) => {
  await setSql(page, "SELECT eventSource, count(*) AS hits FROM $EDS_ID WHERE eventTime > date_add('day', -30, now()) GROUP BY eventSource");
  await runButton(page).click();
  await expect(queryStatus(page)).toHaveText('FINISHED');
  await openSample(page, 'root', 'Root user activity');

  await page.reload();
  await expect(queryTab(page, 'Query 1')).toBeVisible();
  await expect(queryTab(page, 'Root user activity')).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => editorFlatText(page)).toContain("userIdentity.type = 'Root'");

  await queryTab(page, 'Query 1').click();
  await expect.poll(() => editorFlatText(page)).toContain('count(*) AS hits');
  await expect(queryStatus(page)).toHaveText('FINISHED');
  await expect(resultsTable(page).getByRole('columnheader', { name: 'hits', exact: true })).toBeVisible();
});

test('closing a tab whose query is running cancels the query', async ({ page }) => {
  // Hold every status poll so the query stays RUNNING in the page.
  await page.route(/\/api\/queries\/[^/]+$/, () => undefined);
  await page.getByRole('button', { name: 'New tab' }).click();
  await setSql(page, "SELECT count(*) FROM $EDS_ID WHERE eventTime > date_add('day', -1, now())");
  const started = page.waitForResponse((r) => r.url().endsWith('/api/queries') && r.request().method() === 'POST');
  await runButton(page).click();
  const { queryId } = (await (await started).json()) as { queryId: string };
  await expect(queryStatus(page)).toHaveText('QUEUED');

  const cancel = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/api/queries/${encodeURIComponent(queryId)}/cancel`));
  await page.getByRole('button', { name: 'Close Query 2' }).click();
  await cancel;
  await expect(queryTab(page, 'Query 2')).toHaveCount(0);
});

test('formats SQL, toggles comments, runs only the selection and lists the shortcuts', async ({ page }) => {
  await setSql(page, "select eventName, count(*) as n from $EDS_ID where eventTime > date_add('day', -1, now()) group by eventName");
  await page.getByRole('button', { name: 'Format SQL' }).click();
  await expect
    .poll(() => editorText(page))
    .toBe("SELECT\n  eventName,\n  count(*) AS n\nFROM $EDS_ID\nWHERE eventTime > date_add('day', -1, now())\nGROUP BY eventName");

  await page.keyboard.press('ControlOrMeta+Home');
  await page.getByRole('button', { name: 'Toggle comment' }).click();
  await expect.poll(async () => (await editorText(page)).split('\n')[0]).toBe('-- SELECT');
  await page.keyboard.press('ControlOrMeta+/');
  await expect.poll(async () => (await editorText(page)).split('\n')[0]).toBe('SELECT');

  await setSql(page, 'SELECT 42 AS answer\nthis line is not SQL');
  await page.keyboard.press('ControlOrMeta+Home');
  await page.keyboard.press('Shift+End');
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(queryStatus(page)).toHaveText('FINISHED');
  await expect(resultsTable(page).getByRole('gridcell', { name: '42', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Shortcuts' }).click();
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Run the query, or only the selected text');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});
