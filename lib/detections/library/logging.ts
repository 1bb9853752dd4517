import { RANGE, management, matchingCalls, param } from '../sql';
import type { Detection } from '../types';

const STOP = management('cloudtrail.amazonaws.com', 'StopLogging');
const DELETE_TRAIL = management('cloudtrail.amazonaws.com', 'DeleteTrail');
const UPDATE_TRAIL = management('cloudtrail.amazonaws.com', 'UpdateTrail');
const SELECTORS = management('cloudtrail.amazonaws.com', 'PutEventSelectors', 'PutInsightSelectors');
const LAKE = management('cloudtrail.amazonaws.com', 'DeleteEventDataStore', 'UpdateEventDataStore', 'StopEventDataStoreIngestion');
const CW_LOGS = management('logs.amazonaws.com', 'DeleteLogGroup', 'DeleteLogStream');
const FLOW_LOGS = management('ec2.amazonaws.com', 'DeleteFlowLogs');

const LOGS = ['TA0005'] as const;
const CLOUD_LOGS = ['T1562.008'] as const;

export const loggingDetections: Detection[] = [
  {
    id: 'cloudtrail-logging-stopped',
    title: 'CloudTrail trail logging stopped',
    description: 'StopLogging turns a trail off without deleting it: everything the adversary does next goes unrecorded.',
    falsePositives: 'Decommissioning a trail in a planned change.',
    severity: 'critical',
    tactics: LOGS,
    techniques: CLOUD_LOGS,
    events: [STOP],
    runbook: 'Start logging again at once (StartLogging), then review what the caller did between the stop and now from other sources.',
    parameters: [RANGE],
    sql: matchingCalls([STOP], '', [`${param('name')} AS trail`]),
  },
  {
    id: 'cloudtrail-trail-deleted',
    title: 'CloudTrail trail deleted',
    description: 'Deleting a trail ends its logging for good and removes its configuration.',
    falsePositives: 'Replacing a trail with an organization trail in a planned change.',
    severity: 'critical',
    tactics: LOGS,
    techniques: CLOUD_LOGS,
    events: [DELETE_TRAIL],
    runbook: "Recreate the trail from infrastructure code, then investigate the caller's session.",
    parameters: [RANGE],
    sql: matchingCalls([DELETE_TRAIL], '', [`${param('name')} AS trail`]),
  },
  {
    id: 'cloudtrail-trail-updated',
    title: 'CloudTrail trail settings changed',
    description:
      'UpdateTrail can point a trail at another bucket, drop log file validation, KMS encryption or multi-region coverage — quieter than stopping it.',
    falsePositives: 'Planned changes to the trail, usually from infrastructure-as-code roles.',
    severity: 'medium',
    tactics: LOGS,
    techniques: CLOUD_LOGS,
    events: [UPDATE_TRAIL],
    runbook: "Diff the requestParameters against the trail's expected settings (bucket, isMultiRegionTrail, enableLogFileValidation, kmsKeyId).",
    parameters: [RANGE],
    sql: matchingCalls([UPDATE_TRAIL], '', [`${param('name')} AS trail`, `${param('s3BucketName')} AS bucket`]),
  },
  {
    id: 'cloudtrail-selectors-changed',
    title: 'CloudTrail event or Insights selectors changed',
    description: 'New event selectors can silently stop a trail from recording management, data or read events while it still looks enabled.',
    falsePositives: 'Planned changes to what a trail records, for cost or coverage.',
    severity: 'medium',
    tactics: LOGS,
    techniques: CLOUD_LOGS,
    events: [SELECTORS],
    runbook: 'Compare the new selectors (requestParameters) with the previous ones; restore them if events are now excluded.',
    parameters: [RANGE],
    sql: matchingCalls([SELECTORS], '', [`${param('trailName')} AS trail`]),
  },
  {
    id: 'cloudtrail-lake-store-changed',
    title: 'CloudTrail Lake event data store deleted, stopped or changed',
    description: 'Deleting an event data store, stopping its ingestion or changing its selectors or retention removes the very record investigations rely on.',
    falsePositives: 'Planned store changes (retention, selectors) by the team that owns the lake.',
    severity: 'high',
    tactics: LOGS,
    techniques: CLOUD_LOGS,
    events: [LAKE],
    runbook: 'Restore a deleted store within its 7-day grace period (RestoreEventDataStore), restart ingestion, and review the change.',
    parameters: [RANGE],
    sql: matchingCalls([LAKE], '', [`${param('eventDataStore')} AS eventDataStore`]),
  },
  {
    id: 'cloudwatch-log-group-deleted',
    title: 'CloudWatch Logs log group or stream deleted',
    description: 'Deleting log groups or streams destroys application, VPC and CloudTrail logs delivered to CloudWatch Logs.',
    falsePositives: 'Cleanup of groups of deleted resources (Lambda functions, test stacks).',
    severity: 'medium',
    tactics: LOGS,
    techniques: CLOUD_LOGS,
    events: [CW_LOGS],
    runbook: 'Check which log group was deleted and whether it held security logs; recreate it and find who else the caller touched.',
    parameters: [RANGE],
    sql: matchingCalls([CW_LOGS], '', [`${param('logGroupName')} AS logGroup`]),
  },
  {
    id: 'vpc-flow-logs-deleted',
    title: 'VPC flow logs deleted',
    description: 'Deleting flow logs removes the network record of connections into and out of a VPC.',
    falsePositives: 'Replacing flow logs with a new destination.',
    severity: 'high',
    tactics: LOGS,
    techniques: CLOUD_LOGS,
    events: [FLOW_LOGS],
    runbook: 'Recreate the flow logs for the VPC; look for network changes (security groups, NACLs) by the same caller.',
    parameters: [RANGE],
    sql: matchingCalls([FLOW_LOGS], '', [`${param('DeleteFlowLogsRequest')} AS request`]),
  },
];
