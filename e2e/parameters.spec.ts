import { expect, test, type Page } from '@playwright/test';
import { openWorkbench, queryStatus, resultsTable, runButton, setSql } from './helpers';
import { acceptInviteAndSignIn, invite } from './people';

// Typed {{name}} parameters (issue 25): a viewer runs a shared saved query with an IP parameter and
// a time range from its form and from a link; hostile values are refused (IP) or quoted (text) and
// never change the rows. Counts are compared with the same query written with a plain literal.

const SQL = 'SELECT count(*) AS n FROM $EDS_ID WHERE sourceIPAddress = {{ip}} AND eventTime >= {{start}} AND eventTime < {{end}}';
/** A custom range wider than the demo data, so the expected count does not move with the clock. */
const WIDE = { from: '2000-01-01 00:00', to: '2100-01-01 00:00' };

/** Runs SQL through the API as the page's user and returns the first cell of the first row. */
async function firstCell(page: Page, sql: string, storeId: string): Promise<string> {
  const headers = { origin: new URL(page.url()).origin };
  const started = await page.request.post('/api/queries', { headers, data: { sql, storeId } });
  expect(started.ok(), await started.text()).toBe(true);
  const { queryId } = (await started.json()) as { queryId: string };
  const path = `/api/queries/${encodeURIComponent(queryId)}`;
  await expect.poll(async () => ((await (await page.request.get(path)).json()) as { status: string }).status, { timeout: 30_000 }).toBe('FINISHED');
  const page1 = (await (await page.request.get(`${path}/results?maxResults=10`)).json()) as { rows: string[][] };
  return page1.rows[0][0];
}

