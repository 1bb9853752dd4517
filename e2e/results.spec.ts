import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { expect, test, type Page } from '@playwright/test';
import { editorFlatText, openWorkbench, queryStatus, resultsTable, runButton, setSql, watchExternalRequests } from './helpers';

// Results at any size: the virtualised grid over server pages, the event drawer, pivots, charts,
// exports, cost before and after, and cancel — against the seeded 20,000-event `demo` store.

let assertNoExternalRequests: () => void;

test.beforeEach(async ({ page }) => {
  assertNoExternalRequests = watchExternalRequests(page);
  await openWorkbench(page);
});

test.afterEach(() => assertNoExternalRequests());

const LAST_30_DAYS = "eventTime > date_add('day', -30, now())";
/** Three rows per event: 60,000 rows, cut to 50,000. */
const FIFTY_THOUSAND = `SELECT eventID, eventTime, eventName, n FROM $EDS_ID CROSS JOIN UNNEST(sequence(1, 3)) AS t(n) WHERE ${LAST_30_DAYS} LIMIT 50000`;

async function run(page: Page, sql: string) {
  await setSql(page, sql);
  await runButton(page).click();
  await expect(queryStatus(page)).toHaveText('FINISHED', { timeout: 60_000 });
}

test('pages through 50,000 rows; each page is virtualised and scrolls to its last row', async ({ page }) => {
  await run(page, FIFTY_THOUSAND);
  await page.getByLabel('Rows per page').selectOption('1000');
  await expect(page.getByText('Rows 1–1000 of 50000', { exact: true })).toBeVisible();

  const grid = resultsTable(page);
  await expect(grid).toHaveAttribute('aria-rowcount', '1001');
  await expect(grid.getByRole('rowheader', { name: '1', exact: true })).toBeVisible();
  // Virtualised: a few dozen of the page's 1,000 rows are in the DOM, not all of them.
  expect(await grid.getByRole('row').count()).toBeLessThan(100);

  // Scroll down in steps, as a wheel would; the rows in view follow.
  for (const to of [0.25, 0.5, 0.75]) {
    await grid.evaluate((el, f) => el.scrollTo({ top: el.scrollHeight * f }), to);
    await expect(grid.getByRole('rowheader', { name: String(Math.round(1000 * to)), exact: true })).toBeAttached();
  }
  await grid.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(grid.getByRole('rowheader', { name: '1000', exact: true })).toBeVisible();
  await expect(grid.getByRole('rowheader', { name: '1', exact: true })).toHaveCount(0);
  expect(await grid.getByRole('row').count()).toBeLessThan(100);

  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText('Rows 1001–2000 of 50000', { exact: true })).toBeVisible();
  await expect(grid.getByRole('rowheader', { name: '1001', exact: true })).toBeVisible();

  // The keyboard reaches the end of the page too: Ctrl+End moves to the last cell.
  await grid.focus();
  await page.keyboard.press('Control+End');
  await expect(grid.getByRole('rowheader', { name: '2000', exact: true })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Cell actions' })).toContainText('Row 2000 · n');
});

test('sorts and filters the loaded page only, and says so', async ({ page }) => {
  await run(page, `SELECT eventName, count(*) AS n FROM $EDS_ID WHERE ${LAST_30_DAYS} GROUP BY eventName ORDER BY eventName`);
  const grid = resultsTable(page);
  await expect(page.getByLabel('Filter this page')).toHaveAccessibleDescription(/Sort and filter apply to the \d+ rows loaded on this page only\./);

  await grid.getByRole('columnheader', { name: 'n', exact: true }).getByRole('button').click();
  await expect(grid.getByRole('columnheader', { name: 'n', exact: true })).toHaveAttribute('aria-sort', 'ascending');
  await grid.getByRole('columnheader', { name: 'n', exact: true }).getByRole('button').click();
  await expect(grid.getByRole('columnheader', { name: 'n', exact: true })).toHaveAttribute('aria-sort', 'descending');
  const counts = await grid.locator('[role=gridcell][aria-colindex="3"]').allTextContents();
  expect(counts.length).toBeGreaterThan(2);
  expect(counts.map(Number)).toEqual([...counts.map(Number)].sort((a, b) => b - a));

  await page.getByLabel('Filter this page').fill('ConsoleLogin');
  await expect(page.getByText(/^1 of \d+ loaded rows match\./)).toBeVisible();
  await expect(grid).toHaveAttribute('aria-rowcount', '2');
  await expect(grid.getByRole('gridcell', { name: 'ConsoleLogin', exact: true })).toBeVisible();
});

