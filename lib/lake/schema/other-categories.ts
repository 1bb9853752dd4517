import { array, dbl, int, map, str, struct, ts, type Field } from './types';

/**
 * Table shapes of the non-CloudTrail categories (shared/reference/cloudtrail-lake-schema.md
 * §2–§4): Insights, AWS Config configuration items, Audit Manager evidence, and events from
 * integrations (ActivityAuditLog).
 */
const envelope = (extra: Field[]): Field[] => [
  str('eventVersion', 'Version of the event format.'),
  str('eventCategory', 'Category of the event.'),
  str('eventType', 'Type of the event.'),
  str('eventID', 'GUID that uniquely identifies the event.'),
  ts('eventTime', 'When the event happened, in UTC.'),
  str('awsRegion', 'Region of the event.'),
  str('recipientAccountId', 'Account that received the event.'),
  ...extra,
  str('eventJson', 'The whole original record as JSON text.'),
  str('eventJsonChecksum', 'SHA-256 of eventJson.'),
];

export const insightFields = envelope([
  str('sharedEventID', 'GUID shared by the start and end events of one insight.'),
  map('addendum', 'Late-delivery details.'),
  str('insightSource', 'Source store of the insight.'),
  str('insightState', 'Start or End.'),
  str('insightEventSource', 'Service whose API activity was unusual.'),
  str('insightEventName', 'API whose activity was unusual.'),
  str('insightErrorCode', 'Error code for ApiErrorRateInsight.'),
  str('insightType', 'ApiCallRateInsight or ApiErrorRateInsight.'),
  struct('insightContext', 'Baseline and insight averages and their attributions.', [
    dbl('baselineAverage', 'Average rate in the baseline.'),
    dbl('insightAverage', 'Average rate during the insight.'),
    int('baselineDuration', 'Baseline duration in minutes.'),
    int('insightDuration', 'Insight duration in minutes.'),
    struct('attributions', 'Attribute that contributed most.', [
      str('attribute', 'userIdentityArn, userAgent or errorCode.'),
      str('insightValue', 'Value during the insight.'),
      dbl('insightAverage', 'Average during the insight.'),
      str('baselineValue', 'Value in the baseline.'),
      dbl('baselineAverage', 'Average in the baseline.'),
    ]),
  ]),
]);

export const configFields = envelope([
  map('addendum', 'Late-delivery details.'),
  struct('eventData', 'The configuration item.', [
    str('configurationItemVersion', 'Item format version.'),
    str('configurationItemCaptureTime', 'When AWS Config captured the item (text).'),
    str('configurationItemStatus', 'OK, ResourceDiscovered, ResourceDeleted, ...'),
    str('configurationStateId', 'State ID.'),
    str('accountId', 'Account of the resource.'),
    str('resourceType', 'Resource type, e.g. AWS::EC2::SecurityGroup.'),
    str('resourceId', 'Resource ID.'),
    str('resourceName', 'Resource name.'),
    str('arn', 'Resource ARN.'),
    str('awsRegion', 'Region of the resource.'),
    str('availabilityZone', 'Availability zone.'),
    str('resourceCreationTime', 'When the resource was created (text).'),
    map('configuration', 'The resource configuration; nested values are compact JSON.'),
    map('supplementaryConfiguration', 'Supplementary configuration.'),
    str('relatedEvents', 'Related CloudTrail event IDs.'),
    array('relationships', 'Related resources.', {
      kind: 'struct',
      fields: [
        str('name', 'Relationship name.'),
        str('resourceType', 'Related resource type.'),
        str('resourceId', 'Related resource ID.'),
        str('resourceName', 'Related resource name.'),
      ],
    }),
    map('tags', 'Resource tags.'),
  ]),
]);

export const evidenceFields = envelope([
  map('addendum', 'Late-delivery details.'),
  struct('eventData', 'Audit Manager evidence.', [
    map('attributes', 'Evidence attributes.'),
    ...[
      'awsAccountId',
      'awsOrganization',
      'complianceCheck',
      'dataSource',
      'eventName',
      'eventSource',
      'evidenceAwsAccountId',
      'evidenceByType',
      'iamId',
      'evidenceId',
    ].map((k) => str(k, `Evidence ${k}.`)),
    ts('time', 'When the evidence was collected.'),
    ...[
      'assessmentId',
      'controlSetId',
      'controlId',
      'controlName',
      'controlDomainName',
      'frameworkName',
      'frameworkId',
      'service',
      'serviceCategory',
      'resourceArn',
      'resourceType',
      'evidenceFolderId',
      'description',
      'manualEvidenceS3ResourcePath',
      'evidenceFolderName',
      'resourceComplianceCheck',
    ].map((k) => str(k, `Evidence ${k}.`)),
  ]),
]);

export const activityFields = envelope([
  struct('addendum', 'Late-delivery details.', [
    str('reason', 'Why the event was updated.'),
    str('updatedFields', 'Fields that changed.'),
    str('originalUID', 'UID of the original event.'),
    str('originalEventID', 'ID of the original event.'),
  ]),
  struct('metadata', 'Ingestion time and the channel the event came through.', [
    str('ingestionTime', 'When CloudTrail ingested the event.'),
    str('channelARN', 'ARN of the channel.'),
  ]),
  struct('eventData', 'The event as the integration sent it (PutAuditEvents).', [
    str('version', 'Event format version.'),
    struct('userIdentity', 'Who acted, in the source system.', [
      str('type', 'Identity type in the source system.'),
      str('principalId', 'Principal ID in the source system.'),
      map('details', 'Source-specific identity details.'),
    ]),
    str('userAgent', 'Agent of the request.'),
    str('eventSource', 'Source system, e.g. github.audit.streaming.'),
    str('eventName', 'Action in the source system.'),
    str('eventTime', 'Time as the source sent it (text, yyyy-MM-ddTHH:mm:ss).'),
    str('UID', "The source's unique request ID."),
    map('requestParameters', 'Request parameters.'),
    map('responseElements', 'Response elements.'),
    str('errorCode', 'Error code.'),
    str('errorMessage', 'Error message.'),
    str('sourceIPAddress', 'Source IP address.'),
    str('recipientAccountId', 'Account of the channel owner.'),
    map('additionalEventData', 'Additional data.'),
  ]),
]);
