import fs from 'node:fs';
import { codeSpans } from '../../lib/util/sql-text/code-spans';

/**
 * The published-query corpus (`queries-corpus.jsonl`, see shared/reference/cloudtrail-lake-sql.md
 * §11), which event data store each query reads, and what CloudTrail Lake would do with it.
 */
export interface CorpusQuery {
  id: string;
  source: string;
  title: string;
  sql: string;
  notes?: string;
}

export function loadCorpus(file: string): CorpusQuery[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const q = JSON.parse(line) as CorpusQuery;
      if (!q.id || !q.sql) throw new Error(`${file}:${i + 1}: a corpus line needs "id" and "sql"`);
      return q;
    });
}

// ---------------------------------------------------------------------------------------------
// Store assignment: which category of event data store each FROM placeholder needs
// ---------------------------------------------------------------------------------------------

/** The store categories the compatibility run creates (one store each). */
export type Category = 'cloudtrail' | 'config' | 'activity';

export const CATEGORY_LABEL: Record<Category, string> = { cloudtrail: 'CloudTrail', config: 'Config', activity: 'Integrations' };

/** Configuration-item fields of the Config store's `eventData` struct (schema §3). */
const CONFIG_FIELD =
  /\beventData\.(configuration|supplementaryConfiguration|configurationItem\w*|resourceType|resourceId|resourceName|resourceCreationTime|availabilityZone|arn|accountId|awsRegion|relationships|tags)\b/i;
/** PutAuditEvents fields of the integration store's `eventData` struct, and its `metadata` (schema §4). */
const ACTIVITY_FIELD =
  /\beventData\.(version|userIdentity|userAgent|eventSource|eventName|eventTime|uid|requestParameters|responseElements|errorCode|errorMessage|sourceIpAddress|recipientAccountId|additionalEventData)\b|\bmetadata\.(channelArn|ingestionTime)\b/i;

/** The category of store that a piece of query text reads. */
export function categoryOf(text: string): Category {
  // eventData.resourceType, eventData.configuration, ...: AWS Config configuration items.
  if (CONFIG_FIELD.test(text)) return 'config';
  // eventData.eventSource, eventData.userIdentity, metadata.channelArn, ...: events from integrations.
  if (ACTIVITY_FIELD.test(text)) return 'activity';
  // Anything else reads the flat CloudTrail record (eventName, userIdentity.arn, requestParameters, ...).
  return 'cloudtrail';
}

/**
 * Words that can follow a FROM target without being its alias.
 * (`FROM $EDS_ID where ...` has no alias; `FROM $EDS_ID as config1` and `FROM $EDS_ID edsA` do.)
 */
const NOT_ALIAS = new Set([
  'where',
  'group',
  'order',
  'limit',
  'having',
  'union',
  'except',
  'intersect',
  'join',
  'left',
  'right',
  'full',
  'inner',
  'cross',
  'on',
  'using',
  'offset',
  'fetch',
  'window',
]);

/**
 * The category each placeholder (`$EDS_ID`, `$EDS_ID_2`, ...) of a query needs. Evidence for a
 * placeholder is what the query reads through it:
 * - with an alias (`$EDS_ID_2 as cloudtrail`), the `alias.column` references only, so a Config
 *   store joined to a CloudTrail store gets one of each;
 * - without one, the SELECT it belongs to, so each side of `... UNION select ... from $EDS_ID_2`
 *   is judged on its own text.
 * A placeholder judged differently in two places is an error (no corpus query does that).
 */
export function storeCategories(sql: string): Record<string, Category> {
  const code = codeOnly(sql);
  const out: Record<string, Category> = {};
  for (const branch of setOperationBranches(code)) {
    for (const m of branch.matchAll(/(\$EDS_ID(?:_\d+)?)\b(?:\s+(?:as\s+)?([A-Za-z_]\w*))?/gi)) {
      const placeholder = m[1].toUpperCase();
      const alias = m[2] && !NOT_ALIAS.has(m[2].toLowerCase()) ? m[2] : undefined;
      const viaAlias = alias ? [...code.matchAll(new RegExp(`\\b${alias}\\.[\\w.]+`, 'gi'))].map((r) => r[0]).join(' ') : '';
      const category = categoryOf(viaAlias || branch);
      if (out[placeholder] && out[placeholder] !== category) {
        throw new Error(`${placeholder} reads a ${out[placeholder]} store in one place and a ${category} store in another`);
      }
      out[placeholder] = category;
    }
  }
  return out;
}

