import { RANGE, callsOf, management, matchingCalls, param } from '../sql';
import type { Detection } from '../types';

const GUARDDUTY_OFF = management(
  'guardduty.amazonaws.com',
  'DeleteDetector',
  'DisassociateFromMasterAccount',
  'DisassociateFromAdministratorAccount',
  'StopMonitoringMembers',
  'DeleteMembers',
  'DisassociateMembers',
);
const GUARDDUTY_UPDATE = management('guardduty.amazonaws.com', 'UpdateDetector');
const GUARDDUTY_SUPPRESS = management('guardduty.amazonaws.com', 'CreateFilter', 'UpdateFilter');
const GUARDDUTY_TRUSTED_IPS = management('guardduty.amazonaws.com', 'CreateIPSet', 'UpdateIPSet');
const SECURITY_HUB = management(
  'securityhub.amazonaws.com',
  'DisableSecurityHub',
  'BatchDisableStandards',
  'DisableImportFindingsForProduct',
  'DisassociateFromMasterAccount',
  'DisassociateFromAdministratorAccount',
  'DeleteMembers',
);
const CONFIG = management('config.amazonaws.com', 'StopConfigurationRecorder', 'DeleteConfigurationRecorder', 'DeleteDeliveryChannel', 'DeleteConfigRule');
const ANALYZER = management('access-analyzer.amazonaws.com', 'DeleteAnalyzer');
const ALARMS = management('monitoring.amazonaws.com', 'DeleteAlarms', 'DisableAlarmActions');

const EVASION = ['TA0005'] as const;
const TOOLS = ['T1562.001'] as const;

export const securityServiceDetections: Detection[] = [
  {
    id: 'guardduty-disabled',
    title: 'GuardDuty detector deleted, suspended or detached',
    description: 'Deleting or suspending a GuardDuty detector, or detaching the account from its administrator, blinds threat detection for the account.',
    falsePositives: 'Moving GuardDuty administration to another account in a planned change.',
    severity: 'high',
    tactics: EVASION,
    techniques: TOOLS,
    events: [GUARDDUTY_OFF, GUARDDUTY_UPDATE],
    runbook: 'Re-enable the detector (or re-associate the member) and check which other defences the caller touched.',
    parameters: [RANGE],
    sql: matchingCalls([GUARDDUTY_OFF, GUARDDUTY_UPDATE], `(eventName <> 'UpdateDetector' OR ${param('enable')} = 'false')`, [
      `${param('detectorId')} AS detectorId`,
    ]),
  },
  {
    id: 'guardduty-findings-suppressed',
    title: 'GuardDuty findings auto-archived or trusted IPs added',
    description:
      'A filter with the ARCHIVE action hides matching findings from view, and a trusted IP list stops findings for traffic from those addresses: both quietly suppress detection.',
    falsePositives: 'Suppression rules for known scanners or noisy findings, reviewed by the security team.',
    severity: 'medium',
    tactics: EVASION,
    techniques: TOOLS,
    events: [GUARDDUTY_SUPPRESS, GUARDDUTY_TRUSTED_IPS],
    runbook: "Review the filter's criteria or the IP list's location; delete it unless the security team owns it.",
    parameters: [RANGE],
    sql: matchingCalls([GUARDDUTY_SUPPRESS, GUARDDUTY_TRUSTED_IPS], `(${param('action')} = 'ARCHIVE' OR ${callsOf([GUARDDUTY_TRUSTED_IPS])})`, [
      `coalesce(${param('name')}, ${param('filterName')}) AS name`,
    ]),
  },
  {
    id: 'security-hub-disabled',
    title: 'Security Hub disabled, standards turned off or account detached',
    description: 'Disabling Security Hub or its standards stops the compliance checks and the aggregation of findings from other services.',
    falsePositives: 'Planned reorganisation of Security Hub administration or standards.',
    severity: 'high',
    tactics: EVASION,
    techniques: TOOLS,
    events: [SECURITY_HUB],
    runbook: 'Re-enable Security Hub and its standards; confirm the change with the security team.',
    parameters: [RANGE],
    sql: matchingCalls([SECURITY_HUB]),
  },
  {
    id: 'config-recording-stopped',
    title: 'AWS Config recorder stopped or deleted',
    description:
      'Stopping or deleting the configuration recorder or delivery channel, or deleting rules, ends the record of resource configuration changes and compliance evaluation.',
    falsePositives: 'Planned changes to the Config setup (e.g. moving to an organization-wide recorder).',
    severity: 'high',
    tactics: EVASION,
    techniques: TOOLS,
    events: [CONFIG],
    runbook: "Restart the recorder (StartConfigurationRecorder) and recreate what was deleted; review the caller's other changes.",
    parameters: [RANGE],
    sql: matchingCalls([CONFIG], '', [
      `coalesce(${param('configurationRecorderName')}, ${param('deliveryChannelName')}, ${param('configRuleName')}) AS resource`,
    ]),
  },
  {
    id: 'access-analyzer-deleted',
    title: 'IAM Access Analyzer deleted',
    description: 'Without an analyzer, resources shared outside the account or organization are no longer reported.',
    falsePositives: 'Replacing an account analyzer by an organization analyzer.',
    severity: 'medium',
    tactics: EVASION,
    techniques: TOOLS,
    events: [ANALYZER],
    runbook: 'Recreate the analyzer and review its findings for resources shared since it was deleted.',
    parameters: [RANGE],
    sql: matchingCalls([ANALYZER], '', [`${param('analyzerName')} AS analyzer`]),
  },
  {
    id: 'cloudwatch-alarms-disabled',
    title: 'CloudWatch alarms deleted or their actions disabled',
    description: 'Alarms often watch for security events (root use, changes to trails); deleting them or disabling their actions silences those warnings.',
    falsePositives: 'Cleanup of alarms of deleted resources; maintenance windows that disable actions briefly.',
    severity: 'medium',
    tactics: EVASION,
    techniques: TOOLS,
    events: [ALARMS],
    runbook: 'Check which alarms were touched (requestParameters.alarmNames); restore security alarms and their actions.',
    parameters: [RANGE],
    sql: matchingCalls([ALARMS], '', [`${param('alarmNames')} AS alarms`]),
  },
];
