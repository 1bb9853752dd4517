import { IN_RANGE, RANGE, threshold } from '../sql';
import type { Detection } from '../types';

const DENIED = "errorCode IN ('AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'Client.UnauthorizedOperation', 'UnauthorizedAccess')";

export const discoveryDetections: Detection[] = [
  {
    id: 'access-denied-burst',
    title: 'Many access-denied errors for one identity',
    description: 'An identity collecting access-denied errors across many APIs is probing what its (possibly stolen) credentials can do.',
    falsePositives: 'Misconfigured applications retrying one call; security scanners with read-only roles.',
    severity: 'medium',
    tactics: ['TA0007'],
    techniques: ['T1580', 'T1526'],
    events: [{ source: '*', names: ['*'], category: 'Management' }],
    runbook: 'Look at the denied calls (eventName, eventSource) and the source IP; a spread of services from an unknown IP means stolen credentials.',
    parameters: [RANGE, threshold('threshold', 'Denied calls by one identity', 20), threshold('apis', 'Distinct APIs denied', 5)],
    sql: [
      'SELECT userIdentity.arn AS principal, count(*) AS denied, count(DISTINCT eventName) AS apis, count(DISTINCT eventSource) AS services,',
      "  array_join(slice(array_agg(DISTINCT sourceIPAddress), 1, 5), ', ') AS sourceIPs, min(eventTime) AS firstDenied, max(eventTime) AS lastDenied",
      'FROM $EDS_ID',
      `WHERE ${IN_RANGE}`,
      `  AND ${DENIED}`,
      'GROUP BY userIdentity.arn',
      'HAVING count(*) >= {{threshold}} AND count(DISTINCT eventName) >= {{apis}}',
      'ORDER BY denied DESC',
    ].join('\n'),
  },
  {
    id: 'cloud-enumeration-burst',
    title: 'One identity enumerating many services',
    description:
      'List, Describe and Get calls across many services from one identity in a short time is the reconnaissance that follows a credential compromise (tools such as Pacu or ScoutSuite).',
    falsePositives: "Inventory and compliance tools (CSPM), Terraform plans, the console's own page loads.",
    severity: 'low',
    tactics: ['TA0007'],
    techniques: ['T1580', 'T1526'],
    events: [{ source: '*', names: ['List*', 'Describe*', 'Get*'], category: 'Management' }],
    runbook: 'Check whether the identity belongs to an inventory tool; if not, look at what it read and whether anything changed next.',
    parameters: [RANGE, threshold('services', 'Distinct services', 8), threshold('apis', 'Distinct read APIs', 30)],
    sql: [
      'SELECT userIdentity.arn AS principal, count(DISTINCT eventSource) AS services, count(DISTINCT eventName) AS apis, count(*) AS calls, min(eventTime) AS firstCall, max(eventTime) AS lastCall',
      'FROM $EDS_ID',
      `WHERE ${IN_RANGE}`,
      "  AND (eventName LIKE 'List%' OR eventName LIKE 'Describe%' OR eventName LIKE 'Get%')",
      "  AND userIdentity.type <> 'AWSService'",
      'GROUP BY userIdentity.arn',
      'HAVING count(DISTINCT eventSource) >= {{services}} AND count(DISTINCT eventName) >= {{apis}}',
      'ORDER BY services DESC',
    ].join('\n'),
  },
];
