/**
 * The sample-query library of the workbench: the seed document's queries and a curated set for
 * common investigations. Every query reads `FROM $EDS_ID` (the server, or the workbench when a
 * sample is opened, puts the picked store's ID there) and bounds eventTime relative to now().
 * Pure data, safe to import in client components; every entry is run through the lake in
 * tests/unit/workbench-sample-queries.test.ts.
 */
export interface SampleQuery {
  id: string;
  title: string;
  /** One or two sentences: what it finds and what to change. */
  description: string;
  /** Where it comes from: the seed walkthrough or the curated investigations. */
  source: 'seed' | 'investigation';
  tags: string[];
  sql: string;
}

const LAST_7_DAYS = `eventTime > date_add('day', -7, now())`;

const seed: SampleQuery[] = [
  {
    id: 'console-login-unexpected-ip',
    title: 'Console sign-ins from a non-allowed IP',
    description: 'Console sign-ins from any address other than the allowed one (211.60.50.190 in the seed; put yours).',
    source: 'seed',
    tags: ['console', 'login', 'signin', 'ip', 'alert'],
    sql: `SELECT eventTime, userIdentity.userName, userIdentity.arn, awsRegion, sourceIPAddress,
  element_at(responseElements, 'ConsoleLogin') AS result
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
  AND eventName = 'ConsoleLogin'
  AND sourceIPAddress <> '211.60.50.190'
ORDER BY eventTime DESC`,
  },
  {
    id: 'failed-console-logins-10-minutes',
    title: '5+ failed console sign-ins within 10 minutes',
    description: 'Sources with five or more failed console sign-ins in the same 10-minute window (password guessing).',
    source: 'seed',
    tags: ['console', 'login', 'signin', 'failure', 'brute force', 'alert'],
    sql: `SELECT from_unixtime(floor(to_unixtime(eventTime) / 600) * 600) AS windowStart,
  sourceIPAddress, userIdentity.userName, count(*) AS failures
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
  AND eventType = 'AwsConsoleSignIn'
  AND eventName = 'ConsoleLogin'
  AND element_at(responseElements, 'ConsoleLogin') = 'Failure'
GROUP BY 1, sourceIPAddress, userIdentity.userName
HAVING count(*) >= 5
ORDER BY windowStart DESC`,
  },
  {
    id: 'failed-console-logins-before-newest',
    title: 'Failed console sign-ins in the 10 minutes before the newest event',
    description: "The seed's alarm check: failures counted back from the freshest event rather than from now.",
    source: 'seed',
    tags: ['console', 'login', 'signin', 'failure', 'alert', 'freshness'],
    sql: `SELECT count(*) AS failures, min(eventTime) AS firstFailure, max(eventTime) AS lastFailure
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
  AND eventTime >= (
    SELECT date_add('minute', -10, max(eventTime)) FROM $EDS_ID WHERE ${LAST_7_DAYS}
  )
  AND eventType = 'AwsConsoleSignIn'
  AND element_at(responseElements, 'ConsoleLogin') = 'Failure'`,
  },
  {
    id: 'freshest-event',
    title: 'Freshest event',
    description: 'The newest eventTime in the store: how far behind delivery is (CloudTrail delivers within about 15 minutes).',
    source: 'seed',
    tags: ['freshness', 'max', 'latest', 'delivery'],
    sql: `SELECT max(eventTime) AS newestEvent, count(*) AS eventsInWindow
FROM $EDS_ID
WHERE ${LAST_7_DAYS}`,
  },
  {
    id: 'time-window',
    title: 'Events in a time window',
    description: "Events between two instants. Literal timestamps work too: eventTime >= '2026-01-05 00:00:00'.",
    source: 'seed',
    tags: ['time', 'window', 'range', 'between'],
    sql: `SELECT eventTime, eventSource, eventName, userIdentity.arn, sourceIPAddress
FROM $EDS_ID
WHERE eventTime >= date_add('day', -2, now())
  AND eventTime < date_add('day', -1, now())
ORDER BY eventTime
LIMIT 100`,
  },
  {
    id: 'region-filter',
    title: 'Activity in selected regions',
    description: 'API calls per region and action, limited to the regions listed in awsRegion IN (...).',
    source: 'seed',
    tags: ['region', 'awsRegion', 'filter'],
    sql: `SELECT awsRegion, eventName, count(*) AS calls
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
  AND awsRegion IN ('us-east-1', 'us-west-2', 'ap-northeast-2')
GROUP BY awsRegion, eventName
ORDER BY calls DESC
LIMIT 100`,
  },
  {
    id: 'recent-events',
    title: 'Latest events',
    description: "The 10 newest events of the last hour, the seed's first look at a store.",
    source: 'seed',
    tags: ['latest', 'recent', 'overview'],
    sql: `SELECT eventTime, eventSource, eventName, awsRegion, userIdentity.arn, sourceIPAddress, errorCode
FROM $EDS_ID
WHERE eventTime > date_add('hour', -1, now())
ORDER BY eventTime DESC
LIMIT 10`,
  },
];

