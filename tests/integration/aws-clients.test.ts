import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { asObjects, demoStoreId, lakeClient, LAKE_KEYS, runQuery } from '../helpers/lake-client';

/**
 * Real AWS clients against /lake: Debian's AWS CLI v2 and boto3, and the newer ones first on PATH.
 * Each must get the same rows the JS SDK gets.
 */
const baseUrl = inject('baseUrl');
const endpoint = `${baseUrl}/lake`;
const env = {
  ...process.env,
  AWS_ACCESS_KEY_ID: LAKE_KEYS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: LAKE_KEYS.secretAccessKey,
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_PAGER: '',
};

const which = (cmd: string) => {
  try {
    return execFileSync('bash', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};
const clis = [...new Set(['/usr/bin/aws', which('aws')].filter((p) => p && fs.existsSync(p)))];
const pythons = [...new Set(['/usr/bin/python3', which('python3')].filter((p) => p && fs.existsSync(p)))].filter((py) => {
  try {
    execFileSync(py, ['-c', 'import boto3'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});

let storeId: string;
let sql: string;
let expected: Record<string, string>[];

beforeAll(async () => {
  const client = lakeClient(baseUrl);
  storeId = await demoStoreId(client);
  sql = `SELECT eventName, count(*) AS n FROM ${storeId} WHERE eventTime > date_add('day', -31, now()) GROUP BY eventName ORDER BY n DESC, eventName`;
  expected = asObjects((await runQuery(client, sql)).rows);
});

describe('AWS CLI', () => {
  it("Debian's AWS CLI v2 is installed for these tests", () => expect(clis).toContain('/usr/bin/aws'));

  it.each(clis)('%s runs start-query, describe-query and get-query-results', async (aws) => {
    const version = execFileSync(aws, ['--version'], { env, encoding: 'utf8' });
    const run = (...args: string[]) =>
      JSON.parse(execFileSync(aws, ['cloudtrail', ...args, '--endpoint-url', endpoint, '--output', 'json'], { env, encoding: 'utf8' }));
    const stores = run('list-event-data-stores');
    expect(stores.EventDataStores.map((s: { Name: string }) => s.Name)).toContain('demo');
    const { QueryId } = run('start-query', '--query-statement', sql);
    let status = '';
    for (let i = 0; i < 200 && !['FINISHED', 'FAILED', 'CANCELLED'].includes(status); i++) {
      status = run('describe-query', '--query-id', QueryId).QueryStatus;
      if (status !== 'FINISHED') await new Promise((r) => setTimeout(r, 100));
    }
    expect(status, version).toBe('FINISHED');
    const results = run('get-query-results', '--query-id', QueryId);
    expect(asObjects(results.QueryResultRows)).toEqual(expected);
  });

  it.each(clis)('%s gets InvalidQueryStatementException for a DELETE', (aws) => {
    let stderr = '';
    try {
      execFileSync(aws, ['cloudtrail', 'start-query', '--query-statement', `DELETE FROM ${storeId}`, '--endpoint-url', endpoint], {
        env,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (e) {
      stderr = String((e as { stderr?: string }).stderr);
    }
    expect(stderr).toContain('InvalidQueryStatementException');
  });
});

describe('boto3', () => {
  it.each(pythons)("%s runs the seed's monitoring flow (list stores, start query, poll, get results)", (py) => {
    const script = `
import boto3, json, sys, time
ct = boto3.client('cloudtrail', endpoint_url=sys.argv[1])
stores = ct.list_event_data_stores()['EventDataStores']
eds = [s for s in stores if s['Name'] == 'demo'][0]['EventDataStoreArn'].split('/')[-1]
qid = ct.start_query(QueryStatement=sys.argv[2].replace('$EDS_ID', eds))['QueryId']
while ct.describe_query(QueryId=qid)['QueryStatus'] in ('QUEUED', 'RUNNING'):
    time.sleep(0.1)
rows, token = [], None
while True:
    kw = {'QueryId': qid, 'MaxQueryResults': 5}
    if token: kw['NextToken'] = token
    page = ct.get_query_results(**kw)
    rows += page['QueryResultRows']
    token = page.get('NextToken')
    if not token: break
print(json.dumps(rows))
`;
    const out = execFileSync(py, ['-c', script, endpoint, sql.replace(storeId, '$EDS_ID')], { env, encoding: 'utf8' });
    expect(asObjects(JSON.parse(out))).toEqual(expected);
  });
});
