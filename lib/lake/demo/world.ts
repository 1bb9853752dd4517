/**
 * The fictional company behind the demo events ("Acme"): four AWS accounts, the regions they
 * use and the resources the events talk about. The world is fixed (built from its own
 * constant seed) so names and ids stay the same whatever seed the event stream uses,
 * which keeps demo queries such as `recipientAccountId = '731948260517'` stable.
 */
import { Rng } from './rng';

export interface Account {
  idx: number;
  id: string;
  alias: string;
}

export const ACCOUNTS: readonly Account[] = [
  { idx: 0, id: '404723918265', alias: 'acme-management' },
  { idx: 1, id: '731948260517', alias: 'acme-prod' },
  { idx: 2, id: '268150473912', alias: 'acme-staging' },
  { idx: 3, id: '590381726644', alias: 'acme-security' },
];
export const [MANAGEMENT, PROD, STAGING, SECURITY] = ACCOUNTS;

export const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-northeast-2', 'eu-central-1', 'us-east-2', 'ap-southeast-1'] as const;
export type Region = (typeof REGIONS)[number];

export interface SecurityGroup {
  id: string;
  name: string;
}
export interface Instance {
  id: string;
  name: string;
  type: string;
  ami: string;
  subnet: string;
  az: string;
  privateIp: string;
  sg: SecurityGroup;
}
export interface KmsKey {
  id: string;
  arn: string;
  alias: string;
}
export interface LambdaFn {
  name: string;
  arn: string;
  runtime: string;
  handler: string;
  role: string;
  memory: number;
  timeout: number;
  codeSha256: string;
}
export interface Secret {
  name: string;
  arn: string;
}

export interface RegionResources {
  account: Account;
  region: string;
  vpcId: string;
  subnets: string[];
  azs: string[];
  sgs: SecurityGroup[];
  instances: Instance[];
  amis: string[];
  keys: KmsKey[];
  functions: LambdaFn[];
  secrets: Secret[];
  trailArn: string;
  eventDataStoreArn: string;
}

export type BucketKind =
  'orders' | 'uploads' | 'thumbnails' | 'reports' | 'backups' | 'artifacts' | 'tfstate' | 'cloudtrail' | 'config' | 'findings' | 'billing';

export interface Bucket {
  name: string;
  region: string;
  account: Account;
  kind: BucketKind;
  kmsKeyArn: string | null;
  versioned: boolean;
}

export interface IamUserDef {
  name: string;
  principalId: string;
  accessKeyId: string;
  arn: string;
}
export interface RoleDef {
  name: string;
  path: string;
  roleId: string;
  arn: string;
}

export interface World {
  res(account: Account, region: string): RegionResources;
  buckets: Bucket[];
  bucketsOf(account: Account): Bucket[];
  bucket(name: string): Bucket;
  users(account: Account): IamUserDef[];
  user(account: Account, name: string): IamUserDef;
  roles(account: Account): RoleDef[];
  role(account: Account, name: string): RoleDef;
  /** Office NAT / VPN egress addresses. */
  officeIps: readonly string[];
}

const WORLD_SEED = 0x7ac3e;

export const IAM_USERS: Record<string, string[]> = {
  [MANAGEMENT.id]: ['alice.nguyen', 'ops-breakglass', 'terraform-bootstrap'],
  [PROD.id]: ['ci-deploy', 'legacy-reporting', 'backup-agent'],
  [STAGING.id]: ['dev.kim', 'j.smith', 'ci-deploy', 'qa-automation'],
  [SECURITY.id]: ['splunk-ingest', 'sec-tools-admin'],
};

const COMMON_ROLES: Array<[string, string]> = [
  ['OrganizationAccountAccessRole', '/'],
  ['SecurityAuditRole', '/'],
  ['github-actions-deploy', '/'],
  ['AWSServiceRoleForConfig', '/aws-service-role/config.amazonaws.com/'],
  ['AWSServiceRoleForAutoScaling', '/aws-service-role/autoscaling.amazonaws.com/'],
  ['AWSServiceRoleForSSO', '/aws-service-role/sso.amazonaws.com/'],
];
const ACCOUNT_ROLES: Record<string, Array<[string, string]>> = {
  [MANAGEMENT.id]: [['org-account-vending-role', '/service-role/']],
  [PROD.id]: [
    ['orders-api-instance-role', '/'],
    ['thumbnail-resizer-role', '/service-role/'],
    ['nightly-report-role', '/service-role/'],
    ['stripe-webhook-role', '/service-role/'],
    ['cdk-hnb659fds-cfn-exec-role-731948260517-us-east-1', '/'],
    ['datadog-integration', '/'],
  ],
  [STAGING.id]: [
    ['orders-api-instance-role', '/'],
    ['thumbnail-resizer-role', '/service-role/'],
    ['qa-runner-role', '/'],
  ],
  [SECURITY.id]: [
    ['guardduty-forwarder-role', '/service-role/'],
    ['splunk-reader-role', '/'],
  ],
};