const investigations: SampleQuery[] = [
  {
    id: 'root-activity',
    title: 'Root user activity',
    description: "Every call made with the root user's credentials; root should almost never be used.",
    source: 'investigation',
    tags: ['root', 'identity', 'privileged'],
    sql: `SELECT eventTime, eventSource, eventName, awsRegion, sourceIPAddress, userAgent, errorCode
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
  AND userIdentity.type = 'Root'
  AND eventType <> 'AwsServiceEvent'
ORDER BY eventTime DESC`,
  },
  {
    id: 'iam-changes',
    title: 'IAM changes',
    description: 'Write calls to IAM (users, roles, policies, keys), newest first.',
    source: 'investigation',
    tags: ['iam', 'change', 'policy', 'user', 'role'],
    sql: `SELECT eventTime, eventName, userIdentity.arn, sourceIPAddress,
  element_at(requestParameters, 'userName') AS userName,
  element_at(requestParameters, 'roleName') AS roleName,
  element_at(requestParameters, 'policyArn') AS policyArn, errorCode
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
  AND eventSource = 'iam.amazonaws.com'
  AND readOnly = false
ORDER BY eventTime DESC`,
  },
  {
    id: 'iam-policy-changes',
    title: 'IAM policies attached or edited',
    description: 'Managed policies attached and inline policies written to users, roles and groups.',
    source: 'investigation',
    tags: ['iam', 'policy', 'privilege escalation', 'change'],
    sql: `SELECT eventTime, eventName, userIdentity.arn,
  coalesce(element_at(requestParameters, 'roleName'), element_at(requestParameters, 'userName'),
    element_at(requestParameters, 'groupName')) AS target,
  coalesce(element_at(requestParameters, 'policyArn'), element_at(requestParameters, 'policyName')) AS policy
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
  AND eventSource = 'iam.amazonaws.com'
  AND eventName IN ('AttachRolePolicy', 'AttachUserPolicy', 'AttachGroupPolicy', 'PutRolePolicy',
    'PutUserPolicy', 'PutGroupPolicy', 'CreatePolicyVersion', 'UpdateAssumeRolePolicy')
ORDER BY eventTime DESC`,
  },
  {
    id: 'access-denied',
    title: 'Access denied, by principal',
    description: 'Who is being denied what: principals and actions with AccessDenied-style errors.',
    source: 'investigation',
    tags: ['error', 'denied', 'unauthorized', 'permissions', 'recon'],
    sql: `SELECT userIdentity.arn, eventSource, eventName, errorCode, count(*) AS denials,
  max(eventTime) AS lastSeen
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
  AND (errorCode IN ('AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'Client.UnauthorizedOperation')
    OR errorCode LIKE '%Unauthorized%')
GROUP BY userIdentity.arn, eventSource, eventName, errorCode
ORDER BY denials DESC
LIMIT 100`,
  },
  {
    id: 's3-data-access',
    title: 'S3 object access',
    description: 'S3 data events (object reads, writes, deletes) by bucket and key. Needs a store that records S3 data events.',
    source: 'investigation',
    tags: ['s3', 'data events', 'object', 'bucket', 'exfiltration'],
    sql: `SELECT eventTime, eventName, userIdentity.arn, sourceIPAddress,
  element_at(requestParameters, 'bucketName') AS bucket,
  element_at(requestParameters, 'key') AS objectKey, errorCode
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
  AND eventSource = 's3.amazonaws.com'
  AND eventName IN ('GetObject', 'PutObject', 'DeleteObject', 'CopyObject')
ORDER BY eventTime DESC
LIMIT 500`,
  },
  {
    id: 's3-bucket-policy-changes',
    title: 'S3 bucket policy and public-access changes',
    description: 'Bucket policies, ACLs and public access blocks changed: the usual path to a public bucket.',
    source: 'investigation',
    tags: ['s3', 'bucket', 'policy', 'public', 'change'],
    sql: `SELECT eventTime, eventName, userIdentity.arn, element_at(requestParameters, 'bucketName') AS bucket,
  sourceIPAddress, errorCode
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
  AND eventSource = 's3.amazonaws.com'
  AND eventName IN ('PutBucketPolicy', 'DeleteBucketPolicy', 'PutBucketAcl', 'PutBucketPublicAccessBlock',
    'DeleteBucketPublicAccessBlock')
ORDER BY eventTime DESC`,
  },
  {
    id: 'new-access-keys',
    title: 'New access keys',
    description: 'Access keys created for IAM users, with the creator and the new key ID.',
    source: 'investigation',
    tags: ['iam', 'access key', 'credentials', 'persistence'],
    sql: `SELECT eventTime, userIdentity.arn AS createdBy, element_at(requestParameters, 'userName') AS forUser,
  json_extract_scalar(element_at(responseElements, 'accessKey'), '$.accessKeyId') AS accessKeyId,
  sourceIPAddress, errorCode
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
  AND eventSource = 'iam.amazonaws.com'
  AND eventName = 'CreateAccessKey'
ORDER BY eventTime DESC`,
  },
  {
    id: 'new-iam-users',
    title: 'New IAM users and console passwords',
    description: 'Users created and console passwords (login profiles) added.',
    source: 'investigation',
    tags: ['iam', 'user', 'login profile', 'persistence'],
    sql: `SELECT eventTime, eventName, userIdentity.arn AS actor, element_at(requestParameters, 'userName') AS userName,
  errorCode
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
  AND eventSource = 'iam.amazonaws.com'
  AND eventName IN ('CreateUser', 'CreateLoginProfile', 'UpdateLoginProfile')
ORDER BY eventTime DESC`,
  },
  {
    id: 'security-group-changes',
    title: 'Security group changes',
    description: 'Security groups created, deleted or opened up (ingress and egress rules).',
    source: 'investigation',
    tags: ['ec2', 'network', 'security group', 'firewall', 'change'],
    sql: `SELECT eventTime, eventName, userIdentity.arn, awsRegion,
  element_at(requestParameters, 'groupId') AS groupId,
  element_at(requestParameters, 'groupName') AS groupName, errorCode
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
  AND eventSource = 'ec2.amazonaws.com'
  AND eventName IN ('CreateSecurityGroup', 'DeleteSecurityGroup', 'AuthorizeSecurityGroupIngress',
    'AuthorizeSecurityGroupEgress', 'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress',
    'ModifySecurityGroupRules')
ORDER BY eventTime DESC`,
  },
  {
    id: 'console-logins-without-mfa',
    title: 'Console sign-ins without MFA',
    description: 'Successful console sign-ins where additionalEventData says MFAUsed = No.',
    source: 'investigation',
    tags: ['console', 'login', 'signin', 'mfa', 'identity'],
    sql: `SELECT eventTime, userIdentity.type, userIdentity.arn, sourceIPAddress, userAgent
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
  AND eventName = 'ConsoleLogin'
  AND element_at(responseElements, 'ConsoleLogin') = 'Success'
  AND element_at(additionalEventData, 'MFAUsed') = 'No'
ORDER BY eventTime DESC`,
  },
  {
    id: 'assume-role-by-role',
    title: 'AssumeRole calls by role',
    description: 'Which roles are assumed, by whom, and how often.',
    source: 'investigation',
    tags: ['sts', 'assume role', 'role', 'lateral movement', 'identity'],
    sql: `SELECT element_at(requestParameters, 'roleArn') AS roleArn,
  coalesce(userIdentity.arn, userIdentity.invokedBy) AS caller,
  count(*) AS calls, count_if(errorCode IS NOT NULL) AS failures, max(eventTime) AS lastSeen
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
  AND eventSource = 'sts.amazonaws.com'
  AND eventName = 'AssumeRole'
GROUP BY 1, 2
ORDER BY calls DESC
LIMIT 100`,
  },
  {
    id: 'role-session-activity',
    title: 'Activity of assumed-role sessions, by issuing role',
    description: 'Calls made with temporary credentials, grouped by the role that issued the session.',
    source: 'investigation',
    tags: ['sts', 'role', 'session', 'identity'],
    sql: `SELECT userIdentity.sessionContext.sessionIssuer.arn AS role, count(*) AS calls,
  count(DISTINCT eventName) AS distinctActions, count_if(errorCode IS NOT NULL) AS errors
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
  AND userIdentity.type = 'AssumedRole'
GROUP BY 1
ORDER BY calls DESC
LIMIT 100`,
  },
  {
    id: 'kms-key-deletion',
    title: 'KMS keys scheduled for deletion or disabled',
    description: 'ScheduleKeyDeletion and DisableKey calls: data encrypted with these keys becomes unreadable.',
    source: 'investigation',
    tags: ['kms', 'key', 'deletion', 'ransomware', 'destruction'],
    sql: `SELECT eventTime, eventName, userIdentity.arn, awsRegion, element_at(requestParameters, 'keyId') AS keyId,
  element_at(requestParameters, 'pendingWindowInDays') AS pendingWindowInDays, errorCode
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
  AND eventSource = 'kms.amazonaws.com'
  AND eventName IN ('ScheduleKeyDeletion', 'DisableKey', 'CancelKeyDeletion')
ORDER BY eventTime DESC`,
  },
  {
    id: 'cloudtrail-tampering',
    title: 'CloudTrail tampering',
    description: 'Trails stopped, deleted or reconfigured, and event data stores stopped or deleted: someone hiding their tracks.',
    source: 'investigation',
    tags: ['cloudtrail', 'logging', 'defense evasion', 'trail', 'tampering'],
    sql: `SELECT eventTime, eventName, userIdentity.arn, awsRegion, sourceIPAddress,
  coalesce(element_at(requestParameters, 'name'), element_at(requestParameters, 'trailName'),
    element_at(requestParameters, 'eventDataStore')) AS target, errorCode
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
  AND eventSource = 'cloudtrail.amazonaws.com'
  AND eventName IN ('StopLogging', 'DeleteTrail', 'UpdateTrail', 'PutEventSelectors', 'PutInsightSelectors',
    'StopEventDataStoreIngestion', 'DeleteEventDataStore', 'UpdateEventDataStore')
ORDER BY eventTime DESC`,
  },
  {
    id: 'console-changes',
    title: 'Who made console changes',
    description: 'Write calls made from the AWS console (session credentials from the console).',
    source: 'investigation',
    tags: ['console', 'change', 'write', 'identity'],
    sql: `SELECT eventTime, userIdentity.arn, eventSource, eventName, awsRegion
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
  AND sessionCredentialFromConsole = 'true'
  AND readOnly = false
ORDER BY eventTime DESC
LIMIT 200`,
  },
  {
    id: 'instances-launched',
    title: 'EC2 instances launched',
    description: 'RunInstances calls with the instance type and region (crypto-mining often starts here).',
    source: 'investigation',
    tags: ['ec2', 'instance', 'compute', 'mining'],
    sql: `SELECT eventTime, userIdentity.arn, awsRegion, element_at(requestParameters, 'instanceType') AS instanceType,
  sourceIPAddress, errorCode
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
  AND eventSource = 'ec2.amazonaws.com'
  AND eventName = 'RunInstances'
ORDER BY eventTime DESC`,
  },
  {
    id: 'noisy-access-keys',
    title: 'Access keys with many failed calls',
    description: 'Long-term keys (AKIA...) calling many different APIs and failing often: a leaked key being tried out.',
    source: 'investigation',
    tags: ['access key', 'recon', 'leaked credentials', 'error'],
    sql: `SELECT userIdentity.accessKeyId, userIdentity.arn, count(*) AS calls,
  count(DISTINCT eventName) AS distinctActions, count_if(errorCode IS NOT NULL) AS errors,
  array_join(array_agg(DISTINCT sourceIPAddress), ', ') AS sourceIps
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
  AND userIdentity.accessKeyId LIKE 'AKIA%'
GROUP BY userIdentity.accessKeyId, userIdentity.arn
HAVING count_if(errorCode IS NOT NULL) > 0
ORDER BY errors DESC
LIMIT 50`,
  },
  {
    id: 'cross-account-calls',
    title: 'Calls from other accounts',
    description: 'Calls whose caller belongs to a different account than the one that received them.',
    source: 'investigation',
    tags: ['cross-account', 'account', 'identity', 'trust'],
    sql: `SELECT userIdentity.accountId AS callerAccount, recipientAccountId, eventSource, eventName, count(*) AS calls
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
  AND userIdentity.accountId IS NOT NULL
  AND userIdentity.accountId <> recipientAccountId
GROUP BY 1, 2, 3, 4
ORDER BY calls DESC
LIMIT 100`,
  },
  {
    id: 'top-api-calls',
    title: 'Top API calls',
    description: 'The most frequent service and action pairs, with their error counts.',
    source: 'investigation',
    tags: ['overview', 'volume', 'api', 'count'],
    sql: `SELECT eventSource, eventName, count(*) AS calls, count_if(errorCode IS NOT NULL) AS errors
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
GROUP BY eventSource, eventName
ORDER BY calls DESC
LIMIT 50`,
  },
  {
    id: 'errors-per-hour',
    title: 'Errors per hour',
    description: 'Calls and failed calls per hour: spikes point at outages, throttling or someone probing.',
    source: 'investigation',
    tags: ['error', 'time series', 'hourly', 'overview'],
    sql: `SELECT date_trunc('hour', eventTime) AS hour, count(*) AS calls, count_if(errorCode IS NOT NULL) AS errors
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
GROUP BY 1
ORDER BY 1`,
  },
  {
    id: 'secrets-read',
    title: 'Secrets read',
    description: 'GetSecretValue calls by principal and secret.',
    source: 'investigation',
    tags: ['secrets manager', 'secret', 'credentials', 'data access'],
    sql: `SELECT userIdentity.arn, element_at(requestParameters, 'secretId') AS secretId, count(*) AS reads,
  max(eventTime) AS lastRead
FROM $EDS_ID
WHERE ${LAST_7_DAYS}
  AND eventSource = 'secretsmanager.amazonaws.com'
  AND eventName = 'GetSecretValue'
GROUP BY 1, 2
ORDER BY reads DESC
LIMIT 100`,
  },
];

export const SAMPLE_QUERIES: readonly SampleQuery[] = [...seed, ...investigations];

/** Samples matching every word of `text` (title, description, tags or SQL; case-insensitive). */
export function searchSampleQueries(text: string, samples: readonly SampleQuery[] = SAMPLE_QUERIES): SampleQuery[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...samples];
  return samples.filter((s) => {
    const hay = `${s.title}\n${s.description}\n${s.tags.join('\n')}\n${s.sql}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