test('views a cell in full and copies it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await run(page, `SELECT eventID, userIdentity FROM $EDS_ID WHERE ${LAST_30_DAYS} LIMIT 5`);
  const grid = resultsTable(page);
  await grid.locator('[role=gridcell][aria-colindex="3"]').first().click();
  await page.keyboard.press('Enter');
  const viewer = page.getByRole('dialog', { name: /^Row 1 · userIdentity$/ });
  await expect(viewer).toContainText('Map, row or array, shown as JSON');
  const pretty = await viewer.getByLabel('Value of userIdentity').textContent();
  expect(JSON.parse(pretty!)).toHaveProperty('type');
  await viewer.getByRole('button', { name: 'Close' }).click();
  await expect(viewer).toHaveCount(0);

  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ControlOrMeta+C');
  await expect(page.getByText('Copied cell')).toBeVisible();
  const eventId = await grid.locator('[role=gridcell][aria-colindex="2"]').first().textContent();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(eventId);

  await page.getByRole('toolbar', { name: 'Cell actions' }).getByRole('button', { name: 'Copy column' }).click();
  const column = await page.evaluate(() => navigator.clipboard.readText());
  expect(column.split('\n')).toHaveLength(6); // header + 5
  expect(column.split('\n')[1]).toBe(eventId);
});

test("opens a row's whole event in the drawer, copies it as JSON and pivots from it", async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await run(page, `SELECT eventID, eventTime, eventName FROM $EDS_ID WHERE ${LAST_30_DAYS} ORDER BY eventTime DESC LIMIT 20`);
  const grid = resultsTable(page);
  const eventId = (await grid.locator('[role=gridcell][aria-colindex="2"]').first().textContent())!;
  await grid.getByRole('button', { name: 'Open event of row 1', exact: true }).click();

  const drawer = page.getByRole('dialog', { name: `Event ${eventId}` });
  await expect(drawer.getByRole('term').first()).toBeVisible({ timeout: 30_000 });
  const field = (name: string) =>
    drawer
      .locator('.event-field')
      .filter({ has: page.getByRole('term').getByText(name, { exact: true }) })
      .getByRole('definition');
  await expect(field('eventid')).toHaveText(eventId);
  // Structs come pretty-printed as JSON.
  const identity = JSON.parse((await field('useridentity').textContent())!);
  expect(identity.type).toBeTruthy();

  await drawer.getByRole('button', { name: 'Copy event as JSON' }).click();
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  expect(copied.eventid).toBe(eventId);
  expect(copied.useridentity.type).toBe(identity.type); // structs as objects, not as text

  // the grid's pivots, on every entity of the whole event
  const eventName = (await field('eventname').textContent())!;
  const pivots = drawer.getByRole('region', { name: 'Pivots' });
  await expect(pivots.getByRole('button', { name: `Pivot on event name ${eventName}` })).toBeVisible();
  await pivots.getByRole('button', { name: `Pivot on event name ${eventName}` }).click();
  await expect(drawer).toHaveCount(0);
  await expect(page.getByRole('tab', { name: `Event name ${eventName}`, selected: true })).toBeVisible();
  await expect(queryStatus(page)).toHaveText('FINISHED', { timeout: 60_000 });
  expect(await editorFlatText(page)).toContain(`eventName = '${eventName}'`);
});

