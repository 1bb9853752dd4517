/**
 * The MITRE ATT&CK (Enterprise) tactics and techniques the library maps to, with their names as
 * ATT&CK publishes them and the tactics each technique serves. Only what detections use.
 */
export const TACTICS = {
  TA0001: 'Initial Access',
  TA0003: 'Persistence',
  TA0004: 'Privilege Escalation',
  TA0005: 'Defense Evasion',
  TA0006: 'Credential Access',
  TA0007: 'Discovery',
  TA0009: 'Collection',
  TA0010: 'Exfiltration',
  TA0040: 'Impact',
  TA0002: 'Execution',
} as const;
export type TacticId = keyof typeof TACTICS;

interface Technique {
  name: string;
  tactics: readonly TacticId[];
}

const VALID_ACCOUNTS: readonly TacticId[] = ['TA0001', 'TA0003', 'TA0004', 'TA0005'];

export const TECHNIQUES = {
  'T1078.004': { name: 'Valid Accounts: Cloud Accounts', tactics: VALID_ACCOUNTS },
  T1098: { name: 'Account Manipulation', tactics: ['TA0003', 'TA0004'] },
  'T1098.001': { name: 'Account Manipulation: Additional Cloud Credentials', tactics: ['TA0003', 'TA0004'] },
  'T1098.003': { name: 'Account Manipulation: Additional Cloud Roles', tactics: ['TA0003', 'TA0004'] },
  'T1136.003': { name: 'Create Account: Cloud Account', tactics: ['TA0003'] },
  'T1110.001': { name: 'Brute Force: Password Guessing', tactics: ['TA0006'] },
  'T1110.003': { name: 'Brute Force: Password Spraying', tactics: ['TA0006'] },
  'T1556.006': { name: 'Modify Authentication Process: Multi-Factor Authentication', tactics: ['TA0006', 'TA0005', 'TA0003'] },
  'T1484.002': { name: 'Domain or Tenant Policy Modification: Trust Modification', tactics: ['TA0005', 'TA0004'] },
  'T1548.005': { name: 'Abuse Elevation Control Mechanism: Temporary Elevated Cloud Access', tactics: ['TA0004', 'TA0005'] },
  'T1562.001': { name: 'Impair Defenses: Disable or Modify Tools', tactics: ['TA0005'] },
  'T1562.007': { name: 'Impair Defenses: Disable or Modify Cloud Firewall', tactics: ['TA0005'] },
  'T1562.008': { name: 'Impair Defenses: Disable or Modify Cloud Logs', tactics: ['TA0005'] },
  T1530: { name: 'Data from Cloud Storage', tactics: ['TA0009'] },
  T1537: { name: 'Transfer Data to Cloud Account', tactics: ['TA0010'] },
  T1485: { name: 'Data Destruction', tactics: ['TA0040'] },
  T1490: { name: 'Inhibit System Recovery', tactics: ['TA0040'] },
  T1496: { name: 'Resource Hijacking', tactics: ['TA0040'] },
  T1535: { name: 'Unused/Unsupported Cloud Regions', tactics: ['TA0005'] },
  T1580: { name: 'Cloud Infrastructure Discovery', tactics: ['TA0007'] },
  T1526: { name: 'Cloud Service Discovery', tactics: ['TA0007'] },
  'T1555.006': { name: 'Credentials from Password Stores: Cloud Secrets Management Stores', tactics: ['TA0006'] },
  T1651: { name: 'Cloud Administration Command', tactics: ['TA0002'] },
} as const satisfies Record<string, Technique>;
export type TechniqueId = keyof typeof TECHNIQUES;

export const attackUrl = (id: TechniqueId) => `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`;
