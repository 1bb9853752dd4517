import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { freePort } from '../tests/helpers/receiver';
import { startServer, type TestServer } from '../tests/helpers/server';
import { editorRegion, expectReadOnlyEditor, queryStatus, resultsTable, runButton, setSql } from './helpers';
import { acceptInviteAndSignIn, fillFirstAdminSetup } from './people';

// A new team's first hour, as three new people on a server of their own with an empty database:
// the first admin (from the setup link the server printed), an invited analyst and an invited
// viewer. Each step asserts what the person sees, and its screenshot is the README's tour
// (docs/tour/*.png, rewritten by every run so the tour shows the console as it is).

const TOUR_DIR = path.resolve(__dirname, '../docs/tour');
const VIEWPORT = { width: 1440, height: 900 };
const ADMIN = { email: 'lead@tour.test', password: 'tour-admin-password-1' };
const ANALYST = { email: 'analyst@tour.test', password: 'tour-analyst-password-1', role: 'analyst' } as const;
const VIEWER = { email: 'auditor@tour.test', password: 'tour-viewer-password-1', role: 'viewer' } as const;
const SAVED_NAME = 'Recent API errors';
const RECENT = `eventTime > date_add('day', -30, now())`;

let server: TestServer;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const port = await freePort();
  server = await startServer({ port, dataDir: path.resolve(__dirname, '../.tmp/e2e-tour'), env: { TRAILBENCH_DEMO_EVENTS: '3000', PORT: String(port) } });
  fs.mkdirSync(TOUR_DIR, { recursive: true });
});

test.afterAll(async () => {
  await server?.stop();
});

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(TOUR_DIR, `${name}.png`), animations: 'disabled', caret: 'hide' });
}

async function newPerson(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, baseURL: server.url, viewport: VIEWPORT });
  return context.newPage();
}

/** Result rows wholly inside the grid's scroll area: what a person sees without scrolling. */
async function rowsInView(page: Page): Promise<number> {
  return resultsTable(page).evaluate((grid) => {
    const scroller = grid.closest('.results-scroll') ?? grid;
    const box = scroller.getBoundingClientRect();
    const header = grid.querySelector('[role=row]')?.getBoundingClientRect().bottom ?? box.top;
    return (
      [...grid.querySelectorAll('[role=row][aria-rowindex]')].filter((r) => {
        const b = r.getBoundingClientRect();
        return b.top >= header - 1 && b.bottom <= box.bottom + 1 && b.height > 0;
      }).length - 1
    ); // less the header row
  });
}

let inviteLinks: { analyst: string; viewer: string };

