/** IAM APIs. IAM is global: CloudTrail records every call in us-east-1. */
import type { Ctx, Json } from './catalog-types';
import { api, fail } from './define-api';
import { awsDate } from './time';

const IAM = 'iam.amazonaws.com';

const AWS_POLICIES = [
  'arn:aws:iam::aws:policy/ReadOnlyAccess',
  'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
  'arn:aws:iam::aws:policy/AmazonS3FullAccess',
  'arn:aws:iam::aws:policy/AmazonEC2FullAccess',
  'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
  'arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy',
  'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
  'arn:aws:iam::aws:policy/AdministratorAccess',
  'arn:aws:iam::aws:policy/IAMFullAccess',
  'arn:aws:iam::aws:policy/SecurityAudit',
];
const NEW_USERS = ['contractor-lee', 'svc-metabase', 'svc-airflow', 'intern.choi', 'temp-vendor-access', 'svc-backup-v2', 'r.ortiz', 'svc-grafana'];
const NEW_ROLES = ['data-pipeline-role', 'etl-glue-role', 'metrics-exporter-role', 'ecs-task-orders', 'vendor-audit-role'];

/** Existing user most of the time, occasionally a name that is gone (→ NoSuchEntity). */
const userName = (c: Ctx) => (c.rng.chance(0.9) ? c.rng.pick(c.world.users(c.acct)).name : c.rng.pick(NEW_USERS));
const roleName = (c: Ctx) => c.rng.pick(c.world.roles(c.acct)).name;
/** AWS policies are far more common, then the account's own. */
const policyArn = (c: Ctx) =>
  c.rng.chance(0.75)
    ? c.rng.pick(AWS_POLICIES)
    : `arn:aws:iam::${c.acct.id}:policy/${c.rng.pick(['orders-data-access', 'ci-deploy-boundary', 'kms-app-decrypt'])}`;
const userArn = (c: Ctx, name: string) => `arn:aws:iam::${c.acct.id}:user/${name}`;
const roleArn = (c: Ctx, name: string) => `arn:aws:iam::${c.acct.id}:role/${name}`;

const noSuchUser = fail('NoSuchEntity', (c) => `The user with name ${(c.req as Json).userName} cannot be found.`);
const noSuchRole = fail('NoSuchEntity', (c) => `The role with name ${(c.req as Json).roleName} cannot be found.`);
const throttled = fail('Throttling', 'Rate exceeded');

function byUser(name: string, extra?: (c: Ctx) => Json) {
  return api(IAM, name, {
    ro: true,
    global: true,
    errors: [[noSuchUser, 1]],
    errorRate: 0.06,
    build(c) {
      const u = userName(c);
      c.req = extra ? { userName: u, ...extra(c) } : { userName: u };
      c.target = userArn(c, u);
    },
  });
}

function byRole(name: string) {
  return api(IAM, name, {
    ro: true,
    global: true,
    errors: [
      [noSuchRole, 3],
      [throttled, 1],
    ],
    errorRate: 0.02,
    build(c) {
      const r = roleName(c);
      c.req = { roleName: r };
      c.target = roleArn(c, r);
    },
  });
}

export const getUser = byUser('GetUser');
export const listAccessKeys = byUser('ListAccessKeys');
export const listMFADevices = byUser('ListMFADevices');
export const listGroupsForUser = byUser('ListGroupsForUser');
export const getRole = byRole('GetRole');
export const listAttachedRolePolicies = byRole('ListAttachedRolePolicies');
export const listRolePolicies = byRole('ListRolePolicies');

