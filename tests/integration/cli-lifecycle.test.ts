import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, inject, it } from 'vitest';
import { generateEvents } from '../../lib/lake/demo/generate-events';
import { LAKE_KEYS } from '../helpers/lake-client';
import { writeTrailArchive } from '../helpers/trail-archive';
import { importDir } from '../helpers/import-root';

/** The whole store lifecycle with Debian's AWS CLI v2, as an operator would type it. */
const endpoint = `${inject('baseUrl')}/lake`;
const env = {
  ...process.env,
  AWS_ACCESS_KEY_ID: LAKE_KEYS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: LAKE_KEYS.secretAccessKey,
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_PAGER: '',
};
const root = importDir('cli-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function aws(...args: string[]): Record<string, unknown> {
  const out = execFileSync('/usr/bin/aws', ['cloudtrail', ...args, '--endpoint-url', endpoint, '--output', 'json'], { env, encoding: 'utf8' });
  return out.trim() ? JSON.parse(out) : {};
}
function awsError(...args: string[]): string {
  try {
    execFileSync('/usr/bin/aws', ['cloudtrail', ...args, '--endpoint-url', endpoint], { env, encoding: 'utf8', stdio: 'pipe' });
    return 'no error';
  } catch (e) {
    return /\((\w+)\)/.exec(String((e as { stderr: string }).stderr))?.[1] ?? String((e as { stderr: string }).stderr);
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('create → import from file:// → query → update retention → delete refused → protection off → delete → restore', async () => {
  const now = Date.now();
  const events = [...generateEvents({ count: 1200, start: new Date(now - 3 * 86_400_000), end: new Date(now), seed: 5 })];
  const archive = path.join(root, 'archive');
  writeTrailArchive(archive, events);

  const created = aws(
    'create-event-data-store',
    '--name',
    'cli-store',
    '--advanced-event-selectors',
    JSON.stringify([{ Name: 'all', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management', 'Data'] }] }]),
  );
  const arn = String(created.EventDataStoreArn);
  const id = arn.split('/').pop()!;
  expect(created.Status).toBe('CREATED');

  const started = aws(
    'start-import',
    '--destinations',
    arn,
    '--import-source',
    JSON.stringify({
      S3: { S3LocationUri: pathToFileURL(archive).href, S3BucketRegion: 'us-east-1', S3BucketAccessRoleArn: 'arn:aws:iam::123456789012:role/unused' },
    }),
  );
  let imp = started;
  for (let i = 0; i < 300 && !['COMPLETED', 'FAILED', 'STOPPED'].includes(String(imp.ImportStatus)); i++) {
    await sleep(200);
    imp = aws('get-import', '--import-id', String(started.ImportId));
  }
  expect(imp.ImportStatus).toBe('COMPLETED');
  expect((imp.ImportStatistics as Record<string, number>).EventsCompleted).toBe(events.length);
  expect((aws('list-imports') as { Imports: { ImportId: string }[] }).Imports.map((i) => i.ImportId)).toContain(started.ImportId);
  expect((aws('list-import-failures', '--import-id', String(started.ImportId)) as { Failures: unknown[] }).Failures).toEqual([]);

  const q = aws('start-query', '--query-statement', `SELECT count(*) AS n FROM ${id}`);
  let status = '';
  while (status !== 'FINISHED') {
    status = String(aws('describe-query', '--query-id', String(q.QueryId)).QueryStatus);
    if (status === 'FAILED') throw new Error('query failed');
    await sleep(100);
  }
  expect((aws('get-query-results', '--query-id', String(q.QueryId)) as { QueryResultRows: Record<string, string>[][] }).QueryResultRows).toEqual([
    [{ n: String(events.length) }],
  ]);

  expect(aws('update-event-data-store', '--event-data-store', id, '--retention-period', '90').RetentionPeriod).toBe(90);
  expect(awsError('delete-event-data-store', '--event-data-store', id)).toBe('EventDataStoreTerminationProtectedException');
  aws('update-event-data-store', '--event-data-store', id, '--no-termination-protection-enabled');
  aws('delete-event-data-store', '--event-data-store', id);
  expect(aws('get-event-data-store', '--event-data-store', id).Status).toBe('PENDING_DELETION');
  expect(awsError('start-query', '--query-statement', `SELECT count(*) FROM ${id}`)).toBe('InvalidQueryStatementException');
  expect(aws('restore-event-data-store', '--event-data-store', id).Status).toBe('ENABLED');
  expect(awsError('get-event-data-store', '--event-data-store', '00000000-0000-4000-8000-000000000000')).toBe('EventDataStoreNotFoundException');
});