test('pivots from an IP cell into a new tab over the same time window', async ({ page }) => {
  await run(
    page,
    `SELECT sourceIPAddress, count(*) AS n FROM $EDS_ID WHERE ${LAST_30_DAYS} AND sourceIPAddress LIKE '%.%.%.%' GROUP BY sourceIPAddress ORDER BY n DESC, sourceIPAddress LIMIT 10`,
  );
  const grid = resultsTable(page);
  const ip = (await grid.locator('[role=gridcell][aria-colindex="2"]').first().textContent())!;
  const n = (await grid.locator('[role=gridcell][aria-colindex="3"]').first().textContent())!;
  await grid.getByRole('button', { name: `Pivot on IP address ${ip}` }).click();

  await expect(page.getByRole('tab', { name: `IP address ${ip}`, selected: true })).toBeVisible();
  await expect(queryStatus(page)).toHaveText('FINISHED', { timeout: 60_000 });
  expect(await editorFlatText(page)).toContain(`sourceIPAddress = '${ip}'`);
  expect(await editorFlatText(page)).toMatch(/eventTime >= '\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}'/);
  // Same window, same IP: as many events as the original query counted.
  await expect(page.getByText(new RegExp(`^Rows 1–\\d+ of ${n}$`))).toBeVisible();
  const ips = await resultsTable(page).getByRole('gridcell', { name: ip, exact: true }).count();
  expect(ips).toBeGreaterThan(0);
  await expect(resultsTable(page).locator('[role=gridcell][aria-colindex="7"]').filter({ hasNotText: ip })).toHaveCount(0);
});

test('draws a time series of the results and downloads it as PNG', async ({ page }) => {
  await run(
    page,
    `SELECT date_trunc('hour', eventTime) AS hour, count(*) AS n FROM $EDS_ID WHERE eventTime > date_add('day', -2, now()) GROUP BY 1 ORDER BY 1`,
  );
  await page.getByRole('group', { name: 'Results view' }).getByRole('button', { name: 'Chart' }).click();
  const canvas = page.getByRole('img', { name: 'Time series: n by hour' });
  await expect(canvas).toBeVisible();
  // Something was drawn: the line's colour is on the canvas.
  await expect
    .poll(() =>
      canvas.evaluate((c: HTMLCanvasElement) => {
        const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
        let blue = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i + 2] > 200 && data[i] < 80 && data[i + 3] > 0) blue++;
        return blue;
      }),
    )
    .toBeGreaterThan(50);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PNG' }).click();
  const file = await (await download).path();
  const bytes = fs.readFileSync(file);
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect((await download).suggestedFilename()).toMatch(/^trailbench-chart-.*\.png$/);

  await page.getByRole('group', { name: 'Results view' }).getByRole('button', { name: 'Table' }).click();
  await expect(resultsTable(page)).toBeVisible();
});

