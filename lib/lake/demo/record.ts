/**
 * Turns "actor X calls API Y at second S" into the CloudTrail record, with keys in the order
 * CloudTrail writes them. Also builds ConsoleLogin sign-in records.
 */
import type { ApiSpec, Json, ResourceRef } from './catalog-types';
import type { Client } from './clients';
import { accessDenied } from './define-api';
import { callerArn, derivedSession, roleSessionArn, userIdentity, type Actor, type Session } from './identities';
import { hash4, hashString } from './rng';
import type { GenState } from './state';

export interface CallOptions {
  client?: Client;
  ip?: string;
  region?: string;
  session?: Session;
  /** true: force AccessDenied (unless the API cannot be denied); false: never deny. */
  deny?: boolean;
}

const CIPHER: Record<string, string> = { 'TLSv1.3': 'TLS_AES_128_GCM_SHA256', 'TLSv1.2': 'ECDHE-RSA-AES128-GCM-SHA256' };
/** Share of console-originated calls CloudTrail shows as coming from "AWS Internal". */
const AWS_INTERNAL_SHARE = 0.08;

const vpces = new Map<string, string>();
/** The S3 gateway endpoint of an account's VPC in a region (stable). */
function vpceId(accountIdx: number, region: string): string {
  const k = accountIdx + region;
  let id = vpces.get(k);
  if (id === undefined) {
    const h = hashString(k);
    id = `vpce-0${h.toString(16).padStart(8, '0')}${hash4(h, accountIdx).toString(16).padStart(8, '0')}`;
    vpces.set(k, id);
  }
  return id;
}

export function apiCall(g: GenState, a: Actor, spec: ApiSpec, sec: number, o: CallOptions = {}): Json {
  const { rng, world } = g;
  const c = g.ctx;
  c.req = c.resp = c.resources = c.extra = c.host = c.target = c.top = null;
  c.sec = sec;
  c.iso = g.time.iso(sec);
  const client = o.client ?? a.clients.pick(rng);
  const region = spec.global ? 'us-east-1' : (o.region ?? a.regions.pick(rng));
  c.acct = a.account;
  c.region = region;
  c.res = world.res(a.account, region);
  const session = a.kind === 'AssumedRole' ? a.sessionName(c) : '';
  c.callerName = session || (a.user ? a.user.name : a.webIdentity ? a.webIdentity.subject : (a.service ?? a.label));
  c.callerArn = callerArn(a, session);
  c.requestId = rng.uuid();
  spec.build(c);
  // Read back what the builder wrote (TypeScript cannot see the writes through the call).
  const out = c as { extra: Json | null; resources: ResourceRef[] | null; top: Json | null; host: string | null };

  const viaConsole = client.kind === 'console';
  const s =
    o.session ??
    (a.kind === 'AssumedRole' || a.kind === 'Root' || (a.kind === 'IAMUser' && viaConsole) ? derivedSession(a, g.seed, sec, session || a.label) : null);
  const ui = userIdentity(a, c, session, s, viaConsole);

  let errorCode: string | null = null;
  let errorMessage: string | null = null;
  const deniable = spec.name !== 'GetCallerIdentity';
  const denied =
    deniable &&
    (o.deny ??
      ((a.denyAll > 0 && rng.float() < a.denyAll) ||
        (!spec.readOnly && ((a.denyIamWrites && spec.svc === 'iam') || (a.denyWrites > 0 && rng.float() < a.denyWrites)))));
  if (denied) {
    const d = accessDenied(spec, c);
    errorCode = d.code;
    errorMessage = d.message;
  } else if (spec.errors !== null && rng.float() < spec.errorRate) {
    const e = spec.errors.pick(rng);
    errorCode = e.code;
    errorMessage = e.message(c);
  }
  if (errorCode !== null || errorMessage !== null) c.resp = null;

  const internal = viaConsole && spec.svc !== 's3' && rng.float() < AWS_INTERNAL_SHARE;
  let ip = internal ? 'AWS Internal' : (o.ip ?? a.ips(rng, c.region));
  if (a.vpce && spec.svc === 's3' && rng.float() < 0.5) {
    // Through the VPC's S3 gateway endpoint: a private source address and the endpoint id.
    ip = `10.${10 + a.account.idx}.${rng.range(1, 40)}.${rng.range(4, 250)}`;
    out.top = { vpcEndpointId: vpceId(a.account.idx, c.region), vpcEndpointAccountId: a.account.id };
  }
  const tls = internal ? null : client.tls;
  if (tls === 'TLSv1.2' && out.extra !== null && 'CipherSuite' in out.extra) out.extra.CipherSuite = CIPHER[tls];

  const rec: Json = {
    eventVersion: spec.version,
    userIdentity: ui,
    eventTime: c.iso,
    eventSource: spec.source,
    eventName: spec.name,
    awsRegion: c.region,
    sourceIPAddress: ip,
    userAgent: internal ? 'AWS Internal' : client.ua(spec),
  };
  if (errorCode !== null) rec.errorCode = errorCode;
  if (errorMessage) rec.errorMessage = errorMessage;
  rec.requestParameters = c.req;
  rec.responseElements = c.resp;
  if (out.extra !== null) rec.additionalEventData = out.extra;
  rec.requestID = c.requestId;
  rec.eventID = rng.uuid();
  rec.readOnly = spec.readOnly;
  if (out.resources !== null) rec.resources = out.resources;
  rec.eventType = 'AwsApiCall';
  rec.managementEvent = spec.category === 'Management';
  rec.recipientAccountId = a.account.id;
  if (spec.name === 'AssumeRole' && (a.kind === 'AWSService' || out.resources?.[0]?.accountId !== a.account.id)) rec.sharedEventID = rng.uuid();
  if (out.top !== null) Object.assign(rec, out.top);
  rec.eventCategory = spec.category;
  if (tls !== null) {
    rec.tlsDetails = {
      tlsVersion: tls,
      cipherSuite: CIPHER[tls],
      clientProvidedHostHeader: out.host ?? (spec.svc === 'iam' ? 'iam.amazonaws.com' : `${spec.svc}.${c.region}.amazonaws.com`),
    };
  }
  if (viaConsole) rec.sessionCredentialFromConsole = 'true';
  return rec;
}

