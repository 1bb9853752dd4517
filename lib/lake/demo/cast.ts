/**
 * The cast: every principal that appears in the demo trail, with how much traffic it makes,
 * when, from where, with which client, and what it does.
 */
import type { Ctx } from './catalog-types';
import {
  boto3Client,
  BROWSERS,
  cliClient,
  consoleClient,
  fixedIp,
  githubClient,
  githubRunnerIps,
  javaClient,
  natIps,
  ON_PREM_DC_IP,
  personIps,
  serviceClient,
  terraformClient,
  type Client,
  type IpSource,
} from './clients';
import type { Actor, IdentityKind } from './identities';
import * as P from './personas';
import { Picker, weighted, type Rng } from './rng';
import { getWorld, MANAGEMENT, PROD, SECURITY, STAGING, type Account, type PermissionSet } from './world';

const PRIMARY = weighted(['us-east-1', 55], ['us-west-2', 28], ['eu-west-1', 17]);
const PEOPLE = weighted(['us-east-1', 55], ['us-west-2', 18], ['eu-west-1', 14], ['ap-northeast-2', 9], ['eu-central-1', 2], ['us-east-2', 2]);
const EVERYWHERE = weighted(
  ['us-east-1', 22],
  ['us-west-2', 17],
  ['eu-west-1', 17],
  ['ap-northeast-2', 11],
  ['eu-central-1', 11],
  ['us-east-2', 11],
  ['ap-southeast-1', 11],
);
const STAGING_REGIONS = weighted(['us-east-1', 75], ['us-west-2', 25]);
const US_EAST_1 = weighted(['us-east-1', 1]);
const THUMBNAIL_REGIONS = weighted(['us-east-1', 70], ['us-west-2', 30]);

const HOUR = 3600;
const SIEM_IP = '203.246.112.20';
const GITHUB_PROVIDER = (a: Account) => `arn:aws:iam::${a.id}:oidc-provider/token.actions.githubusercontent.com`;

type Def = Pick<Actor, 'label' | 'kind' | 'account' | 'weight' | 'actions' | 'regions' | 'clients' | 'ips'> & Partial<Actor>;

const only = (c: Client) => new Picker<Client>([[c, 1]]);
const mixOf = (...e: Array<readonly [Client, number]>) => new Picker<Client>(e);
const serviceIp =
  (service: string): IpSource =>
  () =>
    service;

export function getCast(): Actor[] {
  cast ??= buildCast();
  return cast;
}
let cast: Actor[] | null = null;

/** Root users (management and prod). Not part of the regular traffic: they appear only in rare sessions. */
export function getRoots(): Actor[] {
  roots ??= [MANAGEMENT, PROD].map((account, i) => {
    const browser = BROWSERS[(i + 2) % BROWSERS.length];
    return {
      id: 1000 + i,
      label: `root@${account.alias}`,
      kind: 'Root',
      account,
      weight: 0,
      diurnal: true,
      consoleUser: true,
      user: null,
      role: null,
      sessionName: () => '',
      sessionSeconds: HOUR,
      mfa: true,
      invokedBy: null,
      service: null,
      ec2Role: false,
      webIdentity: null,
      regions: US_EAST_1,
      actions: P.rootPersona(),
      clients: only(consoleClient(browser)),
      ips: personIps(1),
      denyWrites: 0,
      denyAll: 0,
      denyIamWrites: false,
      browser,
      vpce: false,
    } satisfies Actor;
  });
  return roots;
}
let roots: Actor[] | null = null;

