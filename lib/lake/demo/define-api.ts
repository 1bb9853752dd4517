/**
 * `api()` builds an ApiSpec with the derived bits (cli command, IAM action, event version),
 * and the error outcomes shared by the catalog, with AWS's real codes and messages.
 */
import type { ApiSpec, Ctx, ErrorOutcome } from './catalog-types';
import { Picker } from './rng';

const VERSIONS: Record<string, string> = {
  ec2: '1.10',
  s3: '1.10',
  signin: '1.09',
  secretsmanager: '1.11',
  cloudtrail: '1.11',
};

const CLI_SERVICE: Record<string, string> = { s3: 's3api', signin: 'signin' };

interface ApiOptions {
  ro: boolean;
  data?: boolean;
  global?: boolean;
  /** IAM action when it is not `<svc>:<name>` (e.g. s3:ListAllMyBuckets). */
  iam?: string;
  /** Natural failures (not permission problems): [outcome, weight] and their overall rate. */
  errors?: ReadonlyArray<readonly [ErrorOutcome, number]>;
  errorRate?: number;
  build(c: Ctx): void;
}

export function api(source: string, name: string, o: ApiOptions): ApiSpec {
  const svc = source.slice(0, source.indexOf('.'));
  const op = name.replace(/20\d{6}(v\d)?$/, ''); // Lambda: UpdateFunctionCode20150331v2
  return {
    source,
    name,
    svc,
    readOnly: o.ro,
    category: o.data ? 'Data' : 'Management',
    global: o.global ?? false,
    version: VERSIONS[svc] ?? '1.08',
    cli: `${CLI_SERVICE[svc] ?? svc}.${op.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase()}`,
    iamAction: o.iam ?? `${svc}:${op}`,
    errorRate: o.errors?.length ? (o.errorRate ?? 0.03) : 0,
    errors: o.errors?.length ? new Picker(o.errors) : null,
    build: o.build,
  };
}

export function fail(code: string, message: string | ((c: Ctx) => string)): ErrorOutcome {
  return { code, message: typeof message === 'string' ? () => message : message };
}

function resourceOf(c: Ctx): string {
  return c.target ?? c.resources?.[0]?.ARN ?? '*';
}

/** The AccessDenied a caller without the permission gets, per service. */
export function accessDenied(spec: ApiSpec, c: Ctx): { code: string; message: string } {
  const who = `User: ${c.callerArn} is not authorized to perform: ${spec.iamAction}`;
  switch (spec.svc) {
    case 'ec2':
      return {
        code: 'Client.UnauthorizedOperation',
        message: `You are not authorized to perform this operation. ${who} on resource: ${resourceOf(c)} because no identity-based policy allows the ${spec.iamAction} action. Encoded authorization failure message: ${c.blobs.take(c.rng, 220)}`,
      };
    case 's3':
      return { code: 'AccessDenied', message: 'Access Denied' };
    case 'kms':
    case 'lambda':
    case 'cloudtrail':
    case 'secretsmanager':
      return {
        code: 'AccessDeniedException',
        message: `${who} on resource: ${resourceOf(c)} because no identity-based policy allows the ${spec.iamAction} action`,
      };
    default: // iam, sts
      return {
        code: 'AccessDenied',
        message: `${who} on resource: ${resourceOf(c)} because no identity-based policy allows the ${spec.iamAction} action`,
      };
  }
}

export const THROTTLED_EC2 = fail('Client.RequestLimitExceeded', 'Request limit exceeded.');
export const THROTTLED = fail('ThrottlingException', 'Rate exceeded');