/** The SQL with string literals, quoted names and comments blanked (same length, same lines). */
function codeOnly(sql: string): string {
  return codeSpans(sql)
    .map((s) => (s.code ? s.text : s.text.replace(/[^\n]/g, ' ')))
    .join('');
}

/** The SELECTs of a top-level UNION / EXCEPT / INTERSECT (the whole text when there is none). */
function setOperationBranches(code: string): string[] {
  const branches: string[] = [];
  let depth = 0;
  let start = 0;
  const re = /[()]|\b(?:union|except|intersect)\b/gi;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    if (m[0] === '(') depth++;
    else if (m[0] === ')') depth--;
    else if (depth === 0) {
      branches.push(code.slice(start, m.index));
      start = m.index + m[0].length;
    }
  }
  branches.push(code.slice(start));
  return branches;
}

// ---------------------------------------------------------------------------------------------
// Expectations: what CloudTrail Lake does with each published query
// ---------------------------------------------------------------------------------------------

export type Outcome = 'FINISHED' | 'REJECTED';

export interface Expectation {
  /** FINISHED, or REJECTED = InvalidQueryStatementException from StartQuery with a `line L:C:` position. */
  outcome: Outcome;
  /** Why a query is expected to be rejected. */
  reason?: string;
  /**
   * `target`: the target as stated (no note, or a note that does not make it invalid);
   * `note`: the corpus note says it is malformed or that the service rejects it;
   * `unnoted`: invalid as published although no note says so (an exception to the stated target).
   */
  basis: 'target' | 'note' | 'unnoted';
}

/** Corpus notes that mean CloudTrail Lake refuses the statement at StartQuery. */
const REJECTING_NOTES: [RegExp, string][] = [
  [/malformed as published|invalid SQL as printed/i, 'malformed as published (noted)'],
  [/unresolved template token/i, "the unreplaced template token '${date_filter}' is compared with eventTime and is not a timestamp"],
  [/LIKE directly to a map.*type error/i, 'LIKE on a map<string,string> column is a type error in Trino (noted)'],
  [/is not a real column/i, "'edsA.map' is not a column of the store (noted); Trino: column cannot be resolved"],
];

/**
 * Published queries that are not valid Trino although their corpus entry has no note saying so.
 * The target ("no malformed-as-published note → FINISHED") cannot hold for these: a
 * faithful engine must reject them, so they are listed as exceptions to the target.
 */
export const UNNOTED_INVALID: Record<string, string> = {
  'aws-samples/list-publicly-accessible-rds-instances':
    "the statement is printed twice with nothing between the copies (`= 'true'SELECT *`): extraneous input after a complete query",
  'aws-samples/list-attempted-s3-requests.':
    'a line break was lost in `requestParametersORDER BY attempts desc`: `BY` cannot follow the identifier `requestParametersORDER`',
  'aws-samples/top-errors': 'line breaks were lost in `errorMessageORDER BY eventCount DESCLIMIT 10`: `BY` cannot follow the identifier `errorMessageORDER`',
  'aws-samples/top-s3-actions': 'a line break was lost in `eventNameORDER BY requestCount DESC`: `BY` cannot follow the identifier `eventNameORDER`',
  'docs-archived/bounded-select-star':
    "`< =` (with a space) is two tokens; Trino's grammar has `<=` but no `<` followed by `=` (the note only records the spelling)",
  'aws-samples/cloudformation-stacksets-service-managed-investigation':
    'the `$EVENT_ID` placeholder is left in the SQL (`eventID = $EVENT_ID`); `$` cannot start a Trino token',
};

export function expectationFor(q: CorpusQuery): Expectation {
  for (const [pattern, reason] of REJECTING_NOTES) {
    if (q.notes && pattern.test(q.notes)) return { outcome: 'REJECTED', reason, basis: 'note' };
  }
  const unnoted = UNNOTED_INVALID[q.id];
  if (unnoted) return { outcome: 'REJECTED', reason: unnoted, basis: 'unnoted' };
  return { outcome: 'FINISHED', basis: 'target' };
}

