import { IN_RANGE, RANGE, callsOf, management, matchingCalls, param, threshold } from '../sql';
import type { Detection } from '../types';

const KMS = management('kms.amazonaws.com', 'ScheduleKeyDeletion', 'DisableKey');
const BACKUPS = [
  management('ec2.amazonaws.com', 'DeleteSnapshot'),
  management('rds.amazonaws.com', 'DeleteDBSnapshot', 'DeleteDBClusterSnapshot'),
  management('backup.amazonaws.com', 'DeleteRecoveryPoint', 'DeleteBackupVault'),
];

export const impactDetections: Detection[] = [
  {
    id: 'kms-key-disabled-or-scheduled-for-deletion',
    title: 'KMS key disabled or scheduled for deletion',
    description:
      'Without its KMS key, everything encrypted under it (volumes, buckets, databases, secrets) becomes unreadable; a deleted key cannot be recovered after its waiting period.',
    falsePositives: 'Retiring keys of decommissioned workloads.',
    severity: 'high',
    tactics: ['TA0040'],
    techniques: ['T1485'],
    events: [KMS],
    runbook: 'Cancel the deletion (CancelKeyDeletion) or re-enable the key while you confirm with its owner; list what the key encrypts.',
    parameters: [RANGE],
    sql: matchingCalls([KMS], '', [`${param('keyId')} AS keyId`, `${param('pendingWindowInDays')} AS pendingWindowInDays`]),
  },
  {
    id: 'backups-deleted-in-bulk',
    title: 'Snapshots or backups deleted in bulk',
    description:
      'One principal deleting many EBS or RDS snapshots or AWS Backup recovery points: removing the means of recovery, typically before ransom or destruction.',
    falsePositives: 'Retention clean-up jobs (exclude their roles or raise the threshold).',
    severity: 'high',
    tactics: ['TA0040'],
    techniques: ['T1490'],
    events: BACKUPS,
    runbook: 'Stop the principal at once; check vault locks and cross-account backup copies for what can still be restored.',
    parameters: [RANGE, threshold('threshold', 'Deletions by one principal', 10)],
    sql: [
      'SELECT userIdentity.arn AS principal, count(*) AS deletions, count(DISTINCT eventName) AS kinds, min(eventTime) AS firstDeletion, max(eventTime) AS lastDeletion',
      'FROM $EDS_ID',
      `WHERE ${IN_RANGE}`,
      `  AND ${callsOf(BACKUPS)} AND errorCode IS NULL`,
      'GROUP BY userIdentity.arn',
      'HAVING count(*) >= {{threshold}}',
      'ORDER BY deletions DESC',
    ].join('\n'),
  },
];
