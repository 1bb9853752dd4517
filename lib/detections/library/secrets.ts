import { IN_RANGE, RANGE, callsOf, management, param, threshold } from '../sql';
import type { Detection, EventNeed } from '../types';

const SECRETS = management('secretsmanager.amazonaws.com', 'GetSecretValue', 'BatchGetSecretValue');
const PARAMETERS = management('ssm.amazonaws.com', 'GetParameter', 'GetParameters', 'GetParametersByPath');

/** Per principal: how many distinct things it read through `need`, reported from `limit` on. */
function bulkReads(need: EventNeed, item: string, limit: string, extra = ''): string {
  return [
    `SELECT userIdentity.arn AS principal, count(DISTINCT ${item}) AS items, count(*) AS calls, min(eventTime) AS firstRead, max(eventTime) AS lastRead`,
    'FROM $EDS_ID',
    `WHERE ${IN_RANGE}`,
    `  AND ${callsOf([need])} AND errorCode IS NULL${extra}`,
    'GROUP BY userIdentity.arn',
    `HAVING count(DISTINCT ${item}) >= {{${limit}}}`,
    'ORDER BY items DESC',
  ].join('\n');
}

export const secretDetections: Detection[] = [
  {
    id: 'secrets-manager-bulk-read',
    title: 'Many Secrets Manager secrets read by one principal',
    description:
      'Reading the values of many different secrets in a short time is credential harvesting: database passwords, API keys and tokens for the next step.',
    falsePositives: 'Applications starting up that load their whole configuration; secret rotation functions.',
    severity: 'high',
    tactics: ['TA0006'],
    techniques: ['T1555.006'],
    events: [SECRETS],
    runbook: 'List the secrets read; rotate them if the principal is not the application that owns them, and revoke its session.',
    parameters: [RANGE, threshold('threshold', 'Distinct secrets read by one principal', 10)],
    sql: bulkReads(SECRETS, `coalesce(${param('secretId')}, ${param('secretIdList')}, ${param('filters')})`, 'threshold'),
  },
  {
    id: 'ssm-parameters-bulk-read',
    title: 'Many decrypted SSM parameters read by one principal',
    description: 'Reading many SecureString parameters with decryption collects the secrets kept in Parameter Store.',
    falsePositives: 'Deployments and instances loading their configuration at start.',
    severity: 'medium',
    tactics: ['TA0006'],
    techniques: ['T1555.006'],
    events: [PARAMETERS],
    runbook: 'Check which parameters (names, paths) were read and by which workload; rotate those not meant for the principal.',
    parameters: [RANGE, threshold('threshold', 'Distinct parameter reads by one principal', 20)],
    sql: bulkReads(PARAMETERS, `coalesce(${param('name')}, ${param('names')}, ${param('path')})`, 'threshold', ` AND ${param('withDecryption')} = 'true'`),
  },
];
