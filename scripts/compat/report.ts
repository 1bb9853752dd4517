import path from 'node:path';
import { CATEGORY_LABEL, FIXTURE_FINDINGS, type Category } from './corpus';
import { renderFunctionsSection } from './functions-doc';
import { PROJECT_ROOT, STORES, type CompatRun, type QueryResult } from './run';

/** docs/compatibility.md from a run. Deterministic (no dates or timings), so it changes only when results do. */
export function renderReport(run: CompatRun): string {
  const { results } = run;
  const count = (f: (r: QueryResult) => boolean) => results.filter(f).length;
  const bugs = results.filter((r) => !r.asExpected && r.knownBug);
  const unexplained = results.filter((r) => !r.asExpected && !r.knownBug);
  const unnoted = results.filter((r) => r.expected.basis === 'unnoted');
  const noted = results.filter((r) => r.expected.basis === 'note');
  const corpus = path.relative(PROJECT_ROOT, run.corpusFile) || run.corpusFile;
  const out: string[] = [];
  const p = (...lines: string[]) => out.push(...lines);

  p(
    '# Compatibility with published CloudTrail Lake queries',
    '',
    `Every query of the published-query corpus (\`${corpus}\`: ${results.length} queries from AWS documentation, \`aws-samples\` repositories, detection rules and blog posts; described in \`../shared/reference/cloudtrail-lake-sql.md\` §11) run through the built-in lake, in process, over the project's fixtures. This file is written by \`npm run compat\`; \`tests/unit/compat-corpus.test.ts\` runs the same code and fails when a result changes.`,
    '',
    '**Target.** A query with no malformed-as-published note reaches FINISHED, or, where its note says CloudTrail Lake itself rejects it, gets that error. A malformed query gets `InvalidQueryStatementException` from StartQuery with a Trino-style `line L:C:` position. Queries over the hand-written fixtures must also return what the fixtures were written to contain.',
    '',
    '## How to run',
    '',
    '```sh',
    'npm run compat                              # corpus from TRAILBENCH_CORPUS, else ../shared/data/queries-corpus.jsonl',
    'npm run compat -- path/to/queries-corpus.jsonl',
    '```',
    '',
    'It prints one line per query, rewrites this file, and exits with status 1 when a query deviates from its expectation in a way not listed under [Known lake bugs](#known-lake-bugs).',
    '',
    '## Totals',
    '',
    '| Result | Queries |',
    '|---|---:|',
    `| FINISHED | ${count((r) => r.status === 'FINISHED')} |`,
    `| rejected at StartQuery (InvalidQueryStatementException) | ${count((r) => r.status === 'rejected')} |`,
    `| failed while running | ${count((r) => r.status === 'failed')} |`,
    `| **Total** | **${results.length}** |`,
    '',
    '| Against the target | Queries |',
    '|---|---:|',
    `| expected FINISHED, and FINISHED (with the expected rows, for queries over the hand-written fixtures) | ${count((r) => r.expected.outcome === 'FINISHED' && r.asExpected)} |`,
    `| expected rejected, and rejected with a position | ${count((r) => r.expected.outcome === 'REJECTED' && r.asExpected)} |`,
    `| deviating: known lake bugs | ${bugs.length} |`,
    `| deviating: unexplained | ${unexplained.length} |`,
    '',
    `Of the expected rejections, ${noted.length} follow the corpus notes (malformed as published, unreplaced template tokens, a type error, a non-existent column) and ${unnoted.length} are queries that are invalid as published without a note saying so (next section).`,
    '',
    '## Exceptions to the target',
    '',
  );

  p(
    '### Invalid as published, without a note',
    '',
    'The target says these should reach FINISHED, but the published text is not valid Trino, so CloudTrail Lake rejects them and a faithful lake must too. Each is expected to get `InvalidQueryStatementException` with a position.',
    '',
    '| Query | Why it is invalid | Lake result |',
    '|---|---|---|',
    ...unnoted.map((r) => `| \`${r.query.id}\` | ${cell(r.expected.reason!)} | ${cell(resultText(r))} |`),
    '',
  );

  p('### Known lake bugs', '');
  if (!bugs.length) p('None.', '');
  else {
    p(
      'Queries whose result differs from what CloudTrail Lake returns. They are listed in `KNOWN_LAKE_BUGS` (`scripts/compat/corpus.ts`); the test requires exactly these to deviate, so remove an entry when the bug is fixed.',
      '',
      '| Query | Expected | Lake result | Diagnosis |',
      '|---|---|---|---|',
      ...bugs.map((r, i) => {
        const diagnosis = i > 0 && bugs[i - 1].knownBug === r.knownBug ? 'Same as above.' : cell(r.knownBug!);
        return `| \`${r.query.id}\` | ${expectedText(r)} | ${cell(r.problems.join('; '))} | ${diagnosis} |`;
      }),
      '',
    );
  }
  if (unexplained.length) {
    p(
      '### Unexplained deviations',
      '',
      'Not yet diagnosed: either a lake regression or a new corpus entry.',
      '',
      '| Query | Expected | Lake result |',
      '|---|---|---|',
      ...unexplained.map((r) => `| \`${r.query.id}\` | ${expectedText(r)} | ${cell(r.problems.join('; '))} |`),
      '',
    );
  }

  p(
    '## Event data stores and fixtures',
    '',
    'One store per category; every FROM placeholder (`$EDS_ID`, `$EDS_ID_2`, `$EDS_ID_3`) is filled with the ID of the store its query needs.',
    '',
    '| Store | Selector (`eventCategory`) | Fixture | Events stored | Queries reading it |',
    '|---|---|---|---:|---:|',
    ...(Object.keys(STORES) as Category[]).map((c) => {
      const s = STORES[c];
      const readers = count((r) => Object.values(r.stores).includes(c));
      const failed = run.loaded[c].failed ? ` (${run.loaded[c].failed} not stored)` : '';
      return `| ${CATEGORY_LABEL[c]} | ${s.eventCategories.map((e) => `\`${e}\``).join(', ')} | \`${s.fixture}\` | ${run.loaded[c].events}${failed} | ${readers} |`;
    }),
    '',
    '`tests/fixtures/sample-events.jsonl` has 866 published sample events, but many share placeholder eventIDs (`1`, `1111`, ...); the lake stores an eventID once, so fewer are stored. Most CloudTrail queries hard-code dates or names that the samples do not have, so FINISHED with 0 rows is common and expected for them.',
    '',
    '`tests/fixtures/config-items.jsonl` (AWS Config configuration items: security group, S3 bucket, DynamoDB table, IAM role, EC2 instance, `AWS::Config::ResourceCompliance` results and `AWS::SSM::PatchCompliance` items with `AWS:ComplianceItem` patch content, captured in Nov 2022 and Jun 2023) and `tests/fixtures/activity-audit-events.jsonl` (integration events from GitHub, Okta, Azure, Google Cloud and EKS pod logs, as PutAuditEvents stores them) were written for the corpus queries that read them, inside the windows those queries hard-code:',
    '',
    '| Query | Must return |',
    '|---|---|',
    ...Object.entries(FIXTURE_FINDINGS).map(([id, f]) => `| \`${id}\` | ${f.rows} row${f.rows === 1 ? '' : 's'}: ${cell(f.what)} |`),
    '',
    '`docs-archived/config-items-1` joins the compliance results to CloudTrail events after 14 Nov 2022 on the DynamoDB table ARN (`…:table/Music`); the fixture compliance items match, but the sample CloudTrail events for that table are from 2019–2021, so it returns 0 rows.',
    '',
    'Which store a placeholder needs is decided from the query text (`storeCategories` in `scripts/compat/corpus.ts`): `eventData.` with configuration-item fields (`resourceType`, `configuration`, ...) means Config; `eventData.` with PutAuditEvents fields or `metadata.` means integrations; anything else CloudTrail. A placeholder with an alias is judged by the columns read through the alias, one without by its own SELECT of a UNION. Queries with more than one placeholder:',
    '',
    '| Query | Stores |',
    '|---|---|',
    ...results
      .filter((r) => new Set(Object.values(r.stores)).size > 1 || Object.keys(r.stores).length > 1)
      .map((r) => `| \`${r.query.id}\` | ${storesText(r)} |`),
    '',
    '## Results per query',
    '',
    'Expected: **F** = FINISHED, **R** = rejected (InvalidQueryStatementException with a position); the basis is the target, a corpus note (*note*), or invalid-as-published without a note (*unnoted*). A ✗ marks a deviation (see above).',
    '',
    '| # | Query | Store | Expected | Result | Rows / error |',
    '|---:|---|---|---|---|---|',
    ...results.map((r, i) => {
      const exp = r.expected.outcome === 'FINISHED' ? 'F' : `R (*${r.expected.basis}*)`;
      const status = `${r.asExpected ? '' : '✗ '}${r.status}`;
      const detail = r.status === 'FINISHED' ? String(r.rows) : cell(r.message ?? r.errorType ?? '');
      return `| ${i + 1} | \`${r.query.id}\` | ${storesText(r)} | ${exp} | ${status} | ${detail} |`;
    }),
    '',
    renderFunctionsSection(),
    '',
  );
  return out.join('\n');
}

function storesText(r: QueryResult): string {
  const entries = Object.entries(r.stores);
  if (entries.length === 1) return CATEGORY_LABEL[entries[0][1]];
  return entries.map(([ph, c]) => `\`${ph}\` ${CATEGORY_LABEL[c]}`).join(', ');
}

function expectedText(r: QueryResult): string {
  return r.expected.outcome === 'FINISHED' ? 'FINISHED' : 'InvalidQueryStatementException with a position';
}

function resultText(r: QueryResult): string {
  return r.status === 'FINISHED' ? `FINISHED (${r.rows} rows)` : `${r.status}: ${r.message ?? r.errorType}`;
}

/** Text safe inside a Markdown table cell. */
function cell(s: string): string {
  return s.replace(/\s*\n\s*/g, ' ').replaceAll('|', '\\|');
}
