import { ACTOR, RANGE, management, matchingCalls, param } from '../sql';
import type { Detection } from '../types';

const IAM = 'iam.amazonaws.com';
const CREATE_USER = management(IAM, 'CreateUser');
const CREATE_KEY = management(IAM, 'CreateAccessKey');
const LOGIN_PROFILE = management(IAM, 'CreateLoginProfile', 'UpdateLoginProfile');
const ATTACH = management(IAM, 'AttachUserPolicy', 'AttachGroupPolicy', 'AttachRolePolicy');
const INLINE = management(IAM, 'PutUserPolicy', 'PutGroupPolicy', 'PutRolePolicy');
const POLICY_VERSION = management(IAM, 'CreatePolicyVersion', 'SetDefaultPolicyVersion');
const ADD_TO_GROUP = management(IAM, 'AddUserToGroup');
const MFA = management(IAM, 'DeactivateMFADevice', 'DeleteVirtualMFADevice');
const TRUST = management(IAM, 'UpdateAssumeRolePolicy');
const PROVIDERS = management(
  IAM,
  'CreateSAMLProvider',
  'UpdateSAMLProvider',
  'CreateOpenIDConnectProvider',
  'AddClientIDToOpenIDConnectProvider',
  'UpdateOpenIDConnectProviderThumbprint',
);

const PERSISTENCE = ['TA0003', 'TA0004'] as const;
/** The target user is someone other than the caller (IAM users acting on themselves are routine). */
const OTHER_USER = `${param('userName')} IS NOT NULL AND ${param('userName')} <> coalesce(userIdentity.userName, '')`;
// A policy statement allowing every action: "Action": "*" (or ["*", ...]) in the document's JSON text.
const ALLOWS_ALL_ACTIONS = `regexp_like(${param('policyDocument')}, '"Action"\\s*:\\s*\\[?\\s*"\\*"')`;