export const listUsers = api(IAM, 'ListUsers', {
  ro: true,
  global: true,
  build(c) {
    c.req = c.rng.chance(0.7) ? null : { maxItems: 1000 };
  },
});
export const listRoles = api(IAM, 'ListRoles', {
  ro: true,
  global: true,
  build(c) {
    c.req = c.rng.chance(0.6) ? null : { maxItems: 1000 };
  },
});
export const listPolicies = api(IAM, 'ListPolicies', {
  ro: true,
  global: true,
  build(c) {
    c.req = { scope: 'Local', onlyAttached: false, maxItems: 100 };
  },
});
export const getAccountSummary = api(IAM, 'GetAccountSummary', {
  ro: true,
  global: true,
  build(c) {
    c.req = null;
  },
});
export const getAccountPasswordPolicy = api(IAM, 'GetAccountPasswordPolicy', {
  ro: true,
  global: true,
  // Two of the four accounts never set one, so a scanner sees this error often.
  errors: [[fail('NoSuchEntity', (c) => `The Password Policy with domain name ${c.acct.id} cannot be found.`), 1]],
  errorRate: 0.5,
  build(c) {
    c.req = null;
  },
});
export const getAccountAuthorizationDetails = api(IAM, 'GetAccountAuthorizationDetails', {
  ro: true,
  global: true,
  build(c) {
    c.req = { filter: ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] };
  },
});

export const getPolicy = api(IAM, 'GetPolicy', {
  ro: true,
  global: true,
  build(c) {
    const p = policyArn(c);
    c.req = { policyArn: p };
    c.target = p;
  },
});
export const getPolicyVersion = api(IAM, 'GetPolicyVersion', {
  ro: true,
  global: true,
  build(c) {
    const p = policyArn(c);
    c.req = { policyArn: p, versionId: `v${c.rng.range(1, 6)}` };
    c.target = p;
  },
});

export const createUser = api(IAM, 'CreateUser', {
  ro: false,
  global: true,
  errors: [[fail('EntityAlreadyExists', (c) => `User with name ${(c.req as Json).userName} already exists.`), 1]],
  errorRate: 0.05,
  build(c) {
    const name = c.rng.pick(NEW_USERS);
    const tags = [{ key: 'created-by', value: c.callerName }];
    c.req = { userName: name, tags };
    c.resp = { user: { path: '/', userName: name, userId: 'AIDA' + c.rng.keyChars(17), arn: userArn(c, name), createDate: awsDate(c.sec), tags } };
    c.target = userArn(c, name);
  },
});

export const deleteUser = api(IAM, 'DeleteUser', {
  ro: false,
  global: true,
  errors: [
    [fail('DeleteConflict', 'Cannot delete entity, must delete login profile first.'), 2],
    [noSuchUser, 1],
  ],
  errorRate: 0.15,
  build(c) {
    const name = c.rng.pick(NEW_USERS);
    c.req = { userName: name };
    c.target = userArn(c, name);
  },
});

export const createLoginProfile = api(IAM, 'CreateLoginProfile', {
  ro: false,
  global: true,
  build(c) {
    const name = c.rng.pick(NEW_USERS);
    c.req = { userName: name, passwordResetRequired: true };
    c.resp = { loginProfile: { userName: name, createDate: awsDate(c.sec), passwordResetRequired: true } };
    c.target = userArn(c, name);
  },
});

export const createAccessKey = api(IAM, 'CreateAccessKey', {
  ro: false,
  global: true,
  errors: [[fail('LimitExceeded', 'Cannot exceed quota for AccessKeysPerUser: 2'), 1]],
  errorRate: 0.06,
  build(c) {
    const name = c.rng.chance(0.6) ? c.rng.pick(c.world.users(c.acct)).name : c.rng.pick(NEW_USERS);
    c.req = { userName: name };
    c.resp = { accessKey: { userName: name, accessKeyId: 'AKIA' + c.rng.keyChars(16), status: 'Active', createDate: awsDate(c.sec) } };
    c.target = userArn(c, name);
  },
});

export const deleteAccessKey = api(IAM, 'DeleteAccessKey', {
  ro: false,
  global: true,
  errors: [[fail('NoSuchEntity', (c) => `The Access Key with id ${(c.req as Json).accessKeyId} cannot be found.`), 1]],
  errorRate: 0.05,
  build(c) {
    const u = c.rng.pick(c.world.users(c.acct));
    c.req = { userName: u.name, accessKeyId: 'AKIA' + c.rng.keyChars(16) };
    c.target = u.arn;
  },
});

export const updateAccessKey = api(IAM, 'UpdateAccessKey', {
  ro: false,
  global: true,
  build(c) {
    const u = c.rng.pick(c.world.users(c.acct));
    c.req = { userName: u.name, accessKeyId: u.accessKeyId, status: 'Inactive' };
    c.target = u.arn;
  },
});

