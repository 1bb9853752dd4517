import { expect, test, type Page } from '@playwright/test';
import { editorRegion, expectReadOnlyEditor } from './helpers';
import { acceptInviteAndSignIn, invite } from './people';

// A viewer's first visit: they land on what they can use (the queries shared with them and a way
// to their history), never on the workbench; a shared query's page says once, without a
// contradicting error, that they can view and run it; the versions table counts every version for
// a viewer and for an editor alike.

/** The admin's query with two versions, shared with the viewer (viewer) and the analyst (editor), through the API. */
async function sharedQueryWithTwoVersions(admin: Page, name: string, viewer: string, editor: string): Promise<string> {
  const headers = { origin: new URL(admin.url()).origin };
  const input = { name, sql: 'SELECT eventName FROM $EDS_ID LIMIT 5', tags: ['e2e'], folder: 'Viewer spec' };
  const created = await admin.request.post('/api/saved-queries', { headers, data: input });
  expect(created.ok(), await created.text()).toBe(true);
  const { query } = (await created.json()) as { query: { id: string } };
  const updated = await admin.request.put(`/api/saved-queries/${query.id}`, { headers, data: { ...input, sql: 'SELECT eventName FROM $EDS_ID LIMIT 10' } });
  expect(updated.ok(), await updated.text()).toBe(true);
  const shared = await admin.request.put(`/api/saved-queries/${query.id}/shares`, {
    headers,
    data: {
      everyoneRole: null,
      users: [
        { email: viewer, role: 'viewer' },
        { email: editor, role: 'editor' },
      ],
    },
  });
  expect(shared.ok(), await shared.text()).toBe(true);
  return query.id;
}

test('a viewer lands on their shared queries; a shared query shows one access notice and every version', async ({ page: admin, browser }) => {
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const VIEWER = { email: `viewer-home-${suffix}@e2e.test`, password: 'viewer-password-1', role: 'viewer' } as const;
  const EDITOR = { email: `editor-home-${suffix}@e2e.test`, password: 'editor-password-1', role: 'analyst' } as const;
  const NAME = `Shared with a viewer ${suffix}`;

  const viewerLink = await invite(admin, VIEWER.email, 'viewer');
  const editorLink = await invite(admin, EDITOR.email, 'analyst');
  const id = await sharedQueryWithTwoVersions(admin, NAME, VIEWER.email, EDITOR.email);
  // acceptInviteAndSignIn asserts where each lands: the viewer on /saved, the analyst on the workbench
  const viewer = await acceptInviteAndSignIn(browser, viewerLink, VIEWER);
  const editor = await acceptInviteAndSignIn(browser, editorLink, EDITOR);

  await test.step('the viewer’s home lists the query shared with them and points to their history', async () => {
    await expect(viewer.getByRole('heading', { name: 'Saved queries', level: 1 })).toBeVisible();
    await expect(viewer.getByRole('note', { name: 'What you can do' })).toContainText('open a query shared with you to run it');
    await expect(viewer.getByRole('note', { name: 'What you can do' }).getByRole('link', { name: 'History' })).toHaveAttribute('href', '/history');
    await expect(viewer.getByRole('table', { name: 'Saved queries' }).getByRole('row').filter({ hasText: NAME })).toContainText('Shared with you (viewer)');
    await expect(editorRegion(viewer)).toHaveCount(0);
  });

  await test.step('the workbench address sends a viewer to their saved queries too', async () => {
    await viewer.goto('/');
    await expect(viewer).toHaveURL(/\/saved$/);
    await expect(viewer.getByRole('table', { name: 'Saved queries' })).toBeVisible();
  });

  await test.step('the shared query says once what the viewer can do, and counts both versions', async () => {
    await viewer.goto(`/saved/${id}`);
    await expect(viewer.getByRole('heading', { name: NAME })).toBeVisible();
    await expect(viewer.getByText('You can view and run this query, but not change it.')).toBeVisible();
    await expect(viewer.getByText(/shared with you as viewer$/)).toBeVisible();
    await expect(viewer.getByRole('heading', { name: 'Versions (2)' })).toBeVisible();
    await expect(viewer.getByRole('table', { name: 'Versions' }).getByRole('row')).toHaveCount(3); // header + 2
    await expect(viewer.getByRole('region', { name: 'Changes from version 1 to version 2' })).toContainText('1 line added, 1 line removed.');
    await expect(viewer.getByRole('button', { name: /^Restore version/ })).toHaveCount(0);
    // no "You can only view this query" error beside the notice
    await expect(viewer.getByText(/only view/)).toHaveCount(0);
    await expect(viewer.locator('.acc-error')).toHaveCount(0);
    // the SQL in the same Monaco editor, highlighted but not editable
    await expect(editorRegion(viewer).getByRole('textbox', { name: 'SQL query text (read-only)' })).toBeVisible();
    await expect(editorRegion(viewer).locator('.view-lines')).toContainText('SELECT');
    await expectReadOnlyEditor(viewer);
  });

  await test.step('an editor sees the same two versions, edits in the SQL editor and may restore', async () => {
    await editor.goto(`/saved/${id}`);
    await expect(editor.getByRole('heading', { name: NAME })).toBeVisible();
    await expect(editor.getByText(/shared with you as editor$/)).toBeVisible();
    await expect(editor.getByText('You can view and run this query, but not change it.')).toHaveCount(0);
    await expect(editor.getByRole('heading', { name: 'Versions (2)' })).toBeVisible();
    await expect(editor.getByRole('table', { name: 'Versions' }).getByRole('row')).toHaveCount(3);
    await expect(editor.getByRole('button', { name: 'Restore version 1' })).toBeVisible();
    await expect(editorRegion(editor)).toBeVisible();
    await expect(editor.locator('.acc-error')).toHaveCount(0);
  });

  await viewer.context().close();
  await editor.context().close();
});