function buildCast(): Actor[] {
  const w = getWorld();
  const list: Actor[] = [];
  let people = 0;
  const add = (d: Def): Actor => {
    const a: Actor = {
      id: list.length,
      diurnal: false,
      consoleUser: false,
      user: null,
      role: null,
      sessionName: () => d.role?.name ?? d.label,
      sessionSeconds: HOUR,
      mfa: false,
      invokedBy: null,
      service: null,
      ec2Role: false,
      webIdentity: null,
      denyWrites: 0,
      denyAll: 0,
      denyIamWrites: false,
      browser: BROWSERS[0],
      vpce: false,
      ...d,
    };
    list.push(a);
    return a;
  };

  // ---- people ----
  const iamPerson = (
    account: Account,
    name: string,
    weight: number,
    actions: Actor['actions'],
    o: Partial<Actor> & { os: 'mac' | 'linux' | 'windows'; console: number },
  ) => {
    const browser = BROWSERS[people % BROWSERS.length];
    add({
      label: name,
      kind: 'IAMUser',
      account,
      weight,
      actions,
      regions: PEOPLE,
      diurnal: true,
      consoleUser: true,
      mfa: true,
      user: w.user(account, name),
      browser,
      sessionSeconds: 8 * HOUR,
      clients: mixOf([consoleClient(browser), o.console], [cliClient(o.os), 1 - o.console]),
      ips: personIps(++people),
      ...o,
    });
  };
  const ssoPeople = new Map<string, { browser: string; ips: IpSource; os: 'mac' | 'linux' | 'windows' }>();
  const ssoPerson = (email: string, account: Account, set: PermissionSet, weight: number, actions: Actor['actions'], extra: Partial<Actor> = {}) => {
    let p = ssoPeople.get(email);
    if (!p) {
      p = { browser: BROWSERS[people % BROWSERS.length], ips: personIps(++people), os: (['mac', 'mac', 'linux', 'windows'] as const)[people % 4] };
      ssoPeople.set(email, p);
    }
    add({
      label: `${email}@${account.alias}`,
      kind: 'AssumedRole',
      account,
      weight,
      actions,
      regions: PEOPLE,
      diurnal: true,
      consoleUser: true,
      role: w.role(account, set),
      sessionName: () => email,
      sessionSeconds: 8 * HOUR,
      browser: p.browser,
      clients: mixOf([consoleClient(p.browser), 0.7], [cliClient(p.os), 0.3]),
      ips: p.ips,
      ...extra,
    });
  };

  const orgAccess = (c: Ctx) => ({ role: w.role(c.rng.chance(0.7) ? PROD : STAGING, 'OrganizationAccountAccessRole'), session: 'alice.nguyen' });
  iamPerson(MANAGEMENT, 'alice.nguyen', 2.0, P.adminPersona(orgAccess), { os: 'mac', console: 0.55 });
  iamPerson(MANAGEMENT, 'ops-breakglass', 0.03, P.adminPersona(null), { os: 'mac', console: 1 });
  iamPerson(STAGING, 'dev.kim', 2.0, P.developerPersona(), { os: 'linux', console: 0.5, denyIamWrites: true });
  iamPerson(STAGING, 'j.smith', 1.5, P.developerPersona(), { os: 'windows', console: 0.7, denyIamWrites: true, mfa: false });
  iamPerson(SECURITY, 'sec-tools-admin', 0.2, P.adminPersona(null), { os: 'mac', console: 0.8 });

  const MARIA = 'maria.garcia@acme-corp.com',
    DEV = 'dev.patel@acme-corp.com',
    SAM = 'sam.lee@acme-corp.com';
  const JIN = 'jin.park@acme-corp.com',
    OLIVIA = 'olivia.brown@acme-corp.com';
  ssoPerson(MARIA, MANAGEMENT, 'AdministratorAccess', 0.8, P.adminPersona(null));
  ssoPerson(MARIA, PROD, 'AdministratorAccess', 1.5, P.adminPersona(null));
  ssoPerson(MARIA, STAGING, 'AdministratorAccess', 0.5, P.adminPersona(null));
  ssoPerson(MARIA, SECURITY, 'AdministratorAccess', 0.4, P.adminPersona(null));
  ssoPerson(DEV, PROD, 'PowerUserAccess', 2.0, P.developerPersona(), { denyIamWrites: true });
  ssoPerson(DEV, STAGING, 'PowerUserAccess', 2.5, P.developerPersona(), { denyIamWrites: true });
  ssoPerson(SAM, PROD, 'ReadOnlyAccess', 1.2, P.readOnlyPersona(), { denyWrites: 1 });
  ssoPerson(SAM, SECURITY, 'ReadOnlyAccess', 0.8, P.readOnlyPersona(), { denyWrites: 1 });
  ssoPerson(JIN, SECURITY, 'SecurityAudit', 2.0, P.securityAnalystPersona(), { denyWrites: 1 });
  ssoPerson(JIN, PROD, 'SecurityAudit', 0.8, P.securityAnalystPersona(), { denyWrites: 1 });
  ssoPerson(OLIVIA, STAGING, 'AdministratorAccess', 1.2, P.adminPersona(null));
  ssoPerson(OLIVIA, PROD, 'ViewOnlyAccess', 0.5, P.readOnlyPersona(), { denyWrites: 1 });

  // alice switching into prod/staging with OrganizationAccountAccessRole
  for (const [account, weight] of [
    [PROD, 0.6],
    [STAGING, 0.3],
  ] as const) {
    const browser = BROWSERS[0];
    add({
      label: `alice.nguyen@${account.alias}`,
      kind: 'AssumedRole',
      account,
      weight,
      actions: P.adminPersona(null),
      regions: PEOPLE,
      diurnal: true,
      role: w.role(account, 'OrganizationAccountAccessRole'),
      sessionName: () => 'alice.nguyen',
      sessionSeconds: HOUR,
      browser,
      clients: mixOf([consoleClient(browser), 0.5], [cliClient('mac'), 0.5]),
      ips: personIps(1),
    });
  }

  // ---- CI ----
  for (const [account, weight, actions] of [
    [MANAGEMENT, 1.2, P.terraformStatePersona()],
    [PROD, 3, P.terraformPersona()],
    [STAGING, 2.5, P.terraformPersona()],
  ] as const) {
    const webIdentity = { provider: GITHUB_PROVIDER(account), subject: 'repo:acme-corp/infra:ref:refs/heads/main' };
    add({
      label: `github-actions-deploy@${account.alias}`,
      kind: 'AssumedRole',
      account,
      weight,
      actions,
      regions: account === STAGING ? STAGING_REGIONS : PRIMARY,
      diurnal: true,
      role: w.role(account, 'github-actions-deploy'),
      sessionName: () => 'GitHubActions',
      webIdentity,
      clients: only(terraformClient()),
      ips: githubRunnerIps,
    });
    add({
      label: `github-oidc@${account.alias}`,
      kind: 'WebIdentityUser',
      account,
      weight: weight * 0.12,
      actions: P.webIdentityPersona(),
      regions: US_EAST_1,
      diurnal: true,
      webIdentity,
      clients: only(githubClient()),
      ips: githubRunnerIps,
    });
  }
  const ciUser = (account: Account, name: string, weight: number, actions: Actor['actions'], ips: IpSource) =>
    add({
      label: `${name}@${account.alias}`,
      kind: 'IAMUser',
      account,
      weight,
      actions,
      regions: PRIMARY,
      diurnal: true,
      user: w.user(account, name),
      clients: only(terraformClient()),
      ips,
    });
  ciUser(PROD, 'ci-deploy', 1.5, P.terraformPersona(), fixedIp(ON_PREM_DC_IP));
  ciUser(STAGING, 'ci-deploy', 1.0, P.terraformPersona(), fixedIp(ON_PREM_DC_IP));
  ciUser(MANAGEMENT, 'terraform-bootstrap', 0.3, P.terraformStatePersona(), fixedIp(ON_PREM_DC_IP));

  add({
    label: 'cdk-cfn-exec@acme-prod',
    kind: 'AssumedRole',
    account: PROD,
    weight: 0.8,
    actions: P.cloudFormationPersona(),
    regions: US_EAST_1,
    diurnal: true,
    role: w.role(PROD, 'cdk-hnb659fds-cfn-exec-role-731948260517-us-east-1'),
    sessionName: () => 'AWSCloudFormation',
    invokedBy: 'cloudformation.amazonaws.com',
    clients: only(serviceClient('cloudformation.amazonaws.com')),
    ips: serviceIp('cloudformation.amazonaws.com'),
  });

  // ---- workloads ----
  const instanceSession = (c: Ctx) => c.rng.pick(c.res.instances).id;
  for (const [account, weight, regions] of [
    [PROD, 10, PRIMARY],
    [STAGING, 3, STAGING_REGIONS],
  ] as const) {
    const role = w.role(account, 'orders-api-instance-role');
    const base = { kind: 'AssumedRole' as IdentityKind, account, regions, role, sessionName: instanceSession, sessionSeconds: 6 * HOUR, ec2Role: true };
    add({
      ...base,
      label: `orders-api@${account.alias}`,
      weight,
      actions: P.appInstancePersona(),
      clients: only(javaClient()),
      ips: natIps(account.idx),
      vpce: true,
      denyAll: 0.005,
    });
    add({
      ...base,
      label: `orders-api/s3-kms@${account.alias}`,
      weight: weight * 0.35,
      actions: P.s3KmsPersona(),
      invokedBy: 's3.amazonaws.com',
      clients: only(serviceClient('s3.amazonaws.com')),
      ips: serviceIp('s3.amazonaws.com'),
    });
    add({
      ...base,
      label: `orders-api/secrets-kms@${account.alias}`,
      weight: weight * 0.08,
      actions: P.secretsKmsPersona(),
      invokedBy: 'secretsmanager.amazonaws.com',
      clients: only(serviceClient('secretsmanager.amazonaws.com')),
      ips: serviceIp('secretsmanager.amazonaws.com'),
    });
  }
  const lambdaRole = (account: Account, fn: string, roleName: string, weight: number, actions: Actor['actions'], regions: Picker<string>) => {
    const role = w.role(account, roleName);
    add({
      label: `${fn}@${account.alias}`,
      kind: 'AssumedRole',
      account,
      weight,
      actions,
      regions,
      role,
      sessionName: () => fn,
      sessionSeconds: 3 * HOUR,
      clients: only(boto3Client('python3.12')),
      ips: natIps(account.idx),
    });
    add({
      label: `${fn}/s3-kms@${account.alias}`,
      kind: 'AssumedRole',
      account,
      weight: weight * 0.2,
      actions: P.s3KmsPersona(),
      regions,
      role,
      sessionName: () => fn,
      sessionSeconds: 3 * HOUR,
      invokedBy: 's3.amazonaws.com',
      clients: only(serviceClient('s3.amazonaws.com')),
      ips: serviceIp('s3.amazonaws.com'),
    });
  };
  lambdaRole(PROD, 'thumbnail-resizer', 'thumbnail-resizer-role', 4, P.thumbnailPersona(), THUMBNAIL_REGIONS);
  lambdaRole(PROD, 'nightly-report', 'nightly-report-role', 2, P.reportPersona(), US_EAST_1);
  lambdaRole(STAGING, 'thumbnail-resizer', 'thumbnail-resizer-role', 1, P.thumbnailPersona(), US_EAST_1);

  const machineUser = (account: Account, name: string, weight: number, actions: Actor['actions'], client: Client, ips: IpSource, extra: Partial<Actor> = {}) =>
    add({
      label: `${name}@${account.alias}`,
      kind: 'IAMUser',
      account,
      weight,
      actions,
      regions: PRIMARY,
      user: w.user(account, name),
      clients: only(client),
      ips,
      ...extra,
    });
  machineUser(PROD, 'legacy-reporting', 2, P.legacyReportingPersona(), boto3Client(undefined, '1.26.0'), fixedIp(ON_PREM_DC_IP), { denyAll: 0.25 });
  machineUser(PROD, 'backup-agent', 1.5, P.backupPersona(), cliClient('linux', '2.15.30'), fixedIp(ON_PREM_DC_IP));
  machineUser(STAGING, 'qa-automation', 1.5, P.qaPersona(), boto3Client(), natIps(STAGING.idx));
  machineUser(SECURITY, 'splunk-ingest', 3, P.siemPersona(), boto3Client(), fixedIp(SIEM_IP));

  // ---- AWS services and service-linked roles ----
  const securityNat = natIps(SECURITY.idx);
  for (const [account, configWeight, scanWeight] of [
    [MANAGEMENT, 1, 0.8],
    [PROD, 3, 2],
    [STAGING, 2, 1.2],
    [SECURITY, 1.5, 0],
  ] as const) {
    add({
      label: `config-recorder@${account.alias}`,
      kind: 'AssumedRole',
      account,
      weight: configWeight,
      actions: P.configRecorderPersona(),
      regions: EVERYWHERE,
      role: w.role(account, 'AWSServiceRoleForConfig'),
      sessionName: () => 'AWSConfig-Describe',
      invokedBy: 'config.amazonaws.com',
      clients: only(serviceClient('config.amazonaws.com')),
      ips: serviceIp('config.amazonaws.com'),
    });
    if (scanWeight > 0) {
      add({
        label: `security-scanner@${account.alias}`,
        kind: 'AssumedRole',
        account,
        weight: scanWeight,
        actions: P.scannerPersona(),
        regions: EVERYWHERE,
        role: w.role(account, 'SecurityAuditRole'),
        sessionName: (c) => `prowler-${c.iso.slice(0, 10).replace(/-/g, '')}`,
        denyAll: 0.03,
        clients: only(boto3Client()),
        ips: (rng: Rng) => securityNat(rng, 'us-east-1'),
      });
    }
  }
  add({
    label: 'autoscaling@acme-prod',
    kind: 'AssumedRole',
    account: PROD,
    weight: 0.6,
    actions: P.autoScalingPersona(),
    regions: PRIMARY,
    role: w.role(PROD, 'AWSServiceRoleForAutoScaling'),
    sessionName: () => 'AutoScaling',
    invokedBy: 'autoscaling.amazonaws.com',
    clients: only(serviceClient('autoscaling.amazonaws.com')),
    ips: serviceIp('autoscaling.amazonaws.com'),
  });
  const service = (account: Account, name: string, weight: number, actions: Actor['actions'], regions: Picker<string>) =>
    add({
      label: `${name}@${account.alias}`,
      kind: 'AWSService',
      account,
      weight,
      actions,
      regions,
      service: name,
      clients: only(serviceClient(name)),
      ips: serviceIp(name),
    });
  service(SECURITY, 'cloudtrail.amazonaws.com', 3.5, P.cloudTrailDeliveryPersona(), US_EAST_1);
  service(SECURITY, 'config.amazonaws.com', 1.5, P.configDeliveryPersona(), US_EAST_1);
  const lambdaFns = (account: Account) => (c: Ctx) => {
    const fn = c.rng.pick(c.res.functions);
    return { role: w.roles(account).find((r) => r.arn === fn.role)!, session: fn.name };
  };
  service(PROD, 'lambda.amazonaws.com', 1.5, P.serviceAssumePersona(lambdaFns(PROD)), PRIMARY);
  service(STAGING, 'lambda.amazonaws.com', 0.6, P.serviceAssumePersona(lambdaFns(STAGING)), STAGING_REGIONS);
  service(
    PROD,
    'ec2.amazonaws.com',
    1,
    P.serviceAssumePersona((c) => ({ role: w.role(PROD, 'orders-api-instance-role'), session: c.rng.pick(c.res.instances).id })),
    PRIMARY,
  );

  return list;
}
