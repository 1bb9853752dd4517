import { RANGE, management, matchingCalls, param } from '../sql';
import type { Detection } from '../types';

const INGRESS = management('ec2.amazonaws.com', 'AuthorizeSecurityGroupIngress', 'ModifySecurityGroupRules');
const NACL = management('ec2.amazonaws.com', 'CreateNetworkAclEntry', 'ReplaceNetworkAclEntry');

// Request parameters keep nested objects as compact JSON, so the CIDR shows as "cidrIp":"0.0.0.0/0".
const ANYWHERE = `regexp_like(coalesce(${param('ipPermissions')}, '') || coalesce(${param('ModifySecurityGroupRulesRequest')}, ''), '"(cidrIp|CidrIpv4)":"0\\.0\\.0\\.0/0"|"(cidrIpv6|CidrIpv6)":"::/0"')`;

export const networkDetections: Detection[] = [
  {
    id: 'security-group-open-to-internet',
    title: 'Security group opened to the internet (0.0.0.0/0 or ::/0)',
    description:
      'An ingress rule from anywhere exposes instances to the whole internet — for SSH, RDP or databases an invitation to brute force and exploitation.',
    falsePositives: 'Public web servers on ports 80/443 behind a deliberate design.',
    severity: 'high',
    tactics: ['TA0005'],
    techniques: ['T1562.007'],
    events: [INGRESS],
    runbook: 'Check the ports in requestParameters; remove the rule unless the group fronts a public service, and look for connections in VPC flow logs.',
    parameters: [RANGE],
    sql: matchingCalls([INGRESS], ANYWHERE, [
      `coalesce(${param('groupId')}, ${param('groupName')}) AS securityGroup`,
      `${param('ipPermissions')} AS ipPermissions`,
    ]),
  },
  {
    id: 'network-acl-open-to-internet',
    title: 'Network ACL allows inbound traffic from anywhere',
    description: 'An inbound allow entry for 0.0.0.0/0 or ::/0 in a network ACL removes a subnet-wide layer of defence.',
    falsePositives: 'Public subnets whose ACLs allow all by design.',
    severity: 'medium',
    tactics: ['TA0005'],
    techniques: ['T1562.007'],
    events: [NACL],
    runbook: "Compare the entry with the subnet's intended exposure; replace it with narrower ranges.",
    parameters: [RANGE],
    sql: matchingCalls(
      [NACL],
      `${param('ruleAction')} = 'allow' AND ${param('egress')} = 'false' AND (${param('cidrBlock')} = '0.0.0.0/0' OR ${param('ipv6CidrBlock')} = '::/0')`,
      [`${param('networkAclId')} AS networkAclId`, `${param('ruleNumber')} AS ruleNumber`],
    ),
  },
];
