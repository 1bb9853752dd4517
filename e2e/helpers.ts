import { expect, type Page } from '@playwright/test';

// Shared locators and actions for the workbench specs.

export function storePicker(page: Page) {
  return page.getByLabel('Event data store');
}

export function editorRegion(page: Page) {
  return page.getByRole('region', { name: 'SQL editor' });
}

export function editorInput(page: Page) {
  return editorRegion(page).getByRole('textbox');
}

export function queryStatus(page: Page) {
  return page.getByRole('status', { name: 'Query status' });
}

/** The workbench's results grid (virtualised: only rows and columns in view are in the DOM). */
export function resultsTable(page: Page) {
  return page.getByRole('grid', { name: 'Query results' });
}

export function queryError(page: Page) {
  return page.getByRole('alert', { name: /^Query (rejected|failed)$/ });
}

export function runButton(page: Page) {
  return page.getByRole('button', { name: 'Run', exact: true });
}

/** Replaces the editor's text, as a paste would (no auto-closing quotes, no suggestions). */
export async function setSql(page: Page, sql: string) {
  await editorRegion(page).click();
  await page.keyboard.press('ControlOrMeta+A');
  if (sql) await page.keyboard.insertText(sql);
  else await page.keyboard.press('Delete');
}

/** The text Monaco shows (short queries only: Monaco renders the visible lines). */
export async function editorText(page: Page): Promise<string> {
  const text = await editorRegion(page).locator('.view-lines').innerText();
  return text.replace(/\u00a0/g, ' ');
}

/** The editor's text with every run of whitespace (line breaks, soft wraps) as one space. */
export async function editorFlatText(page: Page): Promise<string> {
  return (await editorText(page)).replace(/\s+/g, ' ').trim();
}

/** A row of Monaco's suggestion list, by the suggestion's label. */
export function suggestion(page: Page, label: string) {
  return page.getByRole('listbox', { name: 'Suggest' }).getByRole('listitem', { name: new RegExp(`^${label.replace(/[$.]/g, '\\$&')},`) });
}

/** The ID of the store picked in the store picker. */
export async function pickedStoreId(page: Page): Promise<string> {
  const label = (await storePicker(page).locator('option:checked').textContent()) ?? '';
  const id = /\(([0-9a-f-]{36})\)/.exec(label)?.[1];
  expect(id, `store ID in "${label}"`).toBeTruthy();
  return id!;
}

export async function openWorkbench(page: Page) {
  await page.goto('/');
  await expect(editorInput(page)).toBeEditable();
  await expect(storePicker(page).getByRole('option', { name: /^demo \(/, selected: true })).toBeAttached();
}

/** Collects requests that leave the machine; call the returned function at the end to assert none. */
export function watchExternalRequests(page: Page): () => void {
  const external: string[] = [];
  page.on('request', (req) => {
    const { protocol, hostname } = new URL(req.url());
    if ((protocol === 'http:' || protocol === 'https:') && hostname !== '127.0.0.1' && hostname !== 'localhost') external.push(req.url());
  });
  return () => expect(external).toEqual([]);
}

/** The editor shows its SQL but typing changes nothing (Monaco says it is read-only). */
export async function expectReadOnlyEditor(page: Page) {
  const before = await editorText(page);
  await editorRegion(page).locator('.view-lines').click();
  await page.keyboard.type('zz');
  await expect(page.getByRole('alert').filter({ hasText: 'Cannot edit in read-only editor' })).toBeAttached();
  expect(await editorText(page)).toBe(before);
}