function attach(name: 'AttachRolePolicy' | 'DetachRolePolicy' | 'AttachUserPolicy') {
  const onUser = name === 'AttachUserPolicy';
  return api(IAM, name, {
    ro: false,
    global: true,
    errors: [[onUser ? noSuchUser : noSuchRole, 1]],
    errorRate: 0.03,
    build(c) {
      const who = onUser ? c.rng.pick(NEW_USERS) : roleName(c);
      c.req = onUser ? { userName: who, policyArn: policyArn(c) } : { roleName: who, policyArn: policyArn(c) };
      c.target = onUser ? userArn(c, who) : roleArn(c, who);
    },
  });
}
export const attachRolePolicy = attach('AttachRolePolicy');
export const detachRolePolicy = attach('DetachRolePolicy');
export const attachUserPolicy = attach('AttachUserPolicy');

function inlinePolicy(c: Ctx): string {
  const bucket = c.rng.pick(c.world.buckets).name;
  const action = c.rng.pick([['s3:GetObject', 's3:PutObject'], ['s3:*'], ['kms:Decrypt'], ['sqs:SendMessage', 'sqs:ReceiveMessage']]);
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: action, Resource: action[0].startsWith('s3') ? [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`] : '*' }],
  });
}

export const putRolePolicy = api(IAM, 'PutRolePolicy', {
  ro: false,
  global: true,
  errors: [
    [noSuchRole, 1],
    [fail('MalformedPolicyDocument', 'Syntax errors in policy.'), 1],
  ],
  errorRate: 0.03,
  build(c) {
    const r = roleName(c);
    c.req = { roleName: r, policyName: c.rng.pick(['inline-s3-access', 'allow-kms-decrypt', 'queue-access', 'ci-extra']), policyDocument: inlinePolicy(c) };
    c.target = roleArn(c, r);
  },
});

export const putUserPolicy = api(IAM, 'PutUserPolicy', {
  ro: false,
  global: true,
  build(c) {
    const u = c.rng.pick(NEW_USERS);
    c.req = { userName: u, policyName: 'inline-access', policyDocument: inlinePolicy(c) };
    c.target = userArn(c, u);
  },
});

function trustPolicy(c: Ctx, service: boolean): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: service
          ? { Service: c.rng.pick(['lambda.amazonaws.com', 'ec2.amazonaws.com', 'ecs-tasks.amazonaws.com', 'glue.amazonaws.com']) }
          : { AWS: `arn:aws:iam::${c.rng.pick(['404723918265', '819273645501'])}:root` },
        Action: 'sts:AssumeRole',
      },
    ],
  });
}

export const createRole = api(IAM, 'CreateRole', {
  ro: false,
  global: true,
  errors: [[fail('EntityAlreadyExists', (c) => `Role with name ${(c.req as Json).roleName} already exists.`), 1]],
  errorRate: 0.05,
  build(c) {
    const name = c.rng.pick(NEW_ROLES);
    const doc = trustPolicy(c, c.rng.chance(0.85));
    c.req = { roleName: name, assumeRolePolicyDocument: doc, maxSessionDuration: 3600 };
    c.resp = {
      role: {
        path: '/',
        roleName: name,
        roleId: 'AROA' + c.rng.keyChars(17),
        arn: roleArn(c, name),
        createDate: awsDate(c.sec),
        assumeRolePolicyDocument: encodeURIComponent(doc),
      },
    };
    c.target = roleArn(c, name);
  },
});

export const updateAssumeRolePolicy = api(IAM, 'UpdateAssumeRolePolicy', {
  ro: false,
  global: true,
  build(c) {
    const r = roleName(c);
    c.req = { roleName: r, policyDocument: trustPolicy(c, c.rng.chance(0.5)) };
    c.target = roleArn(c, r);
  },
});

export const addUserToGroup = api(IAM, 'AddUserToGroup', {
  ro: false,
  global: true,
  build(c) {
    const u = c.rng.pick(NEW_USERS);
    c.req = { groupName: c.rng.pick(['developers', 'readonly', 'admins', 'oncall']), userName: u };
    c.target = userArn(c, u);
  },
});
