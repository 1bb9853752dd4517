/** STS, KMS and Secrets Manager APIs. */
import type { ApiSpec, Ctx, Json } from './catalog-types';
import { api, fail } from './define-api';
import { awsDate } from './time';
import type { RoleDef } from './world';

const STS = 'sts.amazonaws.com';
const KMS = 'kms.amazonaws.com';
const SECRETS = 'secretsmanager.amazonaws.com';

function stsHost(c: Ctx): void {
  c.host = c.region === 'us-east-1' && c.rng.chance(0.5) ? 'sts.amazonaws.com' : `sts.${c.region}.amazonaws.com`;
}

export const getCallerIdentity = api(STS, 'GetCallerIdentity', {
  ro: true,
  build(c) {
    stsHost(c);
    c.req = null;
  },
});

function credentials(c: Ctx, seconds: number): Json {
  return {
    accessKeyId: 'ASIA' + c.rng.keyChars(16),
    sessionToken: 'IQoJb3JpZ2luX2VjE' + c.blobs.take(c.rng, 360),
    expiration: awsDate(c.sec + seconds),
  };
}

export interface RoleTarget {
  role: RoleDef;
  session: string;
}

/** sts:AssumeRole of a role chosen by `target` (may be in another account). */
export function assumeRole(target: (c: Ctx) => RoleTarget): ApiSpec {
  return api(STS, 'AssumeRole', {
    ro: true,
    errors: [[fail('AccessDenied', (c) => `User: ${c.callerArn} is not authorized to perform: sts:AssumeRole on resource: ${c.target}`), 1]],
    errorRate: 0.02,
    build(c) {
      const { role, session } = target(c);
      const duration = c.rng.chance(0.7) ? 3600 : 900;
      stsHost(c);
      c.req = { roleArn: role.arn, roleSessionName: session, durationSeconds: duration };
      c.resp = {
        credentials: credentials(c, duration),
        assumedRoleUser: { assumedRoleId: `${role.roleId}:${session}`, arn: `arn:aws:sts::${role.arn.split(':')[4]}:assumed-role/${role.name}/${session}` },
      };
      c.resources = [{ accountId: role.arn.split(':')[4], type: 'AWS::IAM::Role', ARN: role.arn }];
      c.target = role.arn;
    },
  });
}

export const GITHUB_SUBJECTS = [
  'repo:acme-corp/infra:ref:refs/heads/main',
  'repo:acme-corp/orders-api:ref:refs/heads/main',
  'repo:acme-corp/orders-api:environment:production',
  'repo:acme-corp/thumbnail-resizer:ref:refs/heads/main',
];

export const assumeRoleWithWebIdentity = api(STS, 'AssumeRoleWithWebIdentity', {
  ro: true,
  errors: [[fail('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithWebIdentity'), 1]],
  errorRate: 0.02,
  build(c) {
    const role = c.world.role(c.acct, 'github-actions-deploy');
    stsHost(c);
    c.req = { roleArn: role.arn, roleSessionName: 'GitHubActions', durationSeconds: 3600 };
    c.resp = {
      credentials: credentials(c, 3600),
      subjectFromWebIdentityToken: c.callerName,
      assumedRoleUser: { assumedRoleId: `${role.roleId}:GitHubActions`, arn: `arn:aws:sts::${c.acct.id}:assumed-role/${role.name}/GitHubActions` },
      provider: `arn:aws:iam::${c.acct.id}:oidc-provider/token.actions.githubusercontent.com`,
      audience: 'sts.amazonaws.com',
    };
    c.resources = [{ accountId: c.acct.id, type: 'AWS::IAM::Role', ARN: role.arn }];
  },
});

export type KmsUse = 's3' | 'secrets' | 'lambda' | 'ebs' | 'app' | 'cloudtrail';
const KEY_FOR: Record<KmsUse, number> = { app: 0, lambda: 0, s3: 1, cloudtrail: 1, secrets: 2, ebs: 3 };

const kmsBuckets = new Map<string, string[]>();
function encryptionContext(c: Ctx, use: KmsUse): Json {
  switch (use) {
    case 's3': {
      let names = kmsBuckets.get(c.acct.id);
      if (!names) {
        names = c.world
          .bucketsOf(c.acct)
          .filter((b) => b.kmsKeyArn)
          .map((b) => b.name);
        if (!names.length) names = [`${c.acct.alias}-data`];
        kmsBuckets.set(c.acct.id, names);
      }
      return { 'aws:s3:arn': `arn:aws:s3:::${c.rng.pick(names)}` };
    }
    case 'secrets':
      return { SecretARN: c.rng.pick(c.res.secrets).arn, SecretVersionId: c.rng.uuid() };
    case 'lambda':
      return { 'aws:lambda:FunctionArn': c.rng.pick(c.res.functions).arn };
    case 'ebs':
      return { 'aws:ebs:id': `vol-0${c.rng.hex(16)}` };
    case 'app':
      return { service: 'orders-api', purpose: c.rng.pick(['pii-field', 'payment-token', 'session']) };
    case 'cloudtrail':
      return {
        'aws:cloudtrail:arn': c.res.trailArn,
        'aws:s3:arn': `arn:aws:s3:::acme-org-cloudtrail-logs/AWSLogs/o-7h2kq9x4ma/${c.rng.pick(['404723918265', '731948260517', '268150473912', '590381726644'])}/CloudTrail/${c.region}/${c.iso.slice(0, 4)}/${c.iso.slice(5, 7)}/${c.iso.slice(8, 10)}/`,
      };
  }
}