test('a viewer runs a saved query with an IP and a time range from its form and by URL; hostile values never change the rows', async ({
  page: admin,
  browser,
}) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36);
  await openWorkbench(admin);
  const stores = (await (await admin.request.get('/api/stores')).json()) as { stores: { id: string; name: string }[] };
  const storeId = stores.stores.find((s) => s.name === 'demo')!.id;
  const ip = await firstCell(
    admin,
    "SELECT sourceIPAddress FROM $EDS_ID WHERE sourceIPAddress LIKE '%.%.%.%' AND sourceIPAddress NOT LIKE '%amazonaws%' GROUP BY sourceIPAddress ORDER BY count(*) DESC LIMIT 1",
    storeId,
  );
  expect(ip).toMatch(/^\d+\.\d+\.\d+\.\d+$/); // the most frequent caller address (services call from names)
  const expected = await firstCell(admin, `SELECT count(*) FROM $EDS_ID WHERE sourceIPAddress = '${ip}'`, storeId);
  expect(Number(expected)).toBeGreaterThan(1);

  const headers = { origin: new URL(admin.url()).origin };
  const created = await admin.request.post('/api/saved-queries', {
    headers,
    data: {
      name: `By source IP ${suffix}`,
      sql: SQL,
      storeId,
      parameters: [
        { name: 'ip', type: 'ip' },
        { name: 'time', type: 'timeRange', default: '30d' },
      ],
    },
  });
  expect(created.ok(), await created.text()).toBe(true);
  const { query } = (await created.json()) as { query: { id: string } };
  const VIEWER = { email: `param-viewer-${suffix}@e2e.test`, password: 'viewer-password-1', role: 'viewer' } as const;
  const link = await invite(admin, VIEWER.email, 'viewer');
  const shared = await admin.request.put(`/api/saved-queries/${query.id}/shares`, {
    headers,
    data: { everyoneRole: null, users: [{ email: VIEWER.email, role: 'viewer' }] },
  });
  expect(shared.ok(), await shared.text()).toBe(true);
  const viewer = await acceptInviteAndSignIn(browser, link, VIEWER);
  const results = viewer.getByRole('table', { name: 'Query results' });
  const countCell = results.getByRole('row').nth(1).getByRole('cell').last();

  await test.step('the viewer fills the form (IP, custom UTC range) and runs it without touching SQL', async () => {
    await viewer.goto(`/saved/${query.id}`);
    const form = viewer.getByRole('group', { name: 'Query parameters' });
    await expect(form.getByLabel('Time range', { exact: true })).toHaveValue('30d');
    await form.getByRole('textbox', { name: 'ip', exact: true }).fill(ip);
    await form.getByLabel('Time range', { exact: true }).selectOption('custom');
    await form.getByLabel('From (UTC)').fill(WIDE.from);
    await form.getByLabel('To (UTC)').fill(WIDE.to);
    await expect(form.getByText(/^local /).first()).toBeVisible();
    await viewer.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(viewer.getByRole('status', { name: 'Query status' })).toHaveText('FINISHED', { timeout: 30_000 });
    await expect(countCell).toHaveText(expected);
    // the address now reproduces the run
    const url = new URL(viewer.url());
    expect(url.searchParams.get('p.ip')).toBe(ip);
    expect(url.searchParams.get('p.time')).toBe(`${WIDE.from}/${WIDE.to}`);
  });

  await test.step('a link with the values fills the form, and Run gives the same count', async () => {
    const other = await browser.newPage({ storageState: await viewer.context().storageState() });
    await other.goto(`/saved/${query.id}?p.ip=${encodeURIComponent(ip)}&p.time=${encodeURIComponent(`${WIDE.from}/${WIDE.to}`)}`);
    await expect(other.getByRole('textbox', { name: 'ip', exact: true })).toHaveValue(ip);
    await other.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(other.getByRole('table', { name: 'Query results' }).getByRole('row').nth(1).getByRole('cell').last()).toHaveText(expected, {
      timeout: 30_000,
    });
    await other.close();
  });

  await test.step('a hostile IP is refused by its field, and nothing runs', async () => {
    await viewer.goto(`/saved/${query.id}`);
    await viewer.getByRole('textbox', { name: 'ip', exact: true }).fill("' OR 1=1 --");
    await viewer.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(viewer.getByText("'' OR 1=1 --' is not an IPv4 or IPv6 address").first()).toBeVisible();
    await expect(viewer.getByRole('textbox', { name: 'ip', exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(results).toHaveCount(0);
    // a newline and a comment, straight to the API: refused too
    const res = await viewer.request.post(`/api/saved-queries/${query.id}/run`, {
      headers: { origin: new URL(viewer.url()).origin },
      data: { values: { ip: `${ip}'\n-- c\nOR 1=1` } },
    });
    expect(res.status()).toBe(400);
    expect(((await res.json()) as { error: { type: string } }).error.type).toBe('ParameterInvalid');
  });

  await test.step('in the workbench a hostile text value is one quoted literal: it matches nothing', async () => {
    const cell = (n: string) => resultsTable(admin).getByRole('gridcell', { name: n, exact: true });
    await openWorkbench(admin);
    await setSql(admin, 'SELECT count(*) AS n FROM $EDS_ID WHERE sourceIPAddress = {{who}}');
    const who = admin.getByRole('group', { name: 'Query parameters' }).getByRole('textbox', { name: 'who', exact: true });
    await who.fill(`${ip}' OR 1=1 --`);
    await runButton(admin).click();
    await expect(queryStatus(admin)).toContainText('FINISHED', { timeout: 30_000 });
    await expect(cell('0')).toBeVisible();
    // the plain value last, so the next step's result (0 again) cannot be this one's
    await who.fill(ip);
    await runButton(admin).click();
    await expect(cell(expected)).toBeVisible({ timeout: 30_000 });
    expect(new URL(admin.url()).searchParams.get('p.who')).toBe(ip);
  });

  await test.step('a link carrying a newline and a comment in a text value is quoted too', async () => {
    await admin.goto(`/?p.who=${encodeURIComponent(`${ip}'\n-- c\nOR '1'='1`)}`);
    await expect(admin.getByRole('group', { name: 'Query parameters' }).getByRole('textbox', { name: 'who', exact: true })).toHaveValue(
      new RegExp(`^${ip.replace(/\./g, '\\.')}'`),
    );
    await expect(resultsTable(admin).getByRole('gridcell', { name: expected, exact: true })).toBeVisible(); // the tab's last result
    await runButton(admin).click();
    await expect(resultsTable(admin).getByRole('gridcell', { name: '0', exact: true })).toBeVisible({ timeout: 30_000 });
    // History keeps the filled SQL (the value as one literal) and the values
    await admin.goto('/history');
    await expect(admin.getByText(`Parameters: who = ${ip}'`).first()).toBeVisible();
    // the value went in as one string literal, its quote doubled
    await expect(admin.locator('code', { hasText: `sourceIPAddress = '${ip}''` }).first()).toBeVisible();
  });
});
