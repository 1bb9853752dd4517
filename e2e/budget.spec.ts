import { expect, test } from '@playwright/test';
import { openWorkbench, queryError, queryStatus, runButton, setSql } from './helpers';

const SQL = "SELECT eventName, count(*) AS n FROM $EDS_ID WHERE eventTime > date_add('day', -30, now()) GROUP BY eventName";

test('a query whose estimate is over its budget is refused before it runs, and runs within a budget', async ({ page }) => {
  await openWorkbench(page);
  await setSql(page, SQL);
  await expect(page.getByRole('status', { name: 'Estimated scan' })).toContainText('to scan');

  const budget = page.getByLabel('Budget per query ($)');
  await budget.fill('0.0000001');
  await runButton(page).click();
  await expect(queryError(page)).toContainText('BudgetExceeded');
  await expect(queryError(page)).toContainText(/more than its budget of \$0\.0000/);

  await budget.fill('5');
  await runButton(page).click();
  await expect(queryStatus(page)).toHaveText('FINISHED');
  await expect(page.getByRole('status', { name: 'Scanned by the last run' })).toContainText('scanned');
});
