import { expect, test } from '@playwright/test';
import { openWorkbench, queryError, queryStatus, resultsTable, runButton, setSql, watchExternalRequests } from './helpers';

// The workbench as a user drives it, against the production build and the seeded `demo` store.

let assertNoExternalRequests: () => void;

test.beforeEach(async ({ page }) => {
  assertNoExternalRequests = watchExternalRequests(page);
  await openWorkbench(page);
});

test.afterEach(() => {
  // Monaco and everything else come from the app itself: nothing may leave the machine.
  assertNoExternalRequests();
});

const LAST_30_DAYS = "eventTime > date_add('day', -30, now())";

test('runs a query and shows the result table and statistics', async ({ page }) => {
  await setSql(page, `SELECT eventName, count(*) AS n FROM $EDS_ID WHERE ${LAST_30_DAYS} GROUP BY eventName ORDER BY n DESC`);
  await runButton(page).click();

  await expect(queryStatus(page)).toHaveText('FINISHED');
  const table = resultsTable(page);
  await expect(table.getByRole('columnheader', { name: 'eventName', exact: true })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'n', exact: true })).toBeVisible();
  await expect(table.getByRole('row').nth(1).getByRole('gridcell').first()).not.toBeEmpty();
  await expect(page.getByText(/^Rows 1–\d+ of \d+$/)).toBeVisible();

  const stats = page.getByRole('definition');
  await expect(page.getByRole('term').filter({ hasText: 'Events scanned' })).toBeVisible();
  await expect(page.getByRole('term').filter({ hasText: 'Bytes scanned' })).toBeVisible();
  await expect(page.getByRole('term').filter({ hasText: 'Execution time' })).toBeVisible();
  await expect(stats.first()).not.toBeEmpty();
  await expect(runButton(page)).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
});

test('pages through a large result with Next and Previous', async ({ page }) => {
  await setSql(page, `SELECT eventID, eventTime FROM $EDS_ID WHERE ${LAST_30_DAYS} ORDER BY eventTime LIMIT 250`);
  await runButton(page).click();

  await expect(queryStatus(page)).toHaveText('FINISHED');
  await expect(page.getByText('Rows 1–100 of 250', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Rows per page')).toHaveValue('100');
  const table = resultsTable(page);
  await expect(table.getByRole('columnheader', { name: 'eventID', exact: true })).toBeVisible();
  await expect(table).toHaveAttribute('aria-rowcount', '101'); // header + 100
  const firstCell = table.getByRole('row').nth(1).getByRole('gridcell').first();
  const firstOnPage1 = (await firstCell.textContent()) ?? '';
  expect(firstOnPage1).not.toBe('');

  await expect(page.getByRole('button', { name: 'Previous page' })).toBeDisabled();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Rows 101–200 of 250', { exact: true })).toBeVisible();
  await expect(table.getByRole('rowheader').first()).toHaveText('101');
  await expect(firstCell).not.toHaveText(firstOnPage1);

  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Rows 201–250 of 250', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();

  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(page.getByText('Rows 101–200 of 250', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Previous page' }).click();
  await expect(page.getByText('Rows 1–100 of 250', { exact: true })).toBeVisible();
  await expect(firstCell).toHaveText(firstOnPage1);

  await page.getByLabel('Rows per page').selectOption('500');
  await expect(page.getByText('Rows 1–250 of 250', { exact: true })).toBeVisible();
  await expect(table).toHaveAttribute('aria-rowcount', '251');
});

test('Ctrl+Enter in the editor runs the query', async ({ page }) => {
  await setSql(page, `SELECT eventID FROM $EDS_ID WHERE ${LAST_30_DAYS} LIMIT 3`);
  await page.keyboard.press('ControlOrMeta+Enter');

  await expect(queryStatus(page)).toHaveText('FINISHED');
  await expect(page.getByText('Rows 1–3 of 3', { exact: true })).toBeVisible();
  await expect(resultsTable(page).getByRole('row')).toHaveCount(4);
});

test('a syntax error is shown with its line and column', async ({ page }) => {
  await setSql(page, 'SELEC 1');
  await runButton(page).click();

  await expect(queryError(page)).toBeVisible();
  await expect(queryError(page)).toContainText(/line \d+:\d+/);
  await expect(resultsTable(page)).toHaveCount(0);
  await expect(runButton(page)).toBeEnabled();
});

test('a statement other than SELECT is rejected', async ({ page }) => {
  await setSql(page, 'DELETE FROM $EDS_ID');
  await runButton(page).click();
  // DELETE parses as Trino, so the cost check comes first; the lake cannot estimate it, so Run asks
  await page.getByRole('dialog').getByRole('button', { name: 'Run anyway' }).click();

  await expect(queryError(page)).toBeVisible();
  await expect(queryError(page)).toContainText(/only SELECT/i);
  await expect(resultsTable(page)).toHaveCount(0);
});