export interface LoginOptions {
  success: boolean;
  ip: string;
  userAgent: string;
  mfaUsed: boolean;
  region?: string;
  /** For an AssumedRole (Identity Center) sign-in: the session that results. */
  session?: Session;
}

/** A `signin.amazonaws.com` ConsoleLogin record (eventType AwsConsoleSignIn). */
export function consoleLogin(g: GenState, a: Actor, sec: number, o: LoginOptions): Json {
  const { rng } = g;
  const acct = a.account.id;
  const region = o.region ?? 'us-east-1';
  let ui: Json;
  if (a.kind === 'Root') {
    ui = { type: 'Root', principalId: acct, arn: `arn:aws:iam::${acct}:root`, accountId: acct, accessKeyId: '' };
  } else if (a.kind === 'IAMUser') {
    const u = a.user!;
    ui = o.success
      ? { type: 'IAMUser', principalId: u.principalId, arn: u.arn, accountId: acct, accessKeyId: '', userName: u.name }
      : { type: 'IAMUser', principalId: u.principalId, accountId: acct, accessKeyId: '', userName: u.name };
  } else {
    const r = a.role!;
    const session = a.sessionName(g.ctx);
    ui = {
      type: 'AssumedRole',
      principalId: `${r.roleId}:${session}`,
      arn: roleSessionArn(acct, r, session),
      accountId: acct,
      sessionContext: {
        sessionIssuer: { type: 'Role', principalId: r.roleId, arn: r.arn, accountId: acct, userName: r.name },
        webIdFederationData: {},
        attributes: { creationDate: g.time.iso(o.session ? o.session.created : sec), mfaAuthenticated: 'false' },
      },
    };
  }
  const rec: Json = {
    eventVersion: '1.09',
    userIdentity: ui,
    eventTime: g.time.iso(sec),
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    awsRegion: region,
    sourceIPAddress: o.ip,
    userAgent: o.userAgent,
  };
  if (!o.success) rec.errorMessage = 'Failed authentication';
  rec.requestParameters = null;
  rec.responseElements = { ConsoleLogin: o.success ? 'Success' : 'Failure' };
  rec.additionalEventData = {
    LoginTo:
      a.kind === 'AssumedRole'
        ? `https://${region}.console.aws.amazon.com/console/home?region=${region}`
        : `https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_${region}_${rng.hex(16)}`,
    MobileVersion: 'No',
    MFAUsed: o.mfaUsed ? 'Yes' : 'No',
  };
  rec.eventID = rng.uuid();
  rec.readOnly = false;
  rec.eventType = 'AwsConsoleSignIn';
  rec.managementEvent = true;
  rec.recipientAccountId = acct;
  rec.eventCategory = 'Management';
  rec.tlsDetails = {
    tlsVersion: 'TLSv1.3',
    cipherSuite: 'TLS_AES_128_GCM_SHA256',
    clientProvidedHostHeader: region === 'us-east-1' ? 'signin.aws.amazon.com' : `${region}.signin.aws.amazon.com`,
  };
  return rec;
}
