/**
 * Who calls AWS in the demo (an Actor) and the `userIdentity` CloudTrail writes for each
 * kind: IAM users (access keys or console sessions), assumed roles (incl. IAM Identity
 * Center `AWSReservedSSO_…` roles, EC2 instance roles, service-linked roles used by a
 * service), the root user, AWS services, and GitHub OIDC web identities.
 */
import type { ApiSpec, Ctx, Json } from './catalog-types';
import type { Client, IpSource } from './clients';
import { hash4, hashString, hashedKeyId, type Picker } from './rng';
import type { Account, IamUserDef, RoleDef } from './world';

export type IdentityKind = 'IAMUser' | 'AssumedRole' | 'Root' | 'AWSService' | 'WebIdentityUser';

export interface Actor {
  id: number;
  label: string;
  kind: IdentityKind;
  account: Account;
  /** Share of traffic (relative). */
  weight: number;
  /** Follows office hours (people and the CI they trigger) rather than running around the clock. */
  diurnal: boolean;
  /** A person who signs in to the console (console sessions start with ConsoleLogin). */
  consoleUser: boolean;
  user: IamUserDef | null;
  role: RoleDef | null;
  /** Role session name for this call (instance id, function name, e-mail …). */
  sessionName(c: Ctx): string;
  /** How long one set of temporary credentials lives. */
  sessionSeconds: number;
  mfa: boolean;
  /** Service that uses this role on the caller's behalf (`invokedBy`, source IP and UA become the service). */
  invokedBy: string | null;
  /** For AWSService identities. */
  service: string | null;
  ec2Role: boolean;
  webIdentity: { provider: string; subject: string } | null;
  regions: Picker<string>;
  actions: Picker<ApiSpec>;
  clients: Picker<Client>;
  ips: IpSource;
  /** Probability that a write is denied (read-only people trying things). */
  denyWrites: number;
  /** Probability that any call is denied (a narrowly scoped key, a scanner). */
  denyAll: number;
  /** IAM writes are always denied (PowerUserAccess-style permissions). */
  denyIamWrites: boolean;
  browser: string;
  /** Private IP + gateway endpoint for S3 sometimes (workloads inside a VPC). */
  vpce: boolean;
}

export interface Session {
  key: string;
  created: number;
}

/** Temporary credentials that stay the same for the life of a session, without keeping state. */
export function derivedSession(a: Actor, seed: number, sec: number, name: string): Session {
  const len = a.sessionSeconds;
  const nh = hashString(name);
  const phase = hash4(a.id, nh) % len;
  const idx = Math.floor((sec + phase) / len);
  return { key: hashedKeyId('ASIA', seed, a.id ^ nh, idx), created: idx * len - phase };
}

export function roleSessionArn(accountId: string, role: RoleDef, session: string): string {
  return `arn:aws:sts::${accountId}:assumed-role/${role.name}/${session}`;
}

/** The caller ARN as it appears in error messages. */
export function callerArn(a: Actor, session: string): string {
  switch (a.kind) {
    case 'IAMUser':
      return a.user!.arn;
    case 'AssumedRole':
      return roleSessionArn(a.account.id, a.role!, session);
    case 'Root':
      return `arn:aws:iam::${a.account.id}:root`;
    case 'WebIdentityUser':
      return a.webIdentity!.subject;
    case 'AWSService':
      return a.service!;
  }
}

/**
 * The userIdentity block. `viaConsole` selects the console-session form for IAM users;
 * `s` carries the temporary credentials for everything that has them.
 */
export function userIdentity(a: Actor, c: Ctx, session: string, s: Session | null, viaConsole: boolean): Json {
  const acct = a.account.id;
  switch (a.kind) {
    case 'AWSService':
      return { type: 'AWSService', invokedBy: a.service };
    case 'WebIdentityUser': {
      const w = a.webIdentity!;
      return { type: 'WebIdentityUser', principalId: `${w.provider}:sts.amazonaws.com:${w.subject}`, userName: w.subject, identityProvider: w.provider };
    }
    case 'IAMUser': {
      const u = a.user!;
      if (!viaConsole || !s) return { type: 'IAMUser', principalId: u.principalId, arn: u.arn, accountId: acct, accessKeyId: u.accessKeyId, userName: u.name };
      return {
        type: 'IAMUser',
        principalId: u.principalId,
        arn: u.arn,
        accountId: acct,
        accessKeyId: s.key,
        userName: u.name,
        sessionContext: {
          sessionIssuer: {},
          webIdFederationData: {},
          attributes: { creationDate: c.time.iso(s.created), mfaAuthenticated: a.mfa ? 'true' : 'false' },
        },
      };
    }
    case 'Root':
      return {
        type: 'Root',
        principalId: acct,
        arn: `arn:aws:iam::${acct}:root`,
        accountId: acct,
        accessKeyId: s ? s.key : '',
        sessionContext: { attributes: { creationDate: c.time.iso(s ? s.created : c.sec), mfaAuthenticated: 'true' } },
      };
    case 'AssumedRole': {
      const r = a.role!;
      const sessionContext: Json = {
        sessionIssuer: { type: 'Role', principalId: r.roleId, arn: r.arn, accountId: acct, userName: r.name },
        webIdFederationData: a.webIdentity ? { federatedProvider: a.webIdentity.provider, attributes: {} } : {},
        attributes: { creationDate: c.time.iso(s ? s.created : c.sec), mfaAuthenticated: 'false' },
      };
      if (a.ec2Role) sessionContext.ec2RoleDelivery = '2.0';
      const ui: Json = {
        type: 'AssumedRole',
        principalId: `${r.roleId}:${session}`,
        arn: roleSessionArn(acct, r, session),
        accountId: acct,
        accessKeyId: s ? s.key : '',
        sessionContext,
      };
      if (a.invokedBy) ui.invokedBy = a.invokedBy;
      return ui;
    }
  }
}
