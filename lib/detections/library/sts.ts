import { BASELINE_DAYS, IN_RANGE, RANGE, callsOf, management, matchingCalls, param } from '../sql';
import type { Detection } from '../types';

const ASSUME_ROLE = management('sts.amazonaws.com', 'AssumeRole');
const CALLER = 'coalesce(userIdentity.arn, userIdentity.accountId)';

export const stsDetections: Detection[] = [
  {
    id: 'assume-role-from-external-account',
    title: 'Role assumed from an account outside the trusted list',
    description:
      'A principal of another account assumed a role here. Unless that account is a known partner or part of the organization, a trust policy may have been backdoored or abused.',
    falsePositives: 'Accounts of the organization or of vendors not yet on the trusted list.',
    severity: 'medium',
    tactics: ['TA0001', 'TA0004'],
    techniques: ['T1078.004'],
    events: [ASSUME_ROLE],
    runbook:
      "Identify the calling account; if unknown, remove it from the role's trust policy and review what the session did (by its access key ID in responseElements).",
    parameters: [RANGE, { name: 'trustedAccounts', type: 'multiSelect', of: 'accountId', label: 'Trusted accounts', default: ['000000000000'] }],
    sql: matchingCalls(
      [ASSUME_ROLE],
      "userIdentity.type <> 'AWSService' AND userIdentity.accountId <> recipientAccountId AND userIdentity.accountId NOT IN {{trustedAccounts}}",
      ['userIdentity.accountId AS callerAccount', `${param('roleArn')} AS roleArn`],
    ),
  },
  {
    id: 'assume-role-by-new-principal',
    title: 'Role assumed by a principal that never assumed it before',
    description:
      'A principal assumed a role it had not assumed during the days before: a possible lateral move or privilege escalation through a role whose trust is too broad.',
    falsePositives: 'New people, pipelines or services starting to use a role.',
    severity: 'low',
    tactics: ['TA0004', 'TA0005'],
    techniques: ['T1548.005'],
    events: [ASSUME_ROLE],
    runbook: 'Check whether the caller is expected to use the role (team, pipeline); if not, narrow the trust policy and review the session.',
    parameters: [RANGE, BASELINE_DAYS],
    sql: [
      'WITH known AS (',
      `  SELECT DISTINCT ${CALLER} AS caller, ${param('roleArn')} AS roleArn`,
      '  FROM $EDS_ID',
      "  WHERE eventTime >= date_add('day', -{{baselineDays}}, {{start}}) AND eventTime < {{start}}",
      `    AND ${callsOf([ASSUME_ROLE])} AND errorCode IS NULL`,
      '), recent AS (',
      `  SELECT ${CALLER} AS caller, ${param('roleArn')} AS roleArn, min(eventTime) AS firstSeen, count(*) AS sessions`,
      '  FROM $EDS_ID',
      `  WHERE ${IN_RANGE}`,
      `    AND ${callsOf([ASSUME_ROLE])} AND errorCode IS NULL AND userIdentity.type <> 'AWSService'`,
      `  GROUP BY ${CALLER}, ${param('roleArn')}`,
      ')',
      'SELECT r.caller, r.roleArn, r.firstSeen, r.sessions',
      'FROM recent r LEFT JOIN known k ON k.caller = r.caller AND k.roleArn = r.roleArn',
      'WHERE k.caller IS NULL',
      'ORDER BY r.firstSeen',
    ].join('\n'),
  },
];