// ---------------------------------------------------------------------------------------------
// What the queries over the hand-written fixtures must find
// ---------------------------------------------------------------------------------------------

export interface Finding {
  /** Result rows the query returns over the fixtures. */
  rows: number;
  /** Text that some result cell contains (checks content, not just the row count). */
  contains?: string;
  /** What the rows are, for the report. */
  what: string;
}

/**
 * Queries that read `tests/fixtures/config-items.jsonl` or `tests/fixtures/activity-audit-events.jsonl`, with
 * what each must return. The fixtures were written for these queries; a change in a count means
 * the fixture or the lake's semantics changed.
 */
export const FIXTURE_FINDINGS: Record<string, Finding> = {
  'aws-samples/ssm-patch-compliance-all-ec2-instances-time-range': {
    rows: 2,
    contains: 'KB5027222',
    what: 'the two patch scans inside 23–25 Jun 2023; Installed lists KB5027222 for the Windows instance',
  },
  'aws-samples/ssm-patch-compliance-all-ec2-instances': {
    rows: 4,
    contains: 'linux-image-5.15.0-1036-aws',
    what: 'all four patch scans; Failed lists the Ubuntu kernel update',
  },
  'aws-samples/ssm-patch-compliance-distinct-ec2-instance-latest': {
    rows: 3,
    contains: 'KB890830',
    what: 'the latest scan of each of the three instances; the Windows one (27 Jun) has KB890830 installed',
  },
  'aws-samples/ssm-patch-compliance-selected-ec2-instance-time-range': {
    rows: 0,
    what: "the query compares with the literal '<instance id such as i-123456789012>'",
  },
  'aws-samples/ssm-patch-compliance-selected-ec2-instance': { rows: 0, what: "the query compares with the literal '<instance id such as i-123456789012>'" },
  'docs-archived/config-items-2': { rows: 4, contains: 'NON_COMPLIANT', what: 'the four compliance results recorded after 22 Nov 2022' },
  'docs-archived/config-items-3': { rows: 7, what: 'resource type × Region × account groups of the items recorded after 22 Nov 2022' },
  'docs-archived/config-items-4': { rows: 4, contains: 'Music', what: 'the four items recorded on 16 Nov 2022' },
  'integ/github-repo-public': { rows: 1, contains: 'octo-payments/ledger-sdk', what: 'the repository switched to public' },
  'integ/github-invited-members': { rows: 2, contains: 'sam-contractor', what: 'the two invitations of September 2022' },
  'integ/github-frequent-clone': { rows: 1, contains: 'octo-payments-ci[bot]', what: 'the CI bot with 11 clones (the HAVING count(*) > 10 group)' },
  'integ/okta-events': { rows: 2, contains: 'bob@example.com', what: 'the two Okta sign-in events inside the window' },
  'integ/okta-union-aws': {
    rows: 1,
    contains: 'alice@example.com',
    what: 'the Okta event of 8 Sep 2022 22:22:47 (the CloudTrail side has none in that minute)',
  },
  'integ/azure-storage': { rows: 2, contains: 'MICROSOFT.STORAGE/STORAGEACCOUNTS/LISTKEYS/ACTION', what: 'the two storage-account operations' },
  'integ/gcp-audit': {
    rows: 2,
    contains: 'storage.buckets.create',
    what: "the two GoogleCloudUser events whose eventData.eventTime text sorts inside ['2023-06-28 00:00:00', '2023-07-01 00:00:00')",
  },
  'integ/eks-pod-logs': { rows: 2, contains: 'fluent-bit', what: "the two Fluent Bit pod-log lines from the sample's channel" },
};

// ---------------------------------------------------------------------------------------------
// Known lake bugs: queries whose outcome currently differs from their expectation (none today)
// ---------------------------------------------------------------------------------------------

/**
 * Deviations the lake has today, each with its diagnosis. `tests/unit/compat-corpus.test.ts`
 * asserts that exactly these queries deviate, so a fix (remove the entry) or a regression (a new
 * deviation) both show up.
 */
export const KNOWN_LAKE_BUGS: Record<string, string> = {};
