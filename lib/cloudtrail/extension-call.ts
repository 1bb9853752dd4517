import type { CloudTrailClient } from '@aws-sdk/client-cloudtrail';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { ApiError } from '../http/errors';
import { NodeSha256 } from '../util/node-sha256';

/**
 * Calls a Trailbench extension operation (e.g. TrailbenchEstimateQuery) on a CloudTrail-compatible
 * endpoint with the client's own credentials, signer settings and request handler. Returns
 * undefined when the connection is AWS itself (no custom endpoint) or the endpoint lacks it.
 */
export async function callExtension<T>(client: CloudTrailClient, operation: string, input: object): Promise<T | undefined> {
  const endpointOf = client.config.endpoint as (() => Promise<{ protocol: string; hostname: string; port?: number; path: string }>) | undefined;
  if (!endpointOf || !client.config.isCustomEndpoint) return undefined;
  const ep = await endpointOf();
  const host = ep.hostname + (ep.port ? `:${ep.port}` : '');
  const request = new HttpRequest({
    method: 'POST',
    protocol: ep.protocol,
    hostname: ep.hostname,
    port: ep.port,
    path: ep.path,
    headers: { host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `CloudTrail_20131101.${operation}` },
    body: JSON.stringify(input),
  });
  const signer = new SignatureV4({ credentials: client.config.credentials, region: await client.config.region(), service: 'cloudtrail', sha256: NodeSha256 });
  const { response } = await client.config.requestHandler.handle((await signer.sign(request)) as HttpRequest);
  const chunks: Buffer[] = [];
  for await (const c of response.body as AsyncIterable<Buffer>) chunks.push(Buffer.from(c));
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  if (response.statusCode === 200) return body as T;
  if (body.__type === 'UnknownOperationException') return undefined;
  throw new ApiError(
    String(body.__type ?? 'ServiceError'),
    String(body.Message ?? body.message ?? 'request failed'),
    response.statusCode >= 500 ? 502 : response.statusCode,
  );
}