/** SSO permission sets; the role suffix is a per-account hash as AWS generates it. */
export const PERMISSION_SETS = ['AdministratorAccess', 'PowerUserAccess', 'ReadOnlyAccess', 'SecurityAudit', 'ViewOnlyAccess'] as const;
export type PermissionSet = (typeof PERMISSION_SETS)[number];

const FUNCTIONS: Record<string, Array<[string, string, string]>> = {
  [MANAGEMENT.id]: [['org-account-vending', 'python3.12', 'org-account-vending-role']],
  [PROD.id]: [
    ['orders-api-handler', 'nodejs22.x', 'stripe-webhook-role'],
    ['thumbnail-resizer', 'python3.12', 'thumbnail-resizer-role'],
    ['nightly-report', 'python3.12', 'nightly-report-role'],
    ['stripe-webhook', 'nodejs22.x', 'stripe-webhook-role'],
  ],
  [STAGING.id]: [
    ['orders-api-handler', 'nodejs22.x', 'qa-runner-role'],
    ['thumbnail-resizer', 'python3.12', 'thumbnail-resizer-role'],
  ],
  [SECURITY.id]: [
    ['guardduty-findings-forwarder', 'python3.12', 'guardduty-forwarder-role'],
    ['config-remediation', 'python3.12', 'guardduty-forwarder-role'],
  ],
};

const INSTANCE_NAMES: Record<string, string[]> = {
  [MANAGEMENT.id]: ['ops-jumpbox'],
  [PROD.id]: ['orders-api-1', 'orders-api-2', 'orders-api-3', 'orders-worker-1', 'orders-worker-2', 'bastion'],
  [STAGING.id]: ['orders-api-stg-1', 'orders-worker-stg-1', 'qa-runner'],
  [SECURITY.id]: ['splunk-forwarder', 'prowler-runner'],
};

const BUCKETS: Array<[string, string, Account, BucketKind, boolean]> = [
  ['acme-prod-orders-data', 'us-east-1', PROD, 'orders', true],
  ['acme-prod-user-uploads', 'us-east-1', PROD, 'uploads', false],
  ['acme-prod-thumbnails', 'us-west-2', PROD, 'thumbnails', false],
  ['acme-prod-reports', 'eu-west-1', PROD, 'reports', true],
  ['acme-prod-backups', 'us-west-2', PROD, 'backups', true],
  ['acme-staging-artifacts', 'us-east-1', STAGING, 'artifacts', true],
  ['acme-staging-uploads', 'us-east-1', STAGING, 'uploads', false],
  ['acme-terraform-state', 'us-east-1', MANAGEMENT, 'tfstate', true],
  ['acme-billing-reports', 'us-east-1', MANAGEMENT, 'billing', false],
  ['acme-org-cloudtrail-logs', 'us-east-1', SECURITY, 'cloudtrail', true],
  ['acme-config-history', 'us-east-1', SECURITY, 'config', false],
  ['acme-security-findings', 'eu-west-1', SECURITY, 'findings', true],
];

export const OFFICE_IPS = ['211.60.50.190', '211.60.50.186', '62.31.148.29', '34.201.118.62'] as const;

let cached: World | null = null;

export function getWorld(): World {
  cached ??= buildWorld();
  return cached;
}

