import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { fromIni, fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { env, secretFromEnv } from '../env';
import { getLake } from '../built-in-lake';
import type { ConnectionConfig } from '../connections/config';
import { inProcessClient } from './in-process-handler';
import { ApiError } from '../http/errors';

/**
 * CloudTrail clients per connection and region. The built-in lake is reached in process with the
 * same SDK and the same signed wire format an AWS endpoint gets; everything else over HTTPS.
 */
export const BUILTIN = 'builtin';

export interface Connection {
  id: string;
  name: string;
  type: 'builtin' | 'aws' | 'endpoint';
  regions: string[];
}

export function connections(): Connection[] {
  return [
    { id: BUILTIN, name: 'Built-in lake', type: 'builtin', regions: [env().TRAILBENCH_LAKE_REGION] },
    ...env().TRAILBENCH_CONNECTIONS.map((c) => ({ id: c.id, name: c.name, type: c.type, regions: c.type === 'aws' ? c.regions : [c.region] })),
  ];
}

const cache = new Map<string, Promise<CloudTrailClient>>();

export function clientFor(connectionId: string, region?: string): Promise<CloudTrailClient> {
  const key = `${connectionId}~${region ?? ''}`;
  let client = cache.get(key);
  if (!client) {
    client = create(connectionId, region).catch((e) => {
      cache.delete(key);
      throw e;
    });
    cache.set(key, client);
  }
  return client;
}

async function create(connectionId: string, region?: string): Promise<CloudTrailClient> {
  if (connectionId === BUILTIN) return inProcessClient(await getLake());
  const c = env().TRAILBENCH_CONNECTIONS.find((x) => x.id === connectionId);
  if (!c) throw new UnknownConnectionError(connectionId);
  const regions = c.type === 'aws' ? c.regions : [c.region];
  const r = region ?? regions[0];
  if (!regions.includes(r)) throw new UnknownConnectionError(`${connectionId} in ${r}`);
  return new CloudTrailClient({ region: r, endpoint: c.endpoint, credentials: credentialsFor(c, r), maxAttempts: 3 });
}

function credentialsFor(c: ConnectionConfig, region: string): AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined {
  let base: AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined;
  const keyId = secretFromEnv(c.accessKeyIdEnv);
  const secret = secretFromEnv(c.secretAccessKeyEnv);
  if (c.accessKeyIdEnv || c.secretAccessKeyEnv) {
    if (!keyId || !secret) throw new Error(`Connection ${c.id}: environment variables ${c.accessKeyIdEnv} and ${c.secretAccessKeyEnv} must both be set.`);
    base = { accessKeyId: keyId, secretAccessKey: secret };
  } else if (c.type === 'aws' && c.profile) {
    base = fromIni({ profile: c.profile });
  }
  if (c.type === 'aws' && c.roleArn) {
    return fromTemporaryCredentials({
      params: { RoleArn: c.roleArn, RoleSessionName: 'trailbench', ExternalId: c.externalId },
      masterCredentials: base,
      clientConfig: { region },
    });
  }
  return base; // undefined: the standard AWS credential chain
}

class UnknownConnectionError extends ApiError {
  constructor(what: string) {
    super('UnknownConnection', `No connection ${what} is configured.`, 404);
  }
}
