import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_FINDINGS, KNOWN_LAKE_BUGS, loadCorpus, storeCategories, UNNOTED_INVALID, type Category } from '../../scripts/compat/corpus';
import { corpusPath, runCompat, type CompatRun, type QueryResult } from '../../scripts/compat/run';

/**
 * The published-query corpus through the lake (the same code as `npm run compat`): every query
 * meets its expectation (FINISHED, or InvalidQueryStatementException with a `line L:C:` position),
 * except exactly the known lake bugs listed in scripts/compat/corpus.ts.
 */
const file = corpusPath();
const haveCorpus = fs.existsSync(file);
const title = haveCorpus ? 'published query corpus' : `published query corpus (skipped: ${file} not found; set TRAILBENCH_CORPUS to its path)`;
if (!haveCorpus)
  console.warn(`[compat-corpus] skipped: the query corpus ${file} is not there (CI checks out ../shared beside the project; elsewhere set TRAILBENCH_CORPUS)`);

const describeLine = (r: QueryResult) => `  ${r.query.id}: ${r.problems.join('; ')}`;

describe.skipIf(!haveCorpus)(title, () => {
  let run: CompatRun;

  beforeAll(async () => {
    run = await runCompat({ corpusFile: file });
  }, 300_000);

  it('stores every fixture record', () => {
    expect(run.loaded.config).toEqual({ events: 16, failed: 0 });
    expect(run.loaded.activity).toEqual({ events: 27, failed: 0 });
    expect(run.loaded.cloudtrail.failed).toBe(0);
  });

  it('runs every query as CloudTrail Lake would, apart from the known lake bugs', () => {
    const unexpected = run.results.filter((r) => !r.asExpected && !KNOWN_LAKE_BUGS[r.query.id]);
    expect(unexpected.map(describeLine), `queries that deviate from their expectation:\n${unexpected.map(describeLine).join('\n')}`).toEqual([]);
  });

  it('still shows each known lake bug (remove an entry from KNOWN_LAKE_BUGS once fixed)', () => {
    const fixed = run.results.filter((r) => r.asExpected && KNOWN_LAKE_BUGS[r.query.id]).map((r) => r.query.id);
    expect(fixed, `now as expected, so remove from KNOWN_LAKE_BUGS in scripts/compat/corpus.ts: ${fixed.join(', ')}`).toEqual([]);
  });

  it('rejects every malformed query with a position', () => {
    const malformed = run.results.filter((r) => r.expected.outcome === 'REJECTED' && !KNOWN_LAKE_BUGS[r.query.id]);
    expect(malformed.length).toBeGreaterThanOrEqual(20);
    for (const r of malformed) {
      expect({ id: r.query.id, errorType: r.errorType, positioned: /^line \d+:\d+: /.test(r.message ?? '') }).toEqual({
        id: r.query.id,
        errorType: 'InvalidQueryStatementException',
        positioned: true,
      });
    }
  });
});

describe.skipIf(!haveCorpus)('compat corpus tables', () => {
  const corpus = haveCorpus ? loadCorpus(file) : [];
  const ids = new Set(corpus.map((q) => q.id));

  it('name only queries that exist', () => {
    const stale = [...Object.keys(KNOWN_LAKE_BUGS), ...Object.keys(UNNOTED_INVALID), ...Object.keys(FIXTURE_FINDINGS)].filter((id) => !ids.has(id));
    expect(stale, 'entries in scripts/compat/corpus.ts for ids not in the corpus').toEqual([]);
  });

  it('give each placeholder of a multi-store query its own store category', () => {
    const sql = (id: string) => corpus.find((q) => q.id === id)!.sql;
    expect(storeCategories(sql('docs-archived/config-items-1'))).toEqual({ $EDS_ID: 'config', $EDS_ID_2: 'cloudtrail' });
    expect(storeCategories(sql('integ/okta-union-aws'))).toEqual({ $EDS_ID: 'activity', $EDS_ID_2: 'cloudtrail' });
    expect(storeCategories(sql('docs/multi-eds-union'))).toEqual({ $EDS_ID: 'cloudtrail', $EDS_ID_2: 'cloudtrail', $EDS_ID_3: 'cloudtrail' });
    expect(storeCategories(sql('aws-samples/ssm-patch-compliance-distinct-ec2-instance-latest'))).toEqual({ $EDS_ID: 'config' });
    expect(storeCategories(sql('integ/eks-pod-logs'))).toEqual({ $EDS_ID: 'activity' });
    expect(storeCategories(sql('aws-samples/MostEvaluatedConfigRule'))).toEqual({ $EDS_ID: 'cloudtrail' });
  });

  it('assign Config and integration stores to the queries written for them', () => {
    const of = (category: Category) => corpus.filter((q) => Object.values(storeCategories(q.sql)).includes(category)).map((q) => q.id);
    expect(of('config')).toEqual([
      'aws-samples/ssm-patch-compliance-all-ec2-instances-time-range',
      'aws-samples/ssm-patch-compliance-all-ec2-instances',
      'aws-samples/ssm-patch-compliance-distinct-ec2-instance-latest',
      'aws-samples/ssm-patch-compliance-selected-ec2-instance-time-range',
      'aws-samples/ssm-patch-compliance-selected-ec2-instance',
      'docs-archived/config-items-1',
      'docs-archived/config-items-2',
      'docs-archived/config-items-3',
      'docs-archived/config-items-4',
    ]);
    expect(of('activity')).toEqual(corpus.filter((q) => q.id.startsWith('integ/')).map((q) => q.id));
  });
});