function buildWorld(): World {
  const rng = new Rng(WORLD_SEED);
  const resId = (prefix: string) => `${prefix}-0${rng.hex(16)}`;
  const resources = new Map<string, RegionResources>();

  const users = new Map<string, IamUserDef[]>();
  const roles = new Map<string, RoleDef[]>();
  for (const acct of ACCOUNTS) {
    users.set(
      acct.id,
      IAM_USERS[acct.id].map((name) => ({
        name,
        principalId: 'AIDA' + rng.keyChars(17),
        accessKeyId: 'AKIA' + rng.keyChars(16),
        arn: `arn:aws:iam::${acct.id}:user/${name}`,
      })),
    );
    const defs = [...COMMON_ROLES, ...ACCOUNT_ROLES[acct.id]];
    const ssoRoles: Array<[string, string]> = PERMISSION_SETS.map((ps) => [`AWSReservedSSO_${ps}_${rng.hex(16)}`, '/aws-reserved/sso.amazonaws.com/']);
    roles.set(
      acct.id,
      [...defs, ...ssoRoles].map(([name, path]) => ({
        name,
        path,
        roleId: 'AROA' + rng.keyChars(17),
        arn: `arn:aws:iam::${acct.id}:role${path}${name}`,
      })),
    );
  }

  for (const acct of ACCOUNTS) {
    for (const region of REGIONS) {
      const azs = ['a', 'b', 'c'].map((s) => region + s);
      const subnets = azs.map(() => resId('subnet'));
      const sgs: SecurityGroup[] = ['default', 'web-alb', 'app-servers', 'db-postgres', 'bastion-ssh'].map((name) => ({ id: resId('sg'), name }));
      const amis = [resId('ami'), resId('ami'), resId('ami')];
      const instances: Instance[] = INSTANCE_NAMES[acct.id].map((name, i) => ({
        id: resId('i'),
        name,
        type: name.startsWith('orders-api') ? 'm7i.large' : name === 'bastion' ? 't3.micro' : 'c7g.xlarge',
        ami: amis[i % amis.length],
        subnet: subnets[i % 3],
        az: azs[i % 3],
        privateIp: `10.${10 + acct.idx}.${(i % 3) * 16 + 1}.${rng.range(10, 250)}`,
        sg: sgs[name === 'bastion' ? 4 : 2],
      }));
      const keys: KmsKey[] = ['alias/app-data', 'alias/s3-default', 'alias/secrets', 'alias/ebs-default'].map((alias) => {
        const id = rng.uuid();
        return { id, alias, arn: `arn:aws:kms:${region}:${acct.id}:key/${id}` };
      });
      const functions: LambdaFn[] = FUNCTIONS[acct.id].map(([name, runtime, role]) => ({
        name,
        runtime,
        arn: `arn:aws:lambda:${region}:${acct.id}:function:${name}`,
        handler: runtime.startsWith('python') ? 'app.handler' : 'index.handler',
        role: roles.get(acct.id)!.find((r) => r.name === role)!.arn,
        memory: rng.pick([256, 512, 1024, 2048]),
        timeout: rng.pick([15, 30, 60, 300]),
        codeSha256: rng.base64(43) + '=',
      }));
      const secrets: Secret[] = ['prod/orders/db-credentials', 'prod/stripe/api-key', 'shared/datadog/api-key'].map((name) => ({
        name,
        arn: `arn:aws:secretsmanager:${region}:${acct.id}:secret:${name}-${rng.base64(6).replace(/[+/]/g, 'x')}`,
      }));
      resources.set(acct.id + region, {
        account: acct,
        region,
        vpcId: resId('vpc'),
        subnets,
        azs,
        sgs,
        instances,
        amis,
        keys,
        functions,
        secrets,
        trailArn: `arn:aws:cloudtrail:us-east-1:${MANAGEMENT.id}:trail/acme-org-trail`,
        eventDataStoreArn: `arn:aws:cloudtrail:${region}:${acct.id}:eventdatastore/${rng.uuid()}`,
      });
    }
  }

  const buckets: Bucket[] = BUCKETS.map(([name, region, account, kind, versioned]) => ({
    name,
    region,
    account,
    kind,
    versioned,
    kmsKeyArn: kind === 'orders' || kind === 'cloudtrail' || kind === 'backups' || kind === 'findings' ? resources.get(account.id + region)!.keys[1].arn : null,
  }));

  const byName = new Map(buckets.map((b) => [b.name, b]));
  const byAccount = new Map(ACCOUNTS.map((a) => [a.id, buckets.filter((b) => b.account === a)]));
  return {
    res(account, region) {
      const r = resources.get(account.id + region);
      if (!r) throw new Error(`no resources for ${account.id} ${region}`);
      return r;
    },
    buckets,
    bucketsOf: (account) => byAccount.get(account.id)!,
    bucket(name) {
      const b = byName.get(name);
      if (!b) throw new Error(`unknown bucket ${name}`);
      return b;
    },
    users: (account) => users.get(account.id)!,
    user(account, name) {
      const u = users.get(account.id)!.find((x) => x.name === name);
      if (!u) throw new Error(`unknown IAM user ${name} in ${account.alias}`);
      return u;
    },
    roles: (account) => roles.get(account.id)!,
    role(account, name) {
      const r = roles.get(account.id)!.find((x) => x.name === name || x.name.startsWith(`AWSReservedSSO_${name}_`));
      if (!r) throw new Error(`unknown role ${name} in ${account.alias}`);
      return r;
    },
    officeIps: OFFICE_IPS,
  };
}
