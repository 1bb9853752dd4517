import { array, map, str, struct, ts, type Field } from './types';

/**
 * Table shapes of the non-CloudTrail categories (shared/reference/cloudtrail-lake-schema.md
 * §2–§4): Insights, AWS Config configuration items, Audit Manager evidence, and events from
 * integrations (ActivityAuditLog).
 */
const envelope = (extra: Field[]): Field[] => [
  str('eventversion', 'Version of the event format.'),
  str('eventcategory', 'Category of the event.'),
  str('eventtype', 'Type of the event.'),
  str('eventid', 'GUID that uniquely identifies the event.', 'eventID'),
  ts('eventtime', 'When the event happened, in UTC.'),
  str('awsregion', 'Region of the event.'),
  str('recipientaccountid', 'Account that received the event.'),
  ...extra,
  str('eventjson', 'The whole original record as JSON text.'),
  str('eventjsonchecksum', 'SHA-256 of eventJson.'),
];

const dbl = (name: string, description: string): Field => ({ name, type: { kind: 'double' }, description });
const int = (name: string, description: string): Field => ({ name, type: { kind: 'integer' }, description });

export const insightFields = envelope([
  str('sharedeventid', 'GUID shared by the start and end events of one insight.', 'sharedEventID'),
  map('addendum', 'Late-delivery details.'),
  str('insightsource', 'Source store of the insight.'),
  str('insightstate', 'Start or End.'),
  str('insighteventsource', 'Service whose API activity was unusual.'),
  str('insighteventname', 'API whose activity was unusual.'),
  str('insighterrorcode', 'Error code for ApiErrorRateInsight.'),
  str('insighttype', 'ApiCallRateInsight or ApiErrorRateInsight.'),
  struct('insightcontext', 'Baseline and insight averages and their attributions.', [
    dbl('baselineaverage', 'Average rate in the baseline.'),
    dbl('insightaverage', 'Average rate during the insight.'),
    int('baselineduration', 'Baseline duration in minutes.'),
    int('insightduration', 'Insight duration in minutes.'),
    struct('attributions', 'Attribute that contributed most.', [
      str('attribute', 'userIdentityArn, userAgent or errorCode.'),
      str('insightvalue', 'Value during the insight.'),
      dbl('insightaverage', 'Average during the insight.'),
      str('baselinevalue', 'Value in the baseline.'),
      dbl('baselineaverage', 'Average in the baseline.'),
    ]),
  ]),
]);

export const configFields = envelope([
  map('addendum', 'Late-delivery details.'),
  struct('eventdata', 'The configuration item.', [
    str('configurationitemversion', 'Item format version.'),
    str('configurationitemcapturetime', 'When AWS Config captured the item (text).'),
    str('configurationitemstatus', 'OK, ResourceDiscovered, ResourceDeleted, ...'),
    str('configurationitemstateid', 'State ID.', 'configurationStateId'),
    str('accountid', 'Account of the resource.'),
    str('resourcetype', 'Resource type, e.g. AWS::EC2::SecurityGroup.'),
    str('resourceid', 'Resource ID.'),
    str('resourcename', 'Resource name.'),
    str('arn', 'Resource ARN.'),
    str('awsregion', 'Region of the resource.'),
    str('availabilityzone', 'Availability zone.'),
    str('resourcecreationtime', 'When the resource was created (text).'),
    map('configuration', 'The resource configuration; nested values are compact JSON.'),
    map('supplementaryconfiguration', 'Supplementary configuration.'),
    str('relatedevents', 'Related CloudTrail event IDs.'),
    array('relationships', 'Related resources.', {
      kind: 'struct',
      fields: [str('name', 'Relationship name.'), str('resourcetype', 'Related resource type.'), str('resourceid', 'Related resource ID.'), str('resourcename', 'Related resource name.')],
    }),
    map('tags', 'Resource tags.'),
  ]),
]);

export const evidenceFields = envelope([
  map('addendum', 'Late-delivery details.'),
  struct('eventdata', 'Audit Manager evidence.', [
    map('attributes', 'Evidence attributes.'),
    ...['awsaccountid', 'awsorganization', 'compliancecheck', 'datasource', 'eventname', 'eventsource', 'evidenceawsaccountid', 'evidencebytype', 'iamid', 'evidenceid'].map((n) => str(n, `Evidence ${n}.`)),
    ts('time', 'When the evidence was collected.'),
    ...['assessmentid', 'controlsetid', 'controlid', 'controlname', 'controldomainname', 'frameworkname', 'frameworkid', 'service', 'servicecategory', 'resourcearn', 'resourcetype', 'evidencefolderid', 'description', 'manualevidences3resourcepath', 'evidencefoldername', 'resourcecompliancecheck'].map((n) => str(n, `Evidence ${n}.`)),
  ]),
]);

export const activityFields = envelope([
  struct('addendum', 'Late-delivery details.', [
    str('reason', 'Why the event was updated.'),
    str('updatedfields', 'Fields that changed.'),
    str('originaluid', 'UID of the original event.', 'originalUID'),
    str('originaleventid', 'ID of the original event.', 'originalEventID'),
  ]),
  struct('metadata', 'Ingestion time and the channel the event came through.', [
    str('ingestiontime', 'When CloudTrail ingested the event.'),
    str('channelarn', 'ARN of the channel.', 'channelARN'),
  ]),
  struct('eventdata', 'The event as the integration sent it (PutAuditEvents).', [
    str('version', 'Event format version.'),
    struct('useridentity', 'Who acted, in the source system.', [
      str('type', 'Identity type in the source system.'),
      str('principalid', 'Principal ID in the source system.'),
      map('details', 'Source-specific identity details.'),
    ]),
    str('useragent', 'Agent of the request.'),
    str('eventsource', 'Source system, e.g. github.audit.streaming.'),
    str('eventname', 'Action in the source system.'),
    str('eventtime', 'Time as the source sent it (text, yyyy-MM-ddTHH:mm:ss).'),
    str('uid', 'The source\'s unique request ID.', 'UID'),
    map('requestparameters', 'Request parameters.'),
    map('responseelements', 'Response elements.'),
    str('errorcode', 'Error code.'),
    str('errormessage', 'Error message.'),
    str('sourceipaddress', 'Source IP address.', 'sourceIPAddress'),
    str('recipientaccountid', 'Account of the channel owner.'),
    map('additionaleventdata', 'Additional data.'),
  ]),
]);
