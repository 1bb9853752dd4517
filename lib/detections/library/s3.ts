import { IN_RANGE, RANGE, callsOf, management, matchingCalls, param, threshold } from '../sql';
import type { Detection, EventNeed } from '../types';

const S3 = 's3.amazonaws.com';
const ACL = management(S3, 'PutBucketAcl');
const POLICY = management(S3, 'PutBucketPolicy');
const PUBLIC_ACCESS_BLOCK = management(
  S3,
  'DeleteBucketPublicAccessBlock',
  'PutBucketPublicAccessBlock',
  'DeleteAccountPublicAccessBlock',
  'PutAccountPublicAccessBlock',
);
const VERSIONING = management(S3, 'PutBucketVersioning');
const object = (...names: string[]): EventNeed => ({ source: S3, names, category: 'Data', resourceType: 'AWS::S3::Object' });
const DELETE_OBJECTS = object('DeleteObject', 'DeleteObjects');
const GET_OBJECTS = object('GetObject');

const BUCKET = `${param('bucketName')} AS bucket`;
const PUBLIC_GRANTEE = `'acs\\.amazonaws\\.com/groups/global/(AllUsers|AuthenticatedUsers)'`;

/** Per principal and bucket: calls of `need` in the range, reported from `limit` on. */
function bulkObjectCalls(need: EventNeed, limit: string): string {
  return [
    `SELECT userIdentity.arn AS principal, ${BUCKET}, count(*) AS calls, min(eventTime) AS firstCall, max(eventTime) AS lastCall`,
    'FROM $EDS_ID',
    `WHERE ${IN_RANGE}`,
    `  AND ${callsOf([need])} AND errorCode IS NULL`,
    `GROUP BY userIdentity.arn, ${param('bucketName')}`,
    `HAVING count(*) >= {{${limit}}}`,
    'ORDER BY calls DESC',
  ].join('\n');
}

export const s3Detections: Detection[] = [
  {
    id: 's3-bucket-acl-public',
    title: 'S3 bucket ACL grants access to everyone',
    description: 'A bucket ACL granting AllUsers or AuthenticatedUsers (any AWS account) exposes its objects or listing publicly.',
    falsePositives: 'Buckets that host public content on purpose (prefer CloudFront with origin access control).',
    severity: 'high',
    tactics: ['TA0009'],
    techniques: ['T1530'],
    events: [ACL],
    runbook: "Set the ACL back to private, enable Block Public Access, and check the bucket's data events for anonymous reads.",
    parameters: [RANGE],
    sql: matchingCalls(
      [ACL],
      `(regexp_like(coalesce(${param('AccessControlPolicy')}, ''), ${PUBLIC_GRANTEE}) OR regexp_like(coalesce(${param('x-amz-acl')}, ''), 'public-read|authenticated-read'))`,
      [BUCKET],
    ),
  },
  {
    id: 's3-bucket-policy-public',
    title: 'S3 bucket policy allows any principal',
    description: 'A bucket policy statement with "Principal": "*" (or {"AWS": "*"}) lets anyone — or any AWS account — use the bucket.',
    falsePositives: 'Policies whose "*" principal is narrowed by conditions (aws:PrincipalOrgID, aws:SourceVpce) — read the statement\'s conditions.',
    severity: 'high',
    tactics: ['TA0009', 'TA0010'],
    techniques: ['T1530', 'T1537'],
    events: [POLICY],
    runbook: 'Read the policy in requestParameters; if the wildcard principal has no restricting condition, restore the previous policy.',
    parameters: [RANGE],
    sql: matchingCalls([POLICY], `regexp_like(${param('bucketPolicy')}, '"Principal":("\\*"|\\{"AWS":"\\*"\\})')`, [BUCKET]),
  },
  {
    id: 's3-public-access-block-removed',
    title: 'S3 Block Public Access removed or weakened',
    description: "Deleting a bucket's or the account's public access block, or turning any of its four settings off, is the step before making data public.",
    falsePositives: 'Buckets that must serve public content.',
    severity: 'high',
    tactics: ['TA0009'],
    techniques: ['T1530'],
    events: [PUBLIC_ACCESS_BLOCK],
    runbook: 'Turn Block Public Access back on (all four settings) and check the bucket policy and ACL changed by the same caller.',
    parameters: [RANGE],
    sql: matchingCalls(
      [PUBLIC_ACCESS_BLOCK],
      `(eventName LIKE 'Delete%' OR regexp_like(${param('PublicAccessBlockConfiguration')}, '"(BlockPublicAcls|IgnorePublicAcls|BlockPublicPolicy|RestrictPublicBuckets)":false'))`,
      [BUCKET],
    ),
  },
  {
    id: 's3-versioning-suspended',
    title: 'S3 bucket versioning suspended',
    description: 'Suspending versioning means overwritten or deleted objects can no longer be recovered — typical before destroying or ransoming data.',
    falsePositives: 'Cost clean-up on buckets holding only reproducible data.',
    severity: 'medium',
    tactics: ['TA0040'],
    techniques: ['T1490'],
    events: [VERSIONING],
    runbook: 'Re-enable versioning; look for deletions or overwrites in the bucket that followed.',
    parameters: [RANGE],
    sql: matchingCalls([VERSIONING], `regexp_like(${param('VersioningConfiguration')}, '"Status":"Suspended"')`, [BUCKET]),
  },
  {
    id: 's3-mass-object-deletion',
    title: 'Many S3 objects deleted by one principal',
    description: 'A principal deleting a large number of objects from a bucket: data destruction, or the clean-up after an exfiltration. Needs S3 data events.',
    falsePositives: 'Lifecycle-like clean-up jobs and deployments that replace whole prefixes.',
    severity: 'high',
    tactics: ['TA0040'],
    techniques: ['T1485'],
    events: [DELETE_OBJECTS],
    runbook: 'Stop the principal (deactivate its keys or revoke the role session); restore objects from versions or backups.',
    parameters: [RANGE, threshold('threshold', 'Deletions by one principal in one bucket', 100)],
    sql: bulkObjectCalls(DELETE_OBJECTS, 'threshold'),
  },
  {
    id: 's3-bulk-object-download',
    title: 'Bulk download of S3 objects by one principal',
    description: 'One principal reading an unusual number of objects from a bucket: collection before exfiltration. Needs S3 data events.',
    falsePositives: "Backups, analytics jobs and data pipelines (raise the threshold or scope the store's selectors).",
    severity: 'medium',
    tactics: ['TA0009'],
    techniques: ['T1530'],
    events: [GET_OBJECTS],
    runbook: 'Identify the principal and where the data went (source IP, user agent); compare with its usual volume.',
    parameters: [RANGE, threshold('threshold', 'Objects read by one principal from one bucket', 500)],
    sql: bulkObjectCalls(GET_OBJECTS, 'threshold'),
  },
];