/** Decrypt / GenerateDataKey / Encrypt for one kind of data-key use. */
export function kmsCrypto(name: 'Decrypt' | 'GenerateDataKey' | 'Encrypt', use: KmsUse): ApiSpec {
  return api(KMS, name, {
    ro: true,
    errors: name === 'Decrypt' ? [[fail('InvalidCiphertextException', ''), 1]] : undefined,
    errorRate: 0.002,
    build(c) {
      const key = c.res.keys[KEY_FOR[use]];
      const ec = encryptionContext(c, use);
      if (name === 'Decrypt')
        c.req = c.rng.chance(0.5)
          ? { encryptionAlgorithm: 'SYMMETRIC_DEFAULT', encryptionContext: ec }
          : { keyId: key.arn, encryptionAlgorithm: 'SYMMETRIC_DEFAULT', encryptionContext: ec };
      else if (name === 'GenerateDataKey')
        c.req = { keyId: use === 's3' || use === 'cloudtrail' ? key.arn : key.alias, keySpec: 'AES_256', encryptionContext: ec };
      else c.req = { keyId: key.alias, encryptionAlgorithm: 'SYMMETRIC_DEFAULT', encryptionContext: ec };
      c.resources = [{ accountId: c.acct.id, type: 'AWS::KMS::Key', ARN: key.arn }];
    },
  });
}

function keyOp(name: string, ro: boolean, extra?: (c: Ctx, keyArn: string) => void) {
  return api(KMS, name, {
    ro,
    build(c) {
      const key = c.rng.pick(c.res.keys);
      c.req = { keyId: c.rng.chance(0.5) ? key.arn : key.id };
      c.resources = [{ accountId: c.acct.id, type: 'AWS::KMS::Key', ARN: key.arn }];
      extra?.(c, key.arn);
    },
  });
}

export const describeKey = keyOp('DescribeKey', true);
export const getKeyRotationStatus = keyOp('GetKeyRotationStatus', true);
export const getKeyPolicy = keyOp('GetKeyPolicy', true, (c) => {
  (c.req as Json).policyName = 'default';
});
export const disableKey = keyOp('DisableKey', false);
export const scheduleKeyDeletion = keyOp('ScheduleKeyDeletion', false, (c, arn) => {
  const days = c.rng.chance(0.5) ? 7 : 30;
  (c.req as Json).pendingWindowInDays = days;
  c.resp = { keyId: arn, deletionDate: awsDate(c.sec - (c.sec % 86400) + (days + 1) * 86400), keyState: 'PendingDeletion', pendingWindowInDays: days };
});
export const listKeys = api(KMS, 'ListKeys', {
  ro: true,
  build(c) {
    c.req = c.rng.chance(0.5) ? null : { limit: 1000 };
  },
});
export const listAliases = api(KMS, 'ListAliases', {
  ro: true,
  build(c) {
    c.req = null;
  },
});

export const createKey = api(KMS, 'CreateKey', {
  ro: false,
  build(c) {
    const id = c.rng.uuid();
    const arn = `arn:aws:kms:${c.region}:${c.acct.id}:key/${id}`;
    const description = c.rng.pick(['orders PII encryption', 'etl pipeline key', 'backup vault key']);
    c.req = {
      description,
      keyUsage: 'ENCRYPT_DECRYPT',
      keySpec: 'SYMMETRIC_DEFAULT',
      origin: 'AWS_KMS',
      bypassPolicyLockoutSafetyCheck: false,
      multiRegion: false,
      tags: [{ tagKey: 'team', tagValue: 'platform' }],
    };
    c.resp = {
      keyMetadata: {
        aWSAccountId: c.acct.id,
        keyId: id,
        arn,
        creationDate: awsDate(c.sec),
        enabled: true,
        description,
        keyUsage: 'ENCRYPT_DECRYPT',
        keyState: 'Enabled',
        origin: 'AWS_KMS',
        keyManager: 'CUSTOMER',
        customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
        keySpec: 'SYMMETRIC_DEFAULT',
        encryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
        multiRegion: false,
      },
    };
    c.resources = [{ accountId: c.acct.id, type: 'AWS::KMS::Key', ARN: arn }];
  },
});

export const getSecretValue = api(SECRETS, 'GetSecretValue', {
  ro: true,
  errors: [[fail('ResourceNotFoundException', "Secrets Manager can't find the specified secret."), 1]],
  errorRate: 0.01,
  build(c) {
    const s = c.rng.pick(c.res.secrets);
    c.req = { secretId: c.rng.chance(0.6) ? s.arn : s.name };
    c.target = s.arn;
  },
});

export const listSecrets = api(SECRETS, 'ListSecrets', {
  ro: true,
  build(c) {
    c.req = { maxResults: 100 };
  },
});
export const describeSecret = api(SECRETS, 'DescribeSecret', {
  ro: true,
  build(c) {
    const s = c.rng.pick(c.res.secrets);
    c.req = { secretId: s.arn };
    c.target = s.arn;
  },
});