test('exports the full 50,000 rows as CSV with RFC 4180 quoting and the formula guard, and one page on its own', async ({ page }) => {
  await run(
    page,
    `SELECT eventID, '=HYPERLINK("http://x")' AS formula, 'say "hi", then
leave' AS quoted, n FROM $EDS_ID CROSS JOIN UNNEST(sequence(1, 3)) AS t(n) WHERE ${LAST_30_DAYS} LIMIT 50000`,
  );
  await page.locator('summary', { hasText: 'Export' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV, all 50,000 rows' }).click();
  const text = fs.readFileSync(await (await download).path(), 'utf8');
  const records: string[][] = parse(text);
  expect(records).toHaveLength(50_001);
  expect(records[0]).toEqual(['eventID', 'formula', 'quoted', 'n']);
  expect(new Set(records.slice(1).map((r) => r[0])).size).toBeGreaterThan(16_000);
  for (const r of [records[1], records[25_000], records[50_000]]) {
    expect(r[1]).toBe(`'=HYPERLINK("http://x")`);
    expect(r[2]).toBe('say "hi", then\nleave');
  }
  expect(text).toContain(`"'=HYPERLINK(""http://x"")","say ""hi"", then\nleave",`);
  expect(text.split('\r\n')).toHaveLength(50_002); // CRLF record ends (the embedded line break is LF)

  // Choosing a download closed the menu.
  await expect(page.getByRole('link', { name: 'CSV, this page only (rows 1–100)' })).toBeHidden();
  await page.locator('summary', { hasText: 'Export' }).click();
  const pageDownload = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV, this page only (rows 1–100)' }).click();
  const pageFile = fs.readFileSync(await (await pageDownload).path());
  const pageRecords: string[][] = parse(pageFile.toString('utf8'));
  expect(pageRecords).toHaveLength(101);

  // Right after the export, its evidence file is one click away in the same menu.
  const evidenceLink = page.getByRole('group', { name: 'Evidence files' }).getByRole('link', { name: /^Evidence: CSV, page, 100 rows/ });
  // Each opening of the menu lists the exports finished so far; the last one is recorded as its download ends.
  await expect(async () => {
    await page.locator('summary', { hasText: 'Export' }).click();
    await expect(evidenceLink).toBeVisible({ timeout: 1_000 });
  }).toPass();
  const evidenceDownload = page.waitForEvent('download');
  await evidenceLink.click();
  const evidence = JSON.parse(fs.readFileSync(await (await evidenceDownload).path(), 'utf8'));
  expect(evidence.rows).toBe(100);
  expect(evidence.sha256).toBe(createHash('sha256').update(pageFile).digest('hex'));

  // ...and from History, beside the run it came from.
  await page.goto('/history');
  const fromHistory = page
    .getByRole('table', { name: 'My runs' })
    .getByRole('link', { name: /^Evidence of the CSV export \(100 rows/ })
    .first();
  await expect(fromHistory).toBeVisible();
  const historyDownload = page.waitForEvent('download');
  await fromHistory.click();
  expect(JSON.parse(fs.readFileSync(await (await historyDownload).path(), 'utf8')).sha256).toBe(evidence.sha256);
});

test('shows the estimate before Run and what the run scanned after', async ({ page }) => {
  await setSql(page, `SELECT eventName, count(*) AS n FROM $EDS_ID WHERE ${LAST_30_DAYS} GROUP BY eventName`);
  const estimate = page.getByRole('status', { name: 'Estimated scan' });
  await expect(estimate).toHaveText(/^[\d.]+ (KB|MB) to scan \([\d,]+ events\), (< )?\$[\d.]+$/);
  const estimated = sizeAtStart((await estimate.textContent())!);

  await runButton(page).click();
  await expect(queryStatus(page)).toHaveText('FINISHED');
  const scanned = page.getByRole('status', { name: 'Scanned by the last run' });
  await expect(scanned).toHaveText(/^[\d.]+ (KB|MB) scanned, (< )?\$[\d.]+$/);
  // The built-in lake's estimate is exact, and the statistics agree.
  expect(sizeAtStart((await scanned.textContent())!)).toBe(estimated);
  await expect(page.getByRole('definition').filter({ hasText: new RegExp(`^${estimated.replace('.', '\\.')}$`) })).toBeVisible();

  // A narrower window is estimated lower as you type.
  await setSql(page, `SELECT eventName FROM $EDS_ID WHERE eventTime > date_add('hour', -1, now())`);
  await expect(estimate).toHaveText(/ to scan /);
  expect(bytesOf(sizeAtStart((await estimate.textContent())!))).toBeLessThan(bytesOf(estimated));
});

/** "28.2 KB" at the start of a text. */
function sizeAtStart(text: string): string {
  return /^[\d.]+ (B|KB|MB|GB)/.exec(text)![0];
}

function bytesOf(size: string): number {
  const [n, unit] = size.split(' ');
  return Number(n) * 1024 ** ['B', 'KB', 'MB', 'GB'].indexOf(unit);
}

test('cancels a long query and shows CANCELLED', async ({ page }) => {
  await setSql(
    page,
    `SELECT count(*) FROM $EDS_ID CROSS JOIN UNNEST(sequence(1, 200000)) AS t(n) WHERE ${LAST_30_DAYS} AND strpos(eventID || CAST(n AS varchar), 'zz') > 0`,
  );
  await runButton(page).click();
  await expect(queryStatus(page)).toHaveText(/^(QUEUED|RUNNING)$/);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(queryStatus(page)).toHaveText('CANCELLED');
  await expect(runButton(page)).toBeEnabled();
  await expect(resultsTable(page)).toHaveCount(0);
});

test('shows a NULL cell as a dimmed NULL, apart from an empty string', async ({ page }) => {
  await run(page, `SELECT errorCode, '' AS empty, 'x' AS x FROM $EDS_ID WHERE errorCode IS NULL AND ${LAST_30_DAYS} LIMIT 1`);
  const cells = resultsTable(page).getByRole('gridcell');
  await expect(cells).toHaveText(['NULL', '', 'x']);
  await expect(cells.first().locator('.grid-null')).toBeVisible();
  await expect(cells.nth(1).locator('.grid-null')).toHaveCount(0);
});
