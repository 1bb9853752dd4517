import { ACTOR, IN_RANGE, RANGE, callsOf, management, matchingCalls, param, threshold } from '../sql';
import type { Detection } from '../types';

const RUN = management('ec2.amazonaws.com', 'RunInstances');
const SSM = management('ssm.amazonaws.com', 'SendCommand');

export const computeDetections: Detection[] = [
  {
    id: 'ec2-instances-in-unused-region',
    title: 'EC2 instances launched in a region the organization does not use',
    description: 'Adversaries launch instances (often for cryptomining) in regions nobody watches, where they go unnoticed for longer.',
    falsePositives: 'A team starting to use a new region (add it to the regions in use).',
    severity: 'high',
    tactics: ['TA0005'],
    techniques: ['T1535'],
    events: [RUN],
    runbook: 'Terminate unexpected instances, then disable the region with an SCP if it is never needed.',
    parameters: [RANGE, { name: 'regions', type: 'multiSelect', label: 'Regions in use', default: ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1'] }],
    sql: matchingCalls([RUN], 'awsRegion NOT IN {{regions}}', [`${param('instanceType')} AS instanceType`]),
  },
  {
    id: 'ec2-launch-burst',
    title: 'Burst of EC2 instance launches by one principal',
    description: 'Many RunInstances calls from one principal in a short time: resource hijacking (cryptomining) with stolen credentials.',
    falsePositives: 'Auto Scaling and deployment pipelines (their calls come from their own roles).',
    severity: 'medium',
    tactics: ['TA0040'],
    techniques: ['T1496'],
    events: [RUN],
    runbook: "Check the instance types and AMIs launched; terminate unknown instances and revoke the principal's credentials.",
    parameters: [RANGE, threshold('threshold', 'Launch calls by one principal', 10)],
    sql: [
      'SELECT userIdentity.arn AS principal, count(*) AS launches, count(DISTINCT awsRegion) AS regions, array_join(array_agg(DISTINCT ' +
        param('instanceType') +
        "), ', ') AS instanceTypes, min(eventTime) AS firstLaunch",
      'FROM $EDS_ID',
      `WHERE ${IN_RANGE}`,
      `  AND ${callsOf([RUN])} AND errorCode IS NULL`,
      'GROUP BY userIdentity.arn',
      'HAVING count(*) >= {{threshold}}',
      'ORDER BY launches DESC',
    ].join('\n'),
  },
  {
    id: 'ssm-shell-command-sent',
    title: 'Shell command run on instances through Systems Manager',
    description: 'SendCommand with a shell document runs arbitrary commands as root/SYSTEM on managed instances, without SSH and without network exposure.',
    falsePositives: 'Operations teams and patching automation (exclude their principals).',
    severity: 'medium',
    tactics: ['TA0002'],
    techniques: ['T1651'],
    events: [SSM],
    runbook: 'Read the command in the SSM command history (the commandId in responseElements) and confirm the caller is an operator.',
    parameters: [
      RANGE,
      { name: 'documents', type: 'multiSelect', label: 'Shell documents', default: ['AWS-RunShellScript', 'AWS-RunPowerShellScript'] },
      {
        name: 'excludedPrincipals',
        type: 'multiSelect',
        of: 'arn',
        label: 'Principals that run commands routinely',
        default: ['arn:aws:iam::111122223333:role/patching'],
      },
    ],
    sql: matchingCalls([SSM], `${param('documentName')} IN {{documents}} AND ${ACTOR} NOT IN {{excludedPrincipals}}`, [
      `${param('documentName')} AS document`,
      `${param('instanceIds')} AS instanceIds`,
    ]),
  },
];