export const iamDetections: Detection[] = [
  {
    id: 'iam-user-created',
    title: 'IAM user created',
    description: 'A new IAM user is a durable foothold: long-term credentials outside the usual single sign-on path.',
    falsePositives: 'Accounts created by the identity team or by infrastructure code (add their principals to the exclusions).',
    severity: 'low',
    tactics: ['TA0003'],
    techniques: ['T1136.003'],
    events: [CREATE_USER],
    runbook: 'Confirm the user was requested; check whether keys, a login profile or policies were added to it next.',
    parameters: [
      RANGE,
      {
        name: 'excludedPrincipals',
        type: 'multiSelect',
        of: 'arn',
        label: 'Principals that create users routinely',
        default: ['arn:aws:iam::111122223333:role/identity-provisioner'],
      },
    ],
    sql: matchingCalls([CREATE_USER], `${ACTOR} NOT IN {{excludedPrincipals}}`, [`${param('userName')} AS newUser`]),
  },
  {
    id: 'access-key-created-for-another-user',
    title: 'Access key created for another IAM user',
    description: 'Creating an access key for someone else gives the caller a second, less watched set of credentials for that user.',
    falsePositives: 'Administrators issuing keys for service users.',
    severity: 'medium',
    tactics: PERSISTENCE,
    techniques: ['T1098.001'],
    events: [CREATE_KEY],
    runbook: "Ask the key's owner whether they requested it; deactivate it if not, and check its use by the access key ID in responseElements.",
    parameters: [RANGE],
    sql: matchingCalls([CREATE_KEY], OTHER_USER, [`${param('userName')} AS targetUser`]),
  },
  {
    id: 'login-profile-created-for-another-user',
    title: 'Console password set for another IAM user',
    description: "CreateLoginProfile or UpdateLoginProfile on someone else's user gives the caller console access as that user.",
    falsePositives: 'Help-desk password resets by administrators.',
    severity: 'medium',
    tactics: PERSISTENCE,
    techniques: ['T1098.001'],
    events: [LOGIN_PROFILE],
    runbook: "Confirm the reset with the user; if unrequested, delete the login profile and review the user's console sessions.",
    parameters: [RANGE],
    sql: matchingCalls([LOGIN_PROFILE], OTHER_USER, [`${param('userName')} AS targetUser`]),
  },
  {
    id: 'admin-policy-attached',
    title: 'Administrator policy attached to a user, group or role',
    description: 'Attaching AdministratorAccess (or another listed powerful managed policy) grants full control of the account.',
    falsePositives: 'Granting admin to a new administrator through the usual process.',
    severity: 'high',
    tactics: PERSISTENCE,
    techniques: ['T1098.003'],
    events: [ATTACH],
    runbook: "Confirm the grant with the identity owner; detach the policy if unexpected and review the grantee's recent calls.",
    parameters: [
      RANGE,
      {
        name: 'policies',
        type: 'multiSelect',
        of: 'arn',
        label: 'Powerful managed policies',
        default: ['arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:iam::aws:policy/IAMFullAccess', 'arn:aws:iam::aws:policy/PowerUserAccess'],
      },
    ],
    sql: matchingCalls([ATTACH], `${param('policyArn')} IN {{policies}}`, [
      `${param('policyArn')} AS policyArn`,
      `coalesce(${param('userName')}, ${param('groupName')}, ${param('roleName')}) AS grantee`,
    ]),
  },
  {
    id: 'inline-policy-allows-all-actions',
    title: 'Inline policy allowing every action added',
    description: 'An inline policy with "Action": "*" is administrator access that does not show up as an attached managed policy.',
    falsePositives: 'Break-glass roles defined with inline policies.',
    severity: 'high',
    tactics: PERSISTENCE,
    techniques: ['T1098.003'],
    events: [INLINE],
    runbook: 'Read the policy document in requestParameters; delete the inline policy unless it is an approved break-glass grant.',
    parameters: [RANGE],
    sql: matchingCalls([INLINE], ALLOWS_ALL_ACTIONS, [
      `${param('policyName')} AS policyName`,
      `coalesce(${param('userName')}, ${param('groupName')}, ${param('roleName')}) AS grantee`,
    ]),
  },
  {
    id: 'policy-default-version-changed',
    title: 'Managed policy default version changed',
    description:
      'A new default version of a customer managed policy changes the permissions of everyone it is attached to at once — a known privilege escalation path (iam:CreatePolicyVersion).',
    falsePositives: 'Policy updates deployed by infrastructure code.',
    severity: 'medium',
    tactics: PERSISTENCE,
    techniques: ['T1098.003'],
    events: [POLICY_VERSION],
    runbook: 'Diff the new version against the previous one (GetPolicyVersion); roll back with SetDefaultPolicyVersion if it widened access.',
    parameters: [RANGE],
    sql: matchingCalls([POLICY_VERSION], `(eventName = 'SetDefaultPolicyVersion' OR ${param('setAsDefault')} = 'true')`, [
      `${param('policyArn')} AS policyArn`,
    ]),
  },
  {
    id: 'user-added-to-admin-group',
    title: 'User added to an administrators group',
    description: "Adding a user to a privileged group grants the group's permissions without touching any policy.",
    falsePositives: 'Onboarding of new administrators.',
    severity: 'high',
    tactics: PERSISTENCE,
    techniques: ['T1098.003'],
    events: [ADD_TO_GROUP],
    runbook: 'Confirm the membership with the group owner; remove the user if unexpected.',
    parameters: [RANGE, { name: 'groups', type: 'multiSelect', label: 'Privileged groups', default: ['Admins', 'Administrators'] }],
    sql: matchingCalls([ADD_TO_GROUP], `${param('groupName')} IN {{groups}}`, [`${param('groupName')} AS groupName`, `${param('userName')} AS member`]),
  },
  {
    id: 'mfa-device-deactivated',
    title: 'MFA device deactivated or deleted',
    description: "Removing a user's MFA device lets a stolen password alone sign in, and is often a step before registering the adversary's own device.",
    falsePositives: 'Users replacing a lost or new phone.',
    severity: 'medium',
    tactics: ['TA0006', 'TA0005', 'TA0003'],
    techniques: ['T1556.006'],
    events: [MFA],
    runbook: 'Confirm with the user; check whether a new MFA device was enabled and from where the next sign-in came.',
    parameters: [RANGE],
    sql: matchingCalls([MFA], '', [`coalesce(${param('userName')}, userIdentity.userName) AS user`, `${param('serialNumber')} AS device`]),
  },
  {
    id: 'role-trust-policy-external-account',
    title: 'Role trust policy opened to an external account or anyone',
    description:
      'Adding an outside account (or "*") to a role\'s trust policy lets that account assume the role: a backdoor that survives credential rotation.',
    falsePositives: 'Planned cross-account access for a partner or a new account of the organization (add it to the trusted accounts).',
    severity: 'high',
    tactics: PERSISTENCE,
    techniques: ['T1098', 'T1484.002'],
    events: [TRUST],
    runbook: 'Read the new trust policy; remove unknown principals and check AssumeRole calls into the role since the change.',
    parameters: [RANGE, { name: 'trustedAccounts', type: 'multiSelect', of: 'accountId', label: 'Trusted outside accounts', default: ['000000000000'] }],
    sql: matchingCalls(
      [TRUST],
      `(any_match(regexp_extract_all(${param('policyDocument')}, '[0-9]{12}'), a -> a <> recipientAccountId AND a NOT IN {{trustedAccounts}})` +
        ` OR regexp_like(${param('policyDocument')}, '"(AWS|Principal)"\\s*:\\s*"\\*"'))`,
      [`${param('roleName')} AS roleName`, `${param('policyDocument')} AS policyDocument`],
    ),
  },
  {
    id: 'identity-provider-changed',
    title: 'SAML or OIDC identity provider created or changed',
    description: 'A new or modified federation provider lets whoever controls it mint sessions for any role that trusts it (a "golden SAML" style backdoor).',
    falsePositives: "Setting up or rotating the certificate of the organization's real identity provider.",
    severity: 'high',
    tactics: ['TA0005', 'TA0004'],
    techniques: ['T1484.002'],
    events: [PROVIDERS],
    runbook: "Check the provider's metadata or URL against the organization's identity provider; delete unknown providers and the trusts that name them.",
    parameters: [RANGE],
    sql: matchingCalls([PROVIDERS], '', [
      `coalesce(${param('name')}, ${param('url')}, ${param('sAMLProviderArn')}, ${param('openIDConnectProviderArn')}) AS provider`,
    ]),
  },
];
