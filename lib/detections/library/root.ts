import { IN_RANGE, RANGE, management, matchingCalls, param } from '../sql';
import type { Detection } from '../types';

const CREATE_KEY = management('iam.amazonaws.com', 'CreateAccessKey');
const SIGN_IN = management('signin.amazonaws.com', 'ConsoleLogin');

export const rootDetections: Detection[] = [
  {
    id: 'root-account-activity',
    title: 'Root user activity',
    description:
      'The account root user can do anything, cannot be limited by IAM policies, and should be locked away after setup. Any call it makes, other than on behalf of an AWS service, means someone holds the root credentials.',
    falsePositives:
      'The few tasks only root can do (closing the account, changing its support plan, restoring IAM admin access) — expect them to be announced.',
    severity: 'high',
    tactics: ['TA0001', 'TA0004'],
    techniques: ['T1078.004'],
    events: [{ source: '*', names: ['*'], category: 'Management' }],
    runbook:
      'Confirm with the account owner that root was used on purpose; if not, reset the root password, remove its access keys and review everything it called.',
    parameters: [RANGE],
    sql: [
      'SELECT eventTime, eventSource, eventName, sourceIPAddress, userAgent, awsRegion, recipientAccountId, errorCode, eventID',
      'FROM $EDS_ID',
      `WHERE ${IN_RANGE}`,
      "  AND userIdentity.type = 'Root'",
      '  AND userIdentity.invokedBy IS NULL',
      "  AND eventType <> 'AwsServiceEvent'",
      'ORDER BY eventTime',
    ].join('\n'),
  },
  {
    id: 'root-access-key-created',
    title: 'Access key created for the root user',
    description:
      'Root access keys give permanent, unrestricted programmatic access to the account and are a favourite persistence mechanism; AWS recommends that root has none.',
    falsePositives: 'Almost none: no supported workflow needs root access keys.',
    severity: 'critical',
    tactics: ['TA0003', 'TA0004'],
    techniques: ['T1098.001'],
    events: [CREATE_KEY],
    runbook:
      'Delete the key at once (IAM > Security credentials as root), rotate the root password and MFA, and look for calls signed with the key ID in responseElements.',
    parameters: [RANGE],
    // Without a userName parameter CreateAccessKey makes a key for the caller itself.
    sql: matchingCalls([CREATE_KEY], `userIdentity.type = 'Root' AND ${param('userName')} IS NULL`),
  },
  {
    id: 'root-console-sign-in',
    title: 'Root user signed in to the console',
    description: 'A successful console sign-in as root: the most powerful identity in the account is being used interactively.',
    falsePositives: 'Planned root-only tasks done by the account owner, with MFA.',
    severity: 'high',
    tactics: ['TA0001', 'TA0004'],
    techniques: ['T1078.004'],
    events: [SIGN_IN],
    runbook: 'Ask the account owner; check MFAUsed and the source IP; if unexpected, rotate the root password and MFA device.',
    parameters: [RANGE],
    sql: matchingCalls([SIGN_IN], `userIdentity.type = 'Root' AND element_at(responseElements, 'ConsoleLogin') = 'Success'`, [
      "element_at(additionalEventData, 'MFAUsed') AS mfaUsed",
    ]),
  },
];
