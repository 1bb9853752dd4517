import { expect, test, type Page } from '@playwright/test';
import { GetImportCommand, GetEventDataStoreCommand, ListImportFailuresCommand, ListImportsCommand, type CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { editorFlatText, queryStatus, resultsTable, runButton } from './helpers';
import { callExtension } from '../lib/cloudtrail/extension-call';
import { archiveWithCorruptFile, lake, storeByName } from './lake';

// An admin sets up the lake from the browser alone: the wizard, an import, a query, settings,
// deletion and restore. After each step the store is read back through the CloudTrail API.

const step = (page: Page, name: string) => page.getByRole('form', { name });
const next = (page: Page) => page.getByRole('button', { name: 'Next' }).click();
/** The whole page in one picture: the pages scroll inside <main>, so the viewport grows to fit it first. */
async function screenshot(page: Page, file: string) {
  const size = page.viewportSize()!;
  const height = await page.getByRole('main').evaluate((m) => m.scrollHeight + m.getBoundingClientRect().top);
  await page.setViewportSize({ width: size.width, height: Math.ceil(height) });
  await page.screenshot({ path: file });
  await page.setViewportSize(size);
}
/** The page shows the store's status, and the lake says the same. */
async function statusIs(page: Page, client: CloudTrailClient, id: string, shown: string, status: string) {
  await expect(page.getByRole('status', { name: 'Store status' })).toContainText(`Status: ${shown}`);
  expect((await client.send(new GetEventDataStoreCommand({ EventDataStore: id }))).Status).toBe(status);
}
const setting = (page: Page, term: string) => page.locator('dl.lk-settings dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');

test('an admin creates a store with the wizard, imports a trail archive, queries it, changes it, deletes and restores it', async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const client = lake(baseURL!);
  const name = `e2e-lake-${Date.now().toString(36)}`;
  const { dir, corrupt } = archiveWithCorruptFile(name, 3000);

  await page.goto('/stores');
  await expect(page.getByRole('table', { name: 'Event data stores' }).getByRole('link', { name: 'demo', exact: true })).toBeVisible();
  await page.getByRole('link', { name: 'Create event data store' }).click();

  // 1. name and retention (out-of-range retention is refused before the request is made)
  await step(page, 'Name and retention').getByLabel('Event data store name').fill(name);
  await step(page, 'Name and retention').getByLabel('Retention period (days)').fill('5');
  await next(page);
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('The retention period must be a whole number of days from 7 to 3653.');
  await step(page, 'Name and retention').getByLabel('Retention period (days)').fill('90');
  await next(page);
  // 2. this region only
  await step(page, 'Regions and organization')
    .getByLabel(/Include only the current region/)
    .check();
  await next(page);
  // 3. a tag
  await page.getByRole('button', { name: 'Add tag' }).click();
  await page.getByRole('group', { name: 'Tag 1' }).getByLabel('Key').fill('team');
  await page.getByRole('group', { name: 'Tag 1' }).getByLabel('Value').fill('security');
  await next(page);
  // 4. management read-only without KMS, and S3 object data events from an advanced selector
  const events = step(page, 'Choose events');
  await events.getByLabel('Write', { exact: true }).uncheck();
  await events.getByLabel('Exclude AWS KMS events').check();
  await events.getByRole('button', { name: 'Add data event type' }).click();
  const data = events.getByRole('group', { name: 'Data event selector 1' });
  await expect(data.getByLabel('Resource type')).toHaveValue('AWS::S3::Object');
  await data.getByLabel('Log selector template').selectOption('advanced');
  await data.getByRole('button', { name: 'Add condition' }).click();
  const condition = data.getByRole('group', { name: 'Condition 1' });
  await condition.getByLabel('Field').selectOption('resources.ARN');
  await condition.getByLabel('Operator').selectOption('StartsWith');
  await next(page); // no values yet: the lake's own validation answers
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Selector 2: resources.ARN StartsWith needs 1 or more values of 1-2048 characters.');
  await condition.getByLabel('Values (comma-separated)').fill('arn:aws:s3:::audit-logs/');
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
  await screenshot(page, 'docs/lake-wizard-events.png');
  await next(page);

  // 5. review: the exact request and the AWS CLI command
  const expectedSelectors = [
    {
      Name: 'Management events selector',
      FieldSelectors: [
        { Field: 'eventCategory', Equals: ['Management'] },
        { Field: 'readOnly', Equals: ['true'] },
        { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] },
      ],
    },
    {
      Name: 'AWS::S3::Object data events',
      FieldSelectors: [
        { Field: 'eventCategory', Equals: ['Data'] },
        { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
        { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::audit-logs/'] },
      ],
    },
  ];
  const request = JSON.parse(await page.getByTestId('request-json').innerText());
  expect(request).toEqual({
    Name: name,
    AdvancedEventSelectors: expectedSelectors,
    MultiRegionEnabled: false,
    OrganizationEnabled: false,
    RetentionPeriod: 90,
    TerminationProtectionEnabled: true,
    TagsList: [{ Key: 'team', Value: 'security' }],
  });
  const cli = await page.getByTestId('cli-command').innerText();
  expect(cli).toMatch(new RegExp(`^aws cloudtrail create-event-data-store --name ${name} --advanced-event-selectors '\\[`));
  expect(cli).toContain(`--no-multi-region-enabled`);
  expect(cli).toMatch(new RegExp(`--endpoint-url ${baseURL}/lake --region us-east-1$`));
  await screenshot(page, 'docs/lake-wizard-review.png');
  await page.getByRole('button', { name: 'Create event data store' }).click();
  await expect(page).toHaveURL(/\/stores\/[0-9a-f-]{36}$/);
  const id = page.url().split('/').pop()!;
  const created = await storeByName(client, name);
  expect(created).toMatchObject({
    EventDataStoreArn: expect.stringContaining(id),
    RetentionPeriod: 90,
    MultiRegionEnabled: false,
    TerminationProtectionEnabled: true,
    AdvancedEventSelectors: expectedSelectors,
  });
  await expect(page.getByRole('list', { name: 'Event selectors' })).toContainText(
    'Management events where readOnly is true and eventSource is not kms.amazonaws.com',
  );

  // import the archive with its corrupt file; watch it complete
  await page.getByRole('link', { name: 'Import trail logs' }).click();
  const form = page.getByRole('form', { name: 'Start an import' });
  await form.getByLabel(/^Source/).fill(`file://${dir}`);
  await expect(form.getByLabel(name)).toBeChecked();
  await form.getByRole('button', { name: 'Start import' }).click();
  await expect(page.getByRole('status', { name: 'Import status' })).toHaveText('COMPLETED', { timeout: 120_000 });
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('value', '1');
  const failures = page.getByRole('table', { name: 'Import failures' });
  await expect(failures.getByRole('row')).toHaveCount(2);
  await expect(failures).toContainText(corrupt.split('/').pop()!);
  const imports = await client.send(new ListImportsCommand({ Destination: created!.EventDataStoreArn }));
  expect(imports.Imports).toHaveLength(1);
  const imp = await client.send(new GetImportCommand({ ImportId: imports.Imports![0].ImportId }));
  expect(imp.ImportStatus).toBe('COMPLETED');
  expect(imp.ImportStatistics!.FailedEntries).toBe(1);
  const apiFailures = await client.send(new ListImportFailuresCommand({ ImportId: imp.ImportId }));
  expect(apiFailures.Failures!.map((f) => f.Location)).toEqual([expect.stringContaining(corrupt.split('/').pop()!)]);
  await expect(setting(page, 'Events')).toHaveText(imp.ImportStatistics!.EventsCompleted!.toLocaleString('en-US'));
  await expect(setting(page, 'Failures')).toHaveText('1');

  // the store page shows what the lake holds; query it from there
  await page.goto(`/stores/${id}`);
  await expect(setting(page, 'Events')).toHaveText(imp.ImportStatistics!.EventsCompleted!.toLocaleString('en-US'));
  await expect(page.getByRole('img', { name: /^Events per day: / })).toBeVisible();
  await screenshot(page, 'docs/lake-store-page.png');
  await page.getByRole('link', { name: 'Freshest event' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect.poll(() => editorFlatText(page)).toContain(`FROM ${id}`);
  await runButton(page).click();
  await expect(queryStatus(page)).toHaveText('FINISHED');
  await expect(resultsTable(page).getByRole('row').nth(1).getByRole('gridcell').nth(1)).toHaveText(
    imp.ImportStatistics!.EventsCompleted!.toLocaleString('en-US').replace(/,/g, ''),
  );

  // stop and start ingestion; follow a source and stop following it
  await page.goto(`/stores/${id}`);
  const actions = page.getByRole('toolbar', { name: 'Store actions' });
  await actions.getByRole('button', { name: 'Stop ingestion' }).click();
  await statusIs(page, client, id, 'Ingestion stopped', 'STOPPED_INGESTION');
  await actions.getByRole('button', { name: 'Start ingestion' }).click();
  await statusIs(page, client, id, 'Enabled', 'ENABLED');
  const follow = page.getByRole('region', { name: 'Follow a source' });
  await follow.getByLabel(/^Source/).fill(`file://${dir}`);
  await follow.getByRole('button', { name: 'Follow', exact: true }).click();
  await expect(follow).toContainText(`Following file://${dir}, checked every 30 s`);
  expect(await callExtension<{ SourceUri: string }>(client, 'TrailbenchGetIngestionSource', { EventDataStore: id })).toMatchObject({
    SourceUri: `file://${dir}`,
  });
  await follow.getByRole('button', { name: 'Stop following' }).click();
  await expect(follow).toContainText('Not following a source');
  expect(await callExtension<{ SourceUri: string | null }>(client, 'TrailbenchGetIngestionSource', { EventDataStore: id })).toMatchObject({ SourceUri: null });

  // set retention through the edit form (UpdateEventDataStore with only what changed)
  await page.getByRole('link', { name: 'Edit' }).click();
  await step(page, 'Name and retention').getByLabel('Retention period (days)').fill('30');
  for (let i = 0; i < 4; i++) await next(page);
  expect(JSON.parse(await page.getByTestId('request-json').innerText())).toEqual({ EventDataStore: created!.EventDataStoreArn, RetentionPeriod: 30 });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(setting(page, 'Retention period')).toHaveText('30 days');
  expect((await client.send(new GetEventDataStoreCommand({ EventDataStore: id }))).RetentionPeriod).toBe(30);

  // deletion needs protection off; then pending deletion; then restore
  await expect(actions.getByRole('button', { name: 'Delete' })).toBeDisabled();
  await actions.getByRole('button', { name: 'Turn off termination protection' }).click();
  await expect(setting(page, 'Termination protection')).toHaveText('Off');
  expect((await client.send(new GetEventDataStoreCommand({ EventDataStore: id }))).TerminationProtectionEnabled).toBe(false);
  await actions.getByRole('button', { name: 'Delete' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete ${name}?` });
  await expect(dialog).toContainText('pending deletion for 7 days');
  await expect(dialog.getByRole('button', { name: 'Delete event data store' })).toBeDisabled();
  await dialog.getByLabel(/Type the store's name/).fill(name);
  await dialog.getByRole('button', { name: 'Delete event data store' }).click();
  await statusIs(page, client, id, 'Pending deletion', 'PENDING_DELETION');
  await page.getByRole('button', { name: 'Restore' }).click();
  await statusIs(page, client, id, 'Enabled', 'ENABLED');

  // every change is in the audit log with its request
  await page.goto('/admin/audit');
  for (const action of [
    'console.CreateEventDataStore',
    'console.StartImport',
    'console.StopEventDataStoreIngestion',
    'console.StartEventDataStoreIngestion',
    'console.TrailbenchSetIngestionSource',
    'console.UpdateEventDataStore',
    'console.DeleteEventDataStore',
    'console.RestoreEventDataStore',
  ]) {
    await expect(page.getByRole('cell', { name: action, exact: true }).first()).toBeVisible();
  }
});