test('the first admin: sign-in help, the setup link, the workbench, results, an event, saving and inviting', async ({ browser }) => {
  test.setTimeout(420_000); // many steps; a loaded 2-core machine takes minutes
  const page = await newPerson(browser);

  await test.step('the sign-in page says how to create the first admin', async () => {
    await page.goto('/login');
    await expect(page.getByRole('region', { name: 'No users yet: create the first admin' })).toContainText('TRAILBENCH_ADMIN_EMAIL');
    await shot(page, '01-sign-in-first-run');
  });

  await test.step('the printed setup link creates the admin and signs them in', async () => {
    const { form } = await fillFirstAdminSetup(page, server.output(), { ...ADMIN, name: 'Security Lead' });
    await shot(page, '02-create-first-admin');
    await form.getByRole('button', { name: 'Create admin' }).click();
    await expect(page.getByRole('navigation', { name: 'Main' })).toContainText(ADMIN.email);
    await expect(page.getByRole('navigation', { name: 'Main' }).locator('[aria-current="page"]')).toHaveText(['Workbench']);
  });

  await test.step('a query fills the results with at least 15 rows in view; numbers align right', async () => {
    await expect(editorRegion(page).getByRole('textbox')).toBeEditable();
    await setSql(
      page,
      `SELECT eventTime, eventSource, eventName, errorCode, length(eventName) AS name_length, eventID\nFROM $EDS_ID\nWHERE ${RECENT}\nORDER BY eventTime DESC\nLIMIT 200`,
    );
    await runButton(page).click();
    await expect(queryStatus(page)).toHaveText('FINISHED', { timeout: 60_000 });
    await expect(page.getByRole('dialog')).toHaveCount(0); // a bounded query on the built-in lake runs without a confirmation
    await expect(resultsTable(page).getByRole('row').nth(15)).toBeVisible();
    await shot(page, '03-workbench-results');
    expect(await rowsInView(page), 'rows in view at 1440×900').toBeGreaterThanOrEqual(15);
    await page.setViewportSize({ width: 1280, height: 720 });
    await shot(page, '03b-workbench-1280x720');
    await expect.poll(() => rowsInView(page), { message: 'rows in view at 1280×720' }).toBeGreaterThanOrEqual(8);
    await expect(page.locator('body')).toHaveJSProperty('scrollHeight', 720); // the page itself never scrolls: no blank band below
    await page.setViewportSize(VIEWPORT);
    const length = resultsTable(page).locator('[role=gridcell][aria-colindex="6"]').first();
    await expect(length).toHaveCSS('justify-content', 'flex-end');
  });

  await test.step('a row opens its whole event, with Copy as JSON and pivots', async () => {
    await resultsTable(page).getByRole('button', { name: 'Open event of row 1', exact: true }).click();
    const drawer = page.getByRole('dialog', { name: /^Event / });
    await expect(drawer.getByRole('term').first()).toBeVisible({ timeout: 30_000 });
    await expect(drawer.getByRole('button', { name: 'Copy event as JSON' })).toBeVisible();
    await expect(drawer.getByRole('region', { name: 'Pivots' }).getByRole('button', { name: /^Pivot on event name / })).toBeVisible();
    await shot(page, '04-event-drawer');
    await drawer.getByRole('button', { name: 'Close' }).click();
  });

  await test.step('Save query saves in place, in a dialog', async () => {
    await page.getByRole('button', { name: 'Save query', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Save query' });
    await dialog.getByLabel('Name').fill(SAVED_NAME);
    await dialog.getByLabel('Folder').fill('Triage');
    await dialog.getByLabel('Tags (comma-separated)').fill('errors, daily');
    await shot(page, '05-save-query');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: `Saved as version 1 of ${SAVED_NAME}` })).toBeVisible();
    await expect(page).toHaveURL(`${server.url}/`);
  });

  await test.step('the admin invites an analyst and a viewer', async () => {
    await page.goto('/admin/users');
    const form = page.getByRole('form', { name: 'Invite a user' });
    const links: string[] = [];
    for (const who of [ANALYST, VIEWER]) {
      await form.getByLabel('Email').fill(who.email);
      await form.getByLabel('Role').selectOption(who.role);
      await form.getByRole('button', { name: 'Invite' }).click();
      const link = page.getByLabel(`Invite link for ${who.email}`);
      await expect(link).toHaveValue(/\/invite\?token=[\w-]{20,}$/);
      links.push(await link.inputValue());
    }
    inviteLinks = { analyst: links[0], viewer: links[1] };
    await shot(page, '06-invite-people');
  });

  await test.step('the saved query is shared with the viewer', async () => {
    await page.goto('/saved');
    await page.getByRole('table', { name: 'Saved queries' }).getByRole('link', { name: SAVED_NAME }).click();
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Share “${SAVED_NAME}”` });
    await dialog.getByLabel('Person’s email').fill(VIEWER.email);
    await dialog.getByRole('button', { name: 'Add person' }).click();
    await expect(dialog.getByRole('list', { name: 'People with access' })).toContainText(VIEWER.email);
    await dialog.getByRole('button', { name: 'Save sharing' }).click();
    await expect(dialog).toBeHidden();
  });
  await page.context().close();
});

test('the invited analyst: the workbench, a proportionate cost warning, an export with its evidence', async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await acceptInviteAndSignIn(browser, inviteLinks.analyst, ANALYST, { viewport: VIEWPORT });

  await test.step('an unbounded query on the built-in lake warns inline and runs', async () => {
    await expect(editorRegion(page).getByRole('textbox')).toBeEditable();
    await setSql(page, 'SELECT eventSource, count(*) AS events\nFROM $EDS_ID\nGROUP BY eventSource\nORDER BY events DESC');
    await runButton(page).click();
    await expect(page.getByRole('note', { name: 'Run warnings' })).toContainText('eventTime');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(queryStatus(page)).toHaveText('FINISHED', { timeout: 60_000 });
    await shot(page, '07-analyst-inline-warning');
  });

  await test.step('the export menu offers the evidence of the export just made', async () => {
    await page.getByText('Export', { exact: true }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: /^CSV, all \d+ rows$/ }).click();
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);
    await page.getByText('Export', { exact: true }).click();
    await expect(page.getByRole('group', { name: 'Evidence files' }).getByRole('link', { name: /^Evidence: CSV, all, \d+ rows/ })).toBeVisible();
    await shot(page, '08-export-evidence');
  });
  await page.context().close();
});

test('the invited viewer: lands on the queries shared with them and reads one in the editor, read-only', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await acceptInviteAndSignIn(browser, inviteLinks.viewer, VIEWER, { viewport: VIEWPORT });

  await test.step('home is the saved queries shared with them', async () => {
    await expect(page.getByRole('table', { name: 'Saved queries' }).getByRole('row').filter({ hasText: SAVED_NAME })).toContainText('Shared with you (viewer)');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workbench' })).toHaveCount(0);
    await shot(page, '09-viewer-home');
  });

  await test.step('the shared query: one notice, the SQL highlighted but not editable, Run', async () => {
    await page.getByRole('table', { name: 'Saved queries' }).getByRole('link', { name: SAVED_NAME }).click();
    await expect(page.getByText('You can view and run this query, but not change it.')).toBeVisible();
    await expect(editorRegion(page).locator('.view-lines')).toContainText('errorCode');
    await expectReadOnlyEditor(page);
    await shot(page, '10-viewer-shared-query');
  });
  await page.context().close();
});
