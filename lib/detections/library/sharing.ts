import { RANGE, management, matchingCalls, param } from '../sql';
import type { Detection } from '../types';

const EBS = management('ec2.amazonaws.com', 'ModifySnapshotAttribute');
const AMI = management('ec2.amazonaws.com', 'ModifyImageAttribute');
const RDS = management('rds.amazonaws.com', 'ModifyDBSnapshotAttribute', 'ModifyDBClusterSnapshotAttribute');

const TRUSTED = {
  name: 'trustedAccounts',
  type: 'multiSelect' as const,
  of: 'accountId' as const,
  label: 'Accounts snapshots may be shared with',
  default: ['000000000000'],
};
/** A permission JSON's "add" part names everyone ("group":"all") or an account outside the trusted list. */
const sharedOutside = (json: string) =>
  `(regexp_like(${json}, '"add":\\{"items":\\[[^\\]]*"group":"all"') OR any_match(regexp_extract_all(regexp_extract(${json}, '"add":\\{"items":\\[[^\\]]*\\]'), '[0-9]{12}'), a -> a <> recipientAccountId AND a NOT IN {{trustedAccounts}}))`;

export const sharingDetections: Detection[] = [
  {
    id: 'ebs-snapshot-shared',
    title: 'EBS snapshot shared publicly or with an outside account',
    description: 'Adding create-volume permission for "all" or another account lets them copy the disk — a quiet way to exfiltrate whole volumes.',
    falsePositives: 'Sharing with accounts of the organization for migration or backup (add them to the trusted accounts).',
    severity: 'high',
    tactics: ['TA0010'],
    techniques: ['T1537'],
    events: [EBS],
    runbook: 'Remove the permission (ModifySnapshotAttribute remove) and find out whether the other account copied the snapshot.',
    parameters: [RANGE, TRUSTED],
    sql: matchingCalls([EBS], sharedOutside(param('createVolumePermission')), [
      `${param('snapshotId')} AS snapshotId`,
      `${param('createVolumePermission')} AS permission`,
    ]),
  },
  {
    id: 'ami-shared',
    title: 'AMI shared publicly or with an outside account',
    description: 'Launch permission for "all" or another account exposes the image, and everything baked into it (credentials, code, data).',
    falsePositives: 'Publishing images to partner or organization accounts on purpose.',
    severity: 'medium',
    tactics: ['TA0010'],
    techniques: ['T1537'],
    events: [AMI],
    runbook: 'Remove the launch permission; check the image for secrets and rotate any it contains.',
    parameters: [RANGE, TRUSTED],
    sql: matchingCalls([AMI], sharedOutside(param('launchPermission')), [`${param('imageId')} AS imageId`, `${param('launchPermission')} AS permission`]),
  },
  {
    id: 'rds-snapshot-shared',
    title: 'RDS snapshot shared publicly or with an outside account',
    description: 'Adding restore permission for "all" or another account lets them restore the whole database elsewhere.',
    falsePositives: 'Sharing with organization accounts for migration or disaster recovery.',
    severity: 'high',
    tactics: ['TA0010'],
    techniques: ['T1537'],
    events: [RDS],
    runbook: "Remove the restore permission and ask the receiving account's owner whether it restored the snapshot.",
    parameters: [RANGE, TRUSTED],
    sql: matchingCalls(
      [RDS],
      `${param('attributeName')} = 'restore' AND any_match(CAST(json_parse(${param('valuesToAdd')}) AS ARRAY(VARCHAR)), a -> a = 'all' OR (a <> recipientAccountId AND a NOT IN {{trustedAccounts}}))`,
      [`coalesce(${param('dBSnapshotIdentifier')}, ${param('dBClusterSnapshotIdentifier')}) AS snapshot`, `${param('valuesToAdd')} AS sharedWith`],
    ),
  },
];
