/**
 * The shape of one API in the demo catalog: what CloudTrail records about it
 * (source, name, readOnly, category) and a builder that fills requestParameters,
 * responseElements, resources and additionalEventData for one call.
 */
import type { Picker, Rng } from './rng';
import type { TimeFormatter } from './time';
import type { Account, RegionResources, World } from './world';

export type Json = Record<string, unknown>;
export interface ResourceRef {
  accountId?: string;
  type: string;
  ARN: string;
}

/** Opaque random text shared by a generator run (session tokens, x-amz-id-2 …), sliced cheaply. */
export interface BlobPool {
  take(rng: Rng, n: number): string;
}

/** Per-call scratch state handed to builders; builders write the `req…host` outputs. */
export interface Ctx {
  rng: Rng;
  world: World;
  blobs: BlobPool;
  time: TimeFormatter;
  seed: number;
  sec: number;
  iso: string;
  acct: Account;
  /** The caller's region; a builder may move it (an S3 call goes to the bucket's region). */
  region: string;
  res: RegionResources;
  requestId: string;
  /** The caller's ARN, for error messages and resource policies. */
  callerArn: string;
  /** The caller's short name (IAM user, role session, service) for names builders invent. */
  callerName: string;

  req: Json | null;
  resp: Json | null;
  resources: ResourceRef[] | null;
  extra: Json | null;
  /** tlsDetails.clientProvidedHostHeader when it is not `<svc>.<region>.amazonaws.com`. */
  host: string | null;
  /** The resource ARN an AccessDenied message names when `resources` is not set. */
  target: string | null;
  /** Extra top-level fields (e.g. vpcEndpointId, sharedEventID), merged at the end. */
  top: Json | null;
}

export interface ErrorOutcome {
  code: string | null; // ConsoleLogin failures carry only a message
  message: (c: Ctx) => string;
}

export interface ApiSpec {
  source: string;
  name: string;
  readOnly: boolean;
  category: 'Management' | 'Data';
  /** IAM (and the STS global endpoint) record every call in us-east-1. */
  global: boolean;
  version: string;
  /** `ec2.describe-instances`, used in aws-cli `md/command#…`. */
  cli: string;
  /** `ec2:DescribeInstances`, used in AccessDenied messages. */
  iamAction: string;
  /** Short service name for endpoints and SDK user agents (`ec2`, `s3`, `iam` …). */
  svc: string;
  errorRate: number;
  errors: Picker<ErrorOutcome> | null;
  build(c: Ctx): void;
}
